namespace Pipeline.Recognition;

/// <summary>
/// Cuts English into the tokens CoNLL-2003 is written in, from prose or from text already tokenised
/// ("U.N. officials said ." and "U.N. officials said." give the same tokens): words with their inner dots,
/// hyphens and apostrophes (U.S., mid-week, O'Neill), abbreviations with their dot (Inc., Corp., J.), numbers
/// with their separators (1,000.5, 1996-08-22), clitics apart ('s, n't) and each punctuation mark apart.
/// A line break or a sentence-final mark (. ! ?) ends a stretch, so both forms see the same sentence starts.
/// </summary>
public static class EnglishTokens
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Corp", "Co", "Ltd", "Bros", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt",
        "Cmdr", "Adm", "Gov", "Sen", "Rep", "Prof", "Rev", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "No", "vs", "etc", "Mt", "Ft", "Ave", "Blvd", "Dept", "Univ", "Assn", "Messrs", "Pty", "Plc", "Cie",
    };

    private static readonly string[] Clitics = ["s", "d", "ll", "re", "ve", "m"];

    public static void Cut(string text, TextUnits units)
    {
        units.Reset(text);
        var newStretch = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029') { newStretch = true; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var end = TokenEnd(text, i);
            if (newStretch && !(units.Count > 0 && IsCloser(text, i, end) && !LineBreakBetween(text, units.Ends[units.Count - 1], i)))
            {
                units.StartStretch();
                newStretch = false;
            }
            units.Add(i, end);
            if (end - i == 1 && c is '.' or '!' or '?' || end - i == 3 && text.AsSpan(i, 3).SequenceEqual("..."))
                newStretch = true;
            else if (end - i > 1 && text[end - 1] == '.' && SentenceEndsAfterAbbreviation(text, end))
                newStretch = true;
            i = end;
        }
    }

    /// <summary>
    /// A closing quote or bracket after a full stop still belongs to the sentence it closes; a straight quote closes
    /// when it is written against the full stop (said."), and opens the next sentence after a space.
    /// </summary>
    private static bool IsCloser(string text, int start, int end) =>
        end - start == 1 && (text[start] is ')' or ']' or '”' or '’' ||
                             text[start] is '"' or '\'' && start > 0 && !char.IsWhiteSpace(text[start - 1]));

    private static bool LineBreakBetween(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (text[k] is '\n' or '\r') return true;
        return false;
    }

    /// <summary>"… in the U.S. The next …": an abbreviation's dot ends the sentence when a capitalised word follows a line end or a quote.</summary>
    private static bool SentenceEndsAfterAbbreviation(string text, int end)
    {
        var k = end;
        while (k < text.Length && text[k] == ' ') k++;
        return k >= text.Length || text[k] is '\n' or '\r';
    }

    private static int TokenEnd(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) return i + 2;
        if (char.IsLetterOrDigit(c)) return WordEnd(text, i);
        if (c is '\'' or '’' && CliticEnd(text, i + 1) is var clitic and > 0) return clitic;
        if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.') return i + 3;
        if (c == '-' && i + 1 < text.Length && text[i + 1] == '-') return i + 2;
        return i + 1;
    }

    /// <summary>The end of 's, 'd, 'll, 're, 've, 'm when the letters after the apostrophe are exactly a clitic.</summary>
    private static int CliticEnd(string text, int from)
    {
        foreach (var clitic in Clitics)
        {
            var end = from + clitic.Length;
            if (end <= text.Length && string.Compare(text, from, clitic, 0, clitic.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return end;
        }
        return 0;
    }

    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c)) { i++; continue; }
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '\'' or '’')
            {
                // Germany's → Germany 's; don't → do n't; O'Neill stays whole.
                if (CliticEnd(text, i + 1) > 0) break;
                if (i > start && text[i - 1] is 'n' or 'N' && next is 't' or 'T' && !(i + 2 < text.Length && char.IsLetter(text[i + 2])))
                    return i - 1 > start ? i - 1 : i + 2;
                if (char.IsLetter(next)) { i++; continue; }
                break;
            }
            if (c is '.' or '-' or '&' or '/' && char.IsLetterOrDigit(next)) { i++; continue; }
            if (c is ',' or ':' && char.IsDigit(next) && i > start && char.IsDigit(text[i - 1])) { i++; continue; }
            break;
        }
        // The dot of an abbreviation (U.S., Inc., J.) belongs to it.
        if (i < text.Length && text[i] == '.')
        {
            var word = text.AsSpan(start, i - start);
            if (word.Contains('.') && !IsNumber(word) || word.Length == 1 && char.IsUpper(word[0]) ||
                Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
                i++;
        }
        return i;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLetter(c)) return false;
        return true;
    }
}
