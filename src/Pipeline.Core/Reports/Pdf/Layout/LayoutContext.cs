using Pipeline.Fonts;
using SkiaSharp;

namespace Pipeline.Reports.Pdf.Layout;

/// <summary>A text style; <see cref="Face"/> is set by <see cref="FontFallback"/>, <see cref="Link"/> makes the text clickable.</summary>
public sealed record TextStyle(float Size, SKColor Color, bool Bold = false, SKColor? Background = null)
{
    public FontFace Face { get; init; } = FontFace.Latin;

    /// <summary>A URL, or "#anchor" of a named destination in the same document.</summary>
    public string? Link { get; init; }

    /// <summary>No line break after a hyphen or slash inside the text (dates); a space still breaks.</summary>
    public bool NoBreak { get; init; }

    public TextStyle With(bool? bold = null, SKColor? color = null, float? size = null) =>
        this with { Bold = bold ?? Bold, Color = color ?? Color, Size = size ?? Size };
}

public sealed record StyledRun
{
    public StyledRun(string text, TextStyle style) =>
        (Text, Style) = (FontCoverage.ReplaceMissing(Document.ReportText.Clean(text)), style);

    private StyledRun(TextStyle style, string cleanText) => (Text, Style) = (cleanText, style);

    /// <summary>A piece of a run's text, which is clean already.</summary>
    internal static StyledRun OfCleanText(string text, TextStyle style) => new(style, text);

    /// <summary>The text, cleaned of control characters (a line feed stays: it breaks the line); characters no font has are marked.</summary>
    public string Text { get; }
    public TextStyle Style { get; }
}

/// <summary>
/// Fonts and text measurement for one document. Layout measures with the full typefaces (shared, loaded once per
/// process); before drawing the writer swaps in subsets holding exactly the code points measured
/// (<see cref="UsedCodepoints"/>), whose advances are the same, so every measured position stays right.
/// </summary>
public sealed class LayoutContext : IDisposable
{
    private readonly Func<FontFace, bool, SKTypeface> _measuring;
    private Dictionary<(FontFace, bool), SKTypeface>? _drawing;
    private readonly Dictionary<(FontFace, bool, float), SKFont> _fonts = [];
    private readonly Dictionary<(FontFace, bool), HashSet<int>> _used = [];
    // Every line asks for these; the answer only depends on the size and spacing (subsets keep the full face's metrics).
    private readonly Dictionary<(float, float), (float, float)> _lineMetrics = [];
    // One paint for all text: SKPaint is a native object, and a document draws thousands of pieces one after the other.
    private readonly SKPaint _textPaint = new() { IsAntialias = true };

    public LayoutContext(Func<FontFace, bool, SKTypeface> fullTypeface) => _measuring = fullTypeface;

    /// <summary>The (face, bold) pairs text was measured in, each with its code points.</summary>
    public IReadOnlyDictionary<(FontFace Face, bool Bold), HashSet<int>> Used => _used;

    /// <summary>Code points measured so far in a face.</summary>
    public IReadOnlySet<int> UsedCodepoints(FontFace face, bool bold) =>
        _used.TryGetValue(Key(face, bold), out var set) ? set : new HashSet<int>();

