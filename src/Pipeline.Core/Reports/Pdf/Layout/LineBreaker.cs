namespace Pipeline.Reports.Pdf.Layout;

/// <summary>
/// Greedy line breaking for mixed Chinese and Latin text. Latin breaks after spaces; CJK may break
/// between any two characters, except that closing punctuation never starts a line and opening
/// punctuation never ends one (kinsoku shori). A unit wider than the line is cut where it overflows.
/// </summary>
public static class LineBreaker
{
    /// <summary>Never at the start of a line.</summary>
    public const string NoBreakBefore = "，。、；：？！）》」』”’〉】〕〗］｝．…‥·々〜～%‰,.;:?!)]}";

    /// <summary>Never at the end of a line.</summary>
    public const string NoBreakAfter = "（《「『“‘〈【〔〖［｛([{";

    /// <summary>True when a line may start at <paramref name="i"/> (0 &lt; i &lt; text.Length).</summary>
    public static bool CanBreakBefore(string text, int i)
    {
        char before = text[i - 1], at = text[i];
        if (char.IsLowSurrogate(at)) return false;
        if (NoBreakBefore.Contains(at) || NoBreakAfter.Contains(before)) return false;
        if (IsSpace(at)) return false; // break after a run of spaces, which then hang at the line end
        if (IsSpace(before)) return true;
        if (IsCjk(before) || IsCjk(at)) return true;
        // Long Latin compounds and URLs: after a slash or hyphen followed by a letter or digit.
        return before is '/' or '-' && char.IsLetterOrDigit(at);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into lines no wider than <paramref name="width"/>, given the advance of
    /// every UTF-16 unit (0 for a low surrogate). Lines are [Start, End) without trailing spaces; '\n' forces a break.
    /// A unit marked in <paramref name="held"/> (a date) keeps the hyphen or slash before it on its line.
    /// </summary>
    public static List<(int Start, int End)> Break(string text, IReadOnlyList<float> advances, float width, IReadOnlyList<bool>? held = null)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < text.Length)
        {
            var x = 0f;
            var lastBreak = -1;
            var i = start;
            var end = -1;
            var next = text.Length;
            for (; i < text.Length; i++)
            {
                if (text[i] == '\n') { end = i; next = i + 1; break; }
                if (i > start && CanBreakBefore(text, i) && !(held is not null && held[i] && held[i - 1] && text[i - 1] is '-' or '/'))
                    lastBreak = i;
                if (x + advances[i] > width && i > start && !IsSpace(text[i]))
                {
                    // Overflow: go back to the last allowed break. A line without one is cut here,
                    // unless that would start the next line with closing punctuation: that hangs instead.
                    int cut;
                    if (lastBreak > start) cut = lastBreak;
                    else if (NoBreakBefore.Contains(text[i]) || NoBreakAfter.Contains(text[i - 1])) { x += advances[i]; continue; }
                    else cut = char.IsLowSurrogate(text[i]) ? i - 1 : i;
                    if (cut <= start) cut = i + 1;
                    end = cut;
                    next = cut;
                    break;
                }
                x += advances[i];
            }
            if (end < 0) { end = text.Length; next = text.Length; }
            lines.Add((start, TrimEnd(text, start, end)));
            start = next;
            if (start < text.Length && text[start - 1] != '\n')
                while (start < text.Length && IsSpace(text[start])) start++;
        }
        return lines;
    }

    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'   // radicals, CJK symbols and punctuation, kana, ideographs
            or >= '\uF900' and <= '\uFAFF' // compatibility ideographs
            or >= '\uFE30' and <= '\uFE4F' // CJK compatibility forms
            or >= '\uFF00' and <= '\uFFEF' // fullwidth forms
            // Quotes and apostrophes are left out: next to an ideograph a break is allowed anyway, and
            // inside English ("NATO’s") they must hold the word together.
            or '…' or '—' || char.IsSurrogate(c);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000';

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && IsSpace(text[end - 1])) end--;
        return end;
    }
}
