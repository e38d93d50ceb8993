namespace Pipeline.Dates;

internal enum Tense { Unknown, Past, Future }

/// <summary>
/// Whether an English sentence speaks of the past or the future around a position, judged by the
/// nearest tense marker (said, met, signed, -ed / will, scheduled, plans). A marker beyond a comma
/// counts as farther away, since it more often belongs to another clause.
/// </summary>
internal static class EnglishTense
{
    private const int CommaPenalty = 5;
    private const int MaxDistance = 12;

    private static readonly HashSet<string> FutureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "shall", "ll", "expected", "scheduled", "planned", "plans", "plan", "due", "upcoming", "going", "next",
        "coming", "tomorrow", "intends", "aims", "would", "ahead",
    };

    private static readonly HashSet<string> PastWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "told", "was", "were", "had", "did", "met", "held", "took", "made", "gave", "spoke", "began", "left",
        "came", "went", "saw", "led", "sent", "wrote", "became", "fell", "rose", "got", "ago", "yesterday", "last",
        "paid", "won", "lost", "since", "struck", "chose", "brought", "bought", "sought", "thought", "found", "kept",
    };

    // Words ending in -ed that are no past tense.
    private static readonly HashSet<string> NotPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "need", "needed", "feed", "speed", "seed", "proceed", "exceed", "succeed", "indeed", "bed", "red", "shed", "united",
        "hundred", "based", "related", "limited", "advanced", "proposed", "detailed", "concerned", "interested",
        "supposed", "used", "dedicated", "sustained", "balanced", "coordinated", "integrated", "shared", "renewed",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
        { "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Adm", "Sgt", "Rev", "St", "Amb" };

    public static Tense Around(string text, int start, int end)
    {
        var (past, future) = (int.MaxValue, int.MaxValue);
        Walk(text, start, -1, ref past, ref future);
        Walk(text, end, +1, ref past, ref future);
        if (past == future) return Tense.Unknown;
        return past < future ? Tense.Past : Tense.Future;
    }

    /// <summary>
    /// "first agreed in March", "was signed on August 1": a past verb within the three words before the date, with no
    /// will, would, to or be among them ("will be signed on", "to be held in" look ahead).
    /// </summary>
    public static bool PastVerbJustBefore(string text, int start)
    {
        var p = start;
        var pastSeen = false;
        for (var n = 0; n < 3; n++)
        {
            var (s, word) = WordBefore(text, p);
            if (word.Length == 0 || s > 0 && text[s - 1] is not ' ' and not '\u00A0') break;
            if (word is "will" or "would" or "to" or "be" or "shall") return false;
            if (IsPast(word)) pastSeen = true;
            p = s;
        }
        return pastSeen;
    }

    /// <summary>Reads words away from <paramref name="from"/> to the end of the sentence.</summary>
    private static void Walk(string text, int from, int step, ref int past, ref int future)
    {
        var distance = 0;
        var i = step < 0 ? from - 1 : from;
        while (i >= 0 && i < text.Length && distance <= MaxDistance)
        {
            var c = text[i];
            if (c is '!' or '?' or ';' or '\n' or '。' || c == '.' && EndsSentence(text, i)) return;
            if (c == ',') distance += CommaPenalty;
            if (!char.IsAsciiLetter(c))
            {
                i += step;
                continue;
            }
            var s = i;
            while (s + step >= 0 && s + step < text.Length && char.IsAsciiLetter(text[s + step])) s += step;
            var (a, b) = step < 0 ? (s, i + 1) : (i, s + 1);
            var word = text[a..b];
            // A capitalised word inside a sentence is mostly part of a name or title, which carries no tense.
            if (!char.IsAsciiLetterUpper(word[0]) || a == 0 || text[a - 1] is '\n') distance++;
            if (FutureWords.Contains(word) && !IsPlanNoun(text, b, word) || ToBeParticiple(text, a, word)) future = Math.Min(future, distance);
            else if (!PrecededByBe(text, a) && IsPast(word)) past = Math.Min(past, distance);
            i = s + step;
        }
    }

    /// <summary>"Plans to visit" looks ahead; "signed the action plan on Monday" names a document, which has no tense.</summary>
    private static bool IsPlanNoun(string text, int end, string word) =>
        word.Equals("plan", StringComparison.OrdinalIgnoreCase) || word.Equals("plans", StringComparison.OrdinalIgnoreCase)
            ? !text.AsSpan(end).TrimStart(' ').StartsWith("to ", StringComparison.OrdinalIgnoreCase)
            : false;

    /// <summary>
    /// A full stop, not a decimal point (3.2 percent), an initial or an abbreviation (U.S. companies, Oct. 5): the
    /// next word starts with a capital, and the word before is more than one capital letter.
    /// </summary>
    private static bool EndsSentence(string text, int i)
    {
        if (i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])) return false;
        if (i > 0 && char.IsAsciiLetterUpper(text[i - 1]) && (i == 1 || !char.IsAsciiLetter(text[i - 2]))) return false;
        // "Mr. Modi will address": a title's stop.
        var w = i;
        while (w > 0 && char.IsAsciiLetter(text[w - 1])) w--;
        if (Titles.Contains(text[w..i])) return false;
        var next = i + 1;
        while (next < text.Length && text[next] == ' ') next++;
        return next >= text.Length || !char.IsAsciiLetterLower(text[next]) && !char.IsAsciiDigit(text[next]);
    }

    internal static bool IsPast(string word) =>
        PastWords.Contains(word)
        || word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && char.IsAsciiLetterLower(word[0]) && !NotPast.Contains(word);

    /// <summary>"to be launched", "to be held": something still to happen.</summary>
    private static bool ToBeParticiple(string text, int wordStart, string word)
    {
        if (!IsPast(word)) return false;
        var (beStart, be) = WordBefore(text, wordStart);
        return be is "be" && WordBefore(text, beStart).Word is "to";
    }

    private static (int Start, string Word) WordBefore(string text, int wordStart)
    {
        var e = wordStart;
        while (e > 0 && text[e - 1] == ' ') e--;
        var s = e;
        while (s > 0 && char.IsAsciiLetter(text[s - 1])) s--;
        return (s, text[s..e]);
    }

    /// <summary>"will be signed", "has been held": a participle after be is no simple past.</summary>
    private static bool PrecededByBe(string text, int wordStart)
    {
        var e = wordStart;
        while (e > 0 && text[e - 1] == ' ') e--;
        var s = e;
        while (s > 0 && char.IsAsciiLetter(text[s - 1])) s--;
        return text.AsSpan(s, e - s) is "be" or "been" or "being" or "Be";
    }
}