    /// <summary>Advance of every UTF-16 unit of single-face <paramref name="text"/> (the low half of a surrogate pair gets 0).</summary>
    public float[] Advances(string text, TextStyle style)
    {
        Register(text, style);
        if (style.Face == FontFace.Arabic) return ArabicShaper.Advances(text, style.Size);
        var known = GlyphAdvances.Of(Key(style.Face, style.Bold), style.Size);
        var advances = new float[text.Length];
        List<int>? unknown = null; // where the code point has not been measured on this thread in this face and size
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSecondHalf(text, i) || text[i] == '\n') continue;
            if (known.TryGetValue(CodePointAt(text, i), out var advance)) advances[i] = advance;
            else (unknown ??= []).Add(i);
        }
        if (unknown is null) return advances;
        // One Skia call for all of them, each written as the text writes it.
        var codePoints = new List<int>();
        var probe = new System.Text.StringBuilder();
        foreach (var i in unknown)
        {
            var cp = CodePointAt(text, i);
            if (codePoints.Contains(cp)) continue;
            codePoints.Add(cp);
            probe.Append(text, i, cp > 0xFFFF ? 2 : 1);
        }
        var widths = Font(style).GetGlyphWidths(probe.ToString());
        if (widths.Length != codePoints.Count)
            throw new InvalidOperationException($"Skia gave {widths.Length} glyph widths for {codePoints.Count} code points");
        for (var g = 0; g < codePoints.Count; g++) known[codePoints[g]] = widths[g];
        foreach (var i in unknown) advances[i] = known[CodePointAt(text, i)];
        return advances;
    }

    // The low half of a surrogate pair: its code point was taken at the high half.
    private static bool IsSecondHalf(string text, int i) => char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]);

    private static int CodePointAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];

    /// <summary>Width of text of any script (split into faces).</summary>
    public float Measure(string text, TextStyle style) =>
        FontFallback.Split(text, style).Sum(r => Advances(r.Text, r.Style).Sum());

    /// <summary>Distance from the top of a line box to the baseline, and the line box height.</summary>
    public (float Ascent, float Height) LineMetrics(float size, float lineSpacing)
    {
        if (_lineMetrics.TryGetValue((size, lineSpacing), out var known)) return known;
        var m = Font(new TextStyle(size, SKColors.Black) { Face = FontFace.Cjk }).Metrics;
        var natural = -m.Ascent + m.Descent;
        var height = size * lineSpacing;
        return _lineMetrics[(size, lineSpacing)] = ((height - natural) / 2 - m.Ascent, height);
    }

    /// <summary>Draws text of any script at its natural advances.</summary>
    public void DrawString(SKCanvas canvas, string text, float x, float baseline, TextStyle style)
    {
        foreach (var run in FontFallback.Split(text, style))
        {
            DrawText(canvas, run.Text, x, baseline, run.Style);
            x += Advances(run.Text, run.Style).Sum();
        }
    }

    /// <summary>
    /// Draws single-face text at its natural advances, or at <paramref name="glyphOffsets"/> (one per code point) when given.
    /// Arabic is shaped and drawn right to left; justification never stretches it.
    /// </summary>
    public void DrawText(SKCanvas canvas, string text, float x, float baseline, TextStyle style, float[]? glyphOffsets = null)
    {
        if (_drawing is not null)
        {
            var measured = UsedCodepoints(style.Face, style.Bold);
            foreach (var rune in text.EnumerateRunes())
                if (!measured.Contains(rune.Value))
                    throw new InvalidOperationException($"U+{rune.Value:X4} is drawn but was never measured, so the embedded font lacks it");
        }
        var paint = _textPaint;
        paint.Color = style.Color;
        var font = Font(style);
        if (style.Face == FontFace.Arabic)
        {
            var (glyphs, xs, _, _) = ArabicShaper.Shape(text, style.Size);
            if (glyphs.Length == 0) return;
            using var builder = new SKTextBlobBuilder();
            builder.AddHorizontalRun(glyphs, font, xs, 0);
            using var shaped = builder.Build();
            if (shaped is not null) canvas.DrawText(shaped, x, baseline, paint);
            return;
        }
        if (_drawing is null)
        {
            // Drawn with the full faces (only a caller that never swaps in subsets does this): Skia maps and places.
            if (glyphOffsets is null) canvas.DrawText(text, x, baseline, font, paint);
            else using (var full = SKTextBlob.CreateHorizontal(text, font, glyphOffsets, 0))
                if (full is not null) canvas.DrawText(full, x, baseline, paint);
            return;
        }
        // The glyphs and their places come from this document's own tables, not from Skia's process-wide glyph
        // cache, whose lock two articles drawn at once would otherwise wait on for every piece of text.
        var (ids, places) = Placed(text, style, glyphOffsets);
        if (ids.Length == 0) return;
        using var run = new SKTextBlobBuilder();
        run.AddHorizontalRun(ids, font, places, 0);
        using var blob = run.Build();
        if (blob is not null) canvas.DrawText(blob, x, baseline, paint);
    }

    // Glyph ids of the subsets being drawn with, by code point: one Skia call per subset for all its code points.
    private readonly Dictionary<(FontFace, bool), Dictionary<int, ushort>> _glyphIds = [];

    private (ushort[] Glyphs, float[] Xs) Placed(string text, TextStyle style, float[]? glyphOffsets)
    {
        var ids = GlyphIds(Key(style.Face, style.Bold));
        var advances = glyphOffsets is null ? Advances(text, style) : null;
        var glyphs = new List<ushort>(text.Length);
        var xs = new List<float>(text.Length);
        float pen = 0;
        var codePoint = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSecondHalf(text, i)) continue;
            var at = glyphOffsets is null ? pen : glyphOffsets[codePoint];
            codePoint++;
            if (advances is not null) pen += advances[i];
            if (text[i] is '\n' or '\r') continue;
            var cp = CodePointAt(text, i);
            if (!ids.TryGetValue(cp, out var glyph))
            {
                // Registered after this subset's table was made: Skia maps it, as it would have drawn it.
                using var single = new SKFont(Typeface(style.Face, style.Bold), 12);
                ids[cp] = glyph = single.GetGlyph(cp);
            }
            glyphs.Add(glyph);
            xs.Add(at);
        }
        return ([.. glyphs], [.. xs]);
    }

    private Dictionary<int, ushort> GlyphIds((FontFace Face, bool Bold) key)
    {
        if (_glyphIds.TryGetValue(key, out var ids)) return ids;
        var codePoints = UsedCodepoints(key.Face, key.Bold).Order().ToArray();
        using var font = new SKFont(Typeface(key.Face, key.Bold), 12);
        var glyphs = font.GetGlyphs(string.Concat(codePoints.Select(char.ConvertFromUtf32)));
        if (glyphs.Length != codePoints.Length)
            throw new InvalidOperationException($"Skia gave {glyphs.Length} glyphs for {codePoints.Length} code points");
        ids = new Dictionary<int, ushort>(codePoints.Length);
        for (var g = 0; g < codePoints.Length; g++) ids[codePoints[g]] = glyphs[g];
        return _glyphIds[key] = ids;
    }

    /// <summary>Switches to the per-document subsets for drawing.</summary>
    public void UseForDrawing(IReadOnlyDictionary<(FontFace, bool), SKTypeface> subsets)
    {
        ClearFonts();
        _glyphIds.Clear();
        _drawing = new Dictionary<(FontFace, bool), SKTypeface>(subsets);
    }

    /// <summary>Notes single-face text that will be drawn (measuring does this itself).</summary>
    public void Register(string text, TextStyle style)
    {
        var key = Key(style.Face, style.Bold);
        if (!_used.TryGetValue(key, out var used)) _used[key] = used = [];
        foreach (var rune in text.EnumerateRunes())
            if (rune.Value is not ('\n' or '\r')) used.Add(rune.Value);
    }

    /// <summary>Notes text of any script that will be drawn with <see cref="DrawString"/>.</summary>
    public void RegisterString(string text, TextStyle style)
    {
        foreach (var run in FontFallback.Split(text, style)) Register(run.Text, run.Style);
    }

    /// <summary>The typeface text of a face is drawn with now: the full one while measuring, the subset once drawing.</summary>
    public SKTypeface Typeface(FontFace face, bool bold)
    {
        var key = Key(face, bold);
        return _drawing is null ? _measuring(key.Item1, key.Item2)
            : _drawing.TryGetValue(key, out var subset) ? subset
            : throw new InvalidOperationException($"no subset for {face}{(bold ? " bold" : "")}: nothing was measured in it");
    }

    // A face without a bold file draws bold with its regular one (never SKFont.Embolden: Skia's PDF backend
    // draws fake bold as outlines).
    private static (FontFace, bool) Key(FontFace face, bool bold) => (face, bold && ReportFonts.HasBold(face));

    private SKFont Font(TextStyle style)
    {
        var key = (style.Face, style.Bold && ReportFonts.HasBold(style.Face), style.Size);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(Typeface(style.Face, style.Bold), style.Size)
                { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, BaselineSnap = false, Edging = SKFontEdging.Antialias };
            _fonts[key] = font;
        }
        return font;
    }

    private void ClearFonts()
    {
        foreach (var f in _fonts.Values) f.Dispose();
        _fonts.Clear();
    }

    public void Dispose()
    {
        ClearFonts();
        _textPaint.Dispose();
    }
}

