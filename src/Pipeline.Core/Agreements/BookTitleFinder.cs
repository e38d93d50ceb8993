using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>A title written in book marks: the span inside the marks (nested 〈〉 stay inside).</summary>
public readonly record struct BookTitle(int Start, int End, string Text);

/// <summary>Finds 《…》 titles. Nested 〈…〉 (a title quoted inside a title) belong to the outer title.</summary>
public static class BookTitleFinder
{
    public static IEnumerable<BookTitle> Find(string text)
    {
        var i = 0;
        while ((i = text.IndexOf('《', i)) >= 0)
        {
            var close = text.IndexOf('》', i + 1);
            var nextOpen = text.IndexOf('《', i + 1);
            var lineEnd = text.IndexOf('\n', i + 1);
            // An unclosed mark (or one closed only after the next title opens or the line ends) is a typo, not a title.
            if (close < 0 || nextOpen >= 0 && nextOpen < close || lineEnd >= 0 && lineEnd < close)
            {
                i++;
                continue;
            }
            var start = i + 1;
            if (close > start) yield return new BookTitle(start, close, text[start..close]);
            i = close + 1;
        }
    }
}
