using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>
/// Short names a document defines right after an instrument's title: "the Enhanced Defense Cooperation Agreement
/// (EDCA)", "《区域全面经济伙伴关系协定》（RCEP）", "… beyond National Jurisdiction (BBNJ Agreement)", "…, known as the
/// 123 Agreement". Every later use of the short name is a mention of that instrument, with its full title as
/// canonical. A bare head defined that way ("the “Treaty”") stays a back-reference: the spec leaves those optional.
/// </summary>
public static partial class ShortNames
{
    [GeneratedRegex(@"^》?\s*[(（]\s*(?:the\s+|以下简称|简称)?[“""'‘]?(?<short>[^()（）“”""'‘’,，;；]{2,40}?)[”""'’]?\s*[)）]")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^,?\s*(?:also\s+|commonly\s+|hereinafter\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?[“""]?(?<short>[A-Z0-9][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,4})")]
    private static partial Regex KnownAs();

    [GeneratedRegex(@"^[A-Z][A-Z0-9&\-]{1,11}$")]
    private static partial Regex Acronym();

    public static List<Candidate> Apply(string text, List<Candidate> candidates)
    {
        var result = candidates.ToList();
        foreach (var full in candidates.Where(c => c.ProposedType == EntityTypes.Agreement))
        {
            var after = text[full.End..Math.Min(text.Length, full.End + 80)];
            var m = Parenthesised().Match(after);
            if (!m.Success) m = KnownAs().Match(after);
            if (!m.Success) continue;
            var shortName = m.Groups["short"].Value.Trim();
            if (!IsName(shortName) || !AbbreviatesTitle(shortName, full.Text)) continue;
            var canonical = full.Canonical ?? full.Text;
            for (var i = 0; i < result.Count; i++)
                if (result[i].Text == shortName && result[i] != full)
                    result[i] = result[i] with
                    {
                        ProposedType = EntityTypes.Agreement, Canonical = canonical, CanonicalEn = full.CanonicalEn, Kind = full.Kind,
                        RuleConfidence = Math.Max(result[i].RuleConfidence, RuleConfidence.Strong),
                    };
            foreach (var start in Occurrences(text, shortName))
            {
                var end = start + shortName.Length;
                if (result.Any(c => c.Start < end && start < c.End)) continue;
                result.Add(new Candidate(start, end, shortName, EntityTypes.Agreement, RuleIds.AgreementShortName, RuleConfidence.Strong)
                {
                    Canonical = canonical, CanonicalEn = full.CanonicalEn, Kind = full.Kind,
                });
            }
        }
        return Initialisms(text, result);
    }

    /// <summary>
    /// "signed an economic partnership agreement … Japan's first EPA", "the Free Trade Agreement between the European Union
    /// and Thailand … the FTA": news writes an instrument by the initials of its type words without defining them. An
    /// all-capitals word that spells the two to four words ending at an instrument's head is that instrument, where
    /// nothing else is proposed on it; the longest such instrument of the article gives the canonical.
    /// </summary>
    private static List<Candidate> Initialisms(string text, List<Candidate> candidates)
    {
        Dictionary<string, (Candidate Full, int Rank)>? byInitials = null;
        foreach (var c in candidates)
        {
            if (c.ProposedType != EntityTypes.Agreement || Scripts.HasHan(c.Text)) continue;
            var words = c.Text.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
            var head = Array.FindIndex(words, w => TitleRules.EnglishKind(w) is not null);
            for (var n = 3; n <= 4 && head >= 0; n++)
            {
                if (head + 1 < n || words.Skip(head + 1 - n).Take(n).Any(w => !char.IsLetter(w[0]) || w is "the" or "The" or "and"))
                    continue;
                var initials = string.Concat(words.Skip(head + 1 - n).Take(n).Select(w => char.ToUpperInvariant(w[0])));
                byInitials ??= new(StringComparer.Ordinal);
                var rank = Rank(words, head + 1 - n, n);
                if (!byInitials.TryGetValue(initials, out var known) || known.Rank < rank) byInitials[initials] = (c, rank);
            }
        }
        if (byInitials is null) return candidates;
        var result = candidates;
        foreach (var (initials, (full, _)) in byInitials)
            foreach (var start in Occurrences(text, initials))
            {
                var end = start + initials.Length;
                if (result.Any(c => c.Start < end && start < c.End)) continue;
                result.Add(new Candidate(start, end, initials, EntityTypes.Agreement, RuleIds.AgreementShortName, RuleConfidence.Likely)
                {
                    Canonical = full.Canonical ?? full.Text, CanonicalEn = full.CanonicalEn, Kind = full.Kind,
                });
            }
        return result;
    }

    /// <summary>
    /// Which instrument the initials stand for when several end alike: a title whose words before them are only its parties
    /// (the Japan-Bangladesh Economic Partnership Agreement) over a title with more type words (the Japan-India
    /// Comprehensive Economic Partnership Agreement), a title over a lower-case type, the first written over later ones.
    /// </summary>
    private static int Rank(string[] words, int first, int count)
    {
        var titled = words.Skip(first).Take(count).All(w => char.IsUpper(w[0])) ? 1 : 0;
        var partiesOnly = words.Take(first).All(w => Countries.IsCountryForm(w) || w is "EU" or "US" or "UK" or "the" or "The") ? 2 : 0;
        return partiesOnly + titled;
    }

    /// <summary>An acronym (EDCA, RCEP) or a short title with its own instrument word (BBNJ Agreement, 中国—东盟自贸协定), not a bare head.</summary>
    private static bool IsName(string shortName)
    {
        if (Acronym().IsMatch(shortName)) return true;
        if (Scripts.HasHan(shortName))
            return TitleRules.ChineseKind(shortName) is not null && shortName.Length >= 4 && !shortName.StartsWith('该');
        var words = shortName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && TitleRules.IsEnglishHead(words[^1]) && !TitleRules.IsEnglishHead(words[0])
               && words.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]));
    }

    /// <summary>
    /// An acronym in brackets after an English title must be made of that title's initials, in order
    /// (EDCA, CPTPP, JCPOA): "(COP30)" after a convention's name names the conference, not the convention.
    /// </summary>
    private static bool AbbreviatesTitle(string shortName, string title)
    {
        if (!Acronym().IsMatch(shortName) || Scripts.HasHan(title)) return true;
        var letters = shortName.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        var next = 0;
        foreach (var word in title.Split([' ', '-', '–', '/'], StringSplitOptions.RemoveEmptyEntries))
            if (next < letters.Length && char.ToUpperInvariant(word[0]) == letters[next]) next++;
        return next == letters.Length;
    }

    private static IEnumerable<int> Occurrences(string text, string name)
    {
        var latin = !Scripts.HasHan(name);
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            if (latin && (i > 0 && IsWordChar(text[i - 1]) || i + name.Length < text.Length && IsWordChar(text[i + name.Length])))
                continue;
            yield return i;
        }
    }

    private static bool IsWordChar(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);
}
