namespace Pipeline.Dates;

/// <summary>Titles in book marks (《》〈〉) and short quotations, where a date names a thing rather than a time.</summary>
internal sealed class QuotedSpans
{
    private const int ShortQuote = 30;
    private readonly List<(int Start, int End)> _titles = [];
    private readonly List<(int Start, int End)> _quotes = [];

    public QuotedSpans(string text)
    {
        Collect(text, '《', '》', int.MaxValue, _titles);
        Collect(text, '〈', '〉', int.MaxValue, _titles);
        Collect(text, '“', '”', ShortQuote, _quotes);
        Collect(text, '"', '"', ShortQuote, _quotes);
        _titles.Sort();
        _quotes.Sort();
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