/// <summary>
/// Glyph advances that Skia measured, kept per thread by face, weight and size. Every measurement through Skia takes
/// the lock of its process-wide glyph cache, and two articles drawn at once waited on each other there (hundreds of
/// waits a run); an advance depends only on the face, size and code point (no kerning, no hinting, linear metrics),
/// and a subset keeps the full face's advances, so the kept value is what Skia would say again.
/// </summary>
internal static class GlyphAdvances
{
    [ThreadStatic] private static Dictionary<(FontFace, bool, float), Dictionary<int, float>>? _byFont;

    public static Dictionary<int, float> Of((FontFace Face, bool Bold) face, float size)
    {
        var byFont = _byFont ??= [];
        if (!byFont.TryGetValue((face.Face, face.Bold, size), out var known))
            byFont[(face.Face, face.Bold, size)] = known = [];
        return known;
    }
}

/// <summary>Splits text into runs of one face each (<see cref="FontCoverage"/> decides which).</summary>
public static class FontFallback
{
    public static IEnumerable<StyledRun> Split(StyledRun run) =>
        Split(run.Text, run.Style).Select(r => StyledRun.OfCleanText(r.Text, r.Style));

    public static List<(string Text, TextStyle Style)> Split(string text, TextStyle style)
    {
        var result = new List<(string, TextStyle)>();
        if (text.Length == 0) return result;
        var faces = FacesOf(text);
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && (faces[i] == faces[start] || char.IsLowSurrogate(text[i]))) continue;
            result.Add((text[start..i], style.Face == faces[start] ? style : style with { Face = faces[start] }));
            start = i;
        }
        return result;
    }

    /// <summary>The face of every UTF-16 unit: strong characters by script, neutral ones by the strong character before (else after).</summary>
    private static FontFace[] FacesOf(string text)
    {
        var faces = new FontFace[text.Length];
        var strong = new FontFace?[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            int cp = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            strong[i] = FontCoverage.IsNeutral(cp) || cp == '\n' ? null : FontCoverage.Strong(cp) ?? FontFace.Latin;
        }
        FontFace? before = null;
        for (var i = 0; i < text.Length; i++)
            if (strong[i] is { } s) before = faces[i] = s;
            else faces[i] = before ?? NextStrong(strong, i) ?? FontFace.Latin;
        // A neutral between two different scripts goes with the one before it, except Arabic, which a space
        // only joins when Arabic continues (so "عربي text" keeps its space Latin and the Arabic piece whole).
        for (var i = 0; i < text.Length; i++)
            if (strong[i] is null && faces[i] == FontFace.Arabic && NextStrong(strong, i) != FontFace.Arabic)
                faces[i] = FontFace.Latin;
        // A neutral the chosen face lacks goes to a face that has it.
        for (var i = 0; i < text.Length; i++)
            if (strong[i] is null && text[i] != '\n' && !FontCoverage.Has(faces[i], text[i]))
                faces[i] = FontCoverage.Strong(text[i]) ?? FontFace.Latin;
        return faces;
    }

    private static FontFace? NextStrong(FontFace?[] strong, int i)
    {
        for (var j = i + 1; j < strong.Length; j++)
            if (strong[j] is { } s) return s;
        return null;
    }
}
