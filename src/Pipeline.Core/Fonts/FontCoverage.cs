using System.Text;
using SkiaSharp;

namespace Pipeline.Fonts;

/// <summary>
/// Which shipped face draws a character. Script decides: Han and CJK punctuation take the CJK face, Arabic
/// the Arabic face, everything else the Latin face, then whichever face has the glyph. Punctuation that both
/// Latin and Chinese use (quotes, dashes, ellipsis, spaces) follows its neighbours, so "NATO’s" gets a Latin
/// apostrophe and “中国” full-width quotes. A character no face has (emoji, scripts not shipped) is missing:
/// reports show <see cref="Replacement"/> for it and say how many there were.
/// </summary>
public static class FontCoverage
{
    public const char Replacement = '\uFFFD';

    [Flags]
    private enum InFace : byte { None = 0, Latin = 1, Cjk = 2, Arabic = 4 }

    // One entry per BMP code point, built once from the faces' own character maps.
    private static readonly Lazy<InFace[]> Table = new(Build);

    /// <summary>Builds the table from the faces' character maps now rather than at the first character asked about.</summary>
    public static void Prepare() => _ = Table.Value;

    /// <summary>True for characters that take the face of the text around them.</summary>
    public static bool IsNeutral(int cp) =>
        cp is ' ' or '\u00A0' or '\u3000' or '‘' or '’' or '“' or '”' or '—' or '–' or '…' or '·' or '•' or '′' or '″' or '/' or '-';

    /// <summary>True when some shipped face can draw <paramref name="cp"/> (line feeds count as drawable).</summary>
    public static bool Covered(int cp) => cp is '\n' or '\r' || cp < 0x10000 && Table.Value[cp] != InFace.None;

    /// <summary>True when <paramref name="face"/> has a glyph for <paramref name="cp"/>.</summary>
    public static bool Has(FontFace face, int cp) =>
        cp < 0x10000 && Table.Value[cp].HasFlag(face switch { FontFace.Cjk => InFace.Cjk, FontFace.Arabic => InFace.Arabic, _ => InFace.Latin });

    /// <summary>The face for a character that does not follow its context; null when no face has it.</summary>
    public static FontFace? Strong(int cp)
    {
        if (cp >= 0x10000) return null;
        var has = Table.Value[cp];
        if (has == InFace.None) return null;
        if (IsArabicScript(cp) && has.HasFlag(InFace.Arabic)) return FontFace.Arabic;
        if (IsCjkScript(cp) && has.HasFlag(InFace.Cjk)) return FontFace.Cjk;
        if (has.HasFlag(InFace.Latin)) return FontFace.Latin;
        return has.HasFlag(InFace.Cjk) ? FontFace.Cjk : FontFace.Arabic;
    }

    /// <summary>How many characters of <paramref name="texts"/> no face can draw, and the first few of them.</summary>
    public static (int Count, IReadOnlyList<string> Examples) Missing(IEnumerable<string> texts)
    {
        var count = 0;
        var examples = new List<string>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
            {
                if (Covered(rune.Value) || Rune.IsControl(rune) || Lookalike(rune.Value) is not null) continue;
                count++;
                var shown = rune.ToString();
                if (examples.Count < 3 && !examples.Contains(shown)) examples.Add(shown);
            }
        return (count, examples);
    }

    /// <summary>The text with every character no face has replaced by <see cref="Replacement"/> (a pair counts as one).</summary>
    public static string ReplaceMissing(string text)
    {
        var clean = true;
        foreach (var rune in text.EnumerateRunes())
            if (!Covered(rune.Value)) { clean = false; break; }
        if (clean) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Covered(rune.Value)) sb.Append(rune.ToString());
            else if (Lookalike(rune.Value) is { } lookalike) sb.Append(lookalike);
            // Variation selectors and joiners belong to the emoji they follow: one mark for the whole cluster.
            else if (rune.Value is 0xFE0F or 0x200D || rune.Value is >= 0x1F3FB and <= 0x1F3FF) continue;
            else sb.Append(Replacement);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A character the faces have that reads the same, for mathematical signs news writes in running text (the
    /// shipped subsets leave out the block): the ratio sign of 1∶2 as the full-width colon, the minus as a hyphen.
    /// </summary>
    public static char? Lookalike(int cp) => cp switch
    {
        0x2236 => '：', // ∶ ratio
        0x2212 => '-', // − minus
        0x2215 => '/', // ∕ division slash
        0x2217 => '*', // ∗ asterisk operator
        0x2219 => '·', // ∙ bullet operator
        0x223C => '~', // ∼ tilde operator
        _ => null,
    };

    public static bool IsArabicScript(int cp) =>
        cp is >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x08A0 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    public static bool IsCjkScript(int cp) =>
        cp is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFFEF;

    private static InFace[] Build()
    {
        var table = new InFace[0x10000];
        var all = new char[0xD800 + (0x10000 - 0xE000)];
        var n = 0;
        for (var c = 0; c < 0x10000; c++)
            if (c is < 0xD800 or >= 0xE000) all[n++] = (char)c;
        var text = new string(all, 0, n);
        foreach (var (face, flag) in new[] { (FontFace.Latin, InFace.Latin), (FontFace.Cjk, InFace.Cjk), (FontFace.Arabic, InFace.Arabic) })
        {
            using var font = new SKFont(ReportFonts.Typeface(face, bold: false));
            var glyphs = font.GetGlyphs(text);
            for (var i = 0; i < glyphs.Length; i++)
                if (glyphs[i] != 0) table[text[i]] |= flag;
        }
        // Controls draw nothing; a tab is shown as a space by the report text cleaner.
        for (var c = 0; c < 0x20; c++) table[c] = InFace.Latin;
        return table;
    }
}
