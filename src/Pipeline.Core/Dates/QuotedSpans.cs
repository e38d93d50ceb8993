namespace Pipeline.Dates;

/// <summary>
/// Titles in book marks (《》〈〉) and short quotations, where a date names a thing rather than a time;
/// and quotations of any length (“…” 「…」 『…』 "…"), where "today" is the speaker's day.
/// </summary>
internal sealed class QuotedSpans
{
    private const int ShortQuote = 30;
    private readonly List<(int Start, int End)> _titles = [];
    private readonly List<(int Start, int End)> _quotes = [];
    private readonly List<(int Start, int End)> _speech = [];

    public QuotedSpans(string text)
    {
        Collect(text, '《', '》', int.MaxValue, _titles);
        Collect(text, '〈', '〉', int.MaxValue, _titles);
        Collect(text, '“', '”', ShortQuote, _quotes);
        Collect(text, '"', '"', ShortQuote, _quotes);
        Collect(text, '“', '”', int.MaxValue, _speech);
        Collect(text, '「', '」', int.MaxValue, _speech);
        Collect(text, '『', '』', int.MaxValue, _speech);
        Collect(text, '"', '"', int.MaxValue, _speech);
        _titles.Sort();
        _quotes.Sort();
        _speech.Sort();
    }

    private static void Collect(string text, char open, char close, int maxLength, List<(int, int)> into)
    {
        var i = 0;
        while ((i = text.IndexOf(open, i)) >= 0)
        {
            var end = text.IndexOf(close, i + 1);
            if (end < 0) break;
            var newline = text.IndexOf('\n', i + 1, end - i - 1);
            if (newline < 0 && end - i - 1 <= maxLength) into.Add((i + 1, end));
            i = newline >= 0 ? newline : end + 1;
        }
    }

    public bool InTitle(int offset) => Inside(_titles, offset);

    public bool InTitleOrQuote(int offset) => Inside(_titles, offset) || Inside(_quotes, offset);

    /// <summary>
    /// The outermost quotation holding <paramref name="offset"/>, as the indices of its opening and closing
    /// marks, or null. A quotation stays inside one paragraph.
    /// </summary>
    public (int Open, int Close)? QuotationAt(int offset)
    {
        var last = LastStartingAtOrBefore(_speech, offset);
        (int Open, int Close)? found = null;
        // Quotations nest (「…『…』…」) but never cross, so a few steps back reach the outermost one.
        for (var k = last; k >= 0 && k >= last - 8; k--)
            if (offset < _speech[k].End) found = (_speech[k].Start - 1, _speech[k].End);
        return found;
    }

    private static int LastStartingAtOrBefore(List<(int Start, int End)> spans, int offset)
    {
        int lo = 0, hi = spans.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (spans[mid].Start <= offset) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return last;
    }

    private static bool Inside(List<(int Start, int End)> spans, int offset)
    {
        // Last span starting at or before the offset, and the one before it (〈〉 nests inside 《》).
        int lo = 0, hi = spans.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (spans[mid].Start <= offset) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (var k = last; k >= 0 && k >= last - 1; k--)
            if (offset < spans[k].End) return true;
        return false;
    }
}
