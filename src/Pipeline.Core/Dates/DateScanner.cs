using System.Buffers;

namespace Pipeline.Dates;

/// <summary>
/// Finds every date expression in a text. It jumps from trigger character to trigger character
/// (digits, Chinese numerals, the first characters of relative words, the first letters of
/// English date words) with a vectorised search and only then tries to read a date, so text
/// without dates costs little more than one pass of IndexOfAny.
/// </summary>
public sealed class DateScanner(NumericOrder order = NumericOrder.MonthFirst)
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create(
        "0123456789０１２３４５６７８９〇○零一二三四五六七八九十两元今去明前后本上下当次同昨翌这年" +
        "JFMASONDTYLNEWtylnemaofsw" + FestivalOnly);

    // Festival and lunar-date starts that start nothing else: they go straight to the festival parser.
    private const string FestivalOnly = "春农除大端中重国劳建妇儿圣正腊冬";
    private static readonly SearchValues<char> FestivalStarts = SearchValues.Create(FestivalOnly);

    public List<DateMention> Scan(string text)
    {
        var found = new List<DateMention>();
        var i = 0;
        while (i < text.Length)
        {
            var k = text.AsSpan(i).IndexOfAny(Triggers);
            if (k < 0) break;
            i += k;
            var c = text[i];
            DateMention? m;
            if (char.IsAsciiLetter(c))
            {
                m = i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]) ? EnglishDateParser.TryParse(text, i, order) : null;
                if (m is null)
                {
                    while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
                    continue;
                }
            }
            else if (FestivalStarts.Contains(c))
            {
                m = ChineseFestivalParser.TryParse(text, i);
                if (m is null)
                {
                    i++;
                    continue;
                }
            }
            else
            {
                m = ChineseDateParser.TryParse(text, i);
                if (m is null && char.IsAsciiDigit(c)) m = EnglishDateParser.TryParse(text, i, order);
                if (m is null)
                {
                    // A number that starts no date: skip all of it, so its tail is not read as another number.
                    if (Numerals.Arabic(c) >= 0)
                        while (i < text.Length && Numerals.Arabic(text[i]) >= 0) i++;
                    else i++;
                    continue;
                }
            }
            found.Add(m);
            i = m.End;
        }
        return found;
    }
}
