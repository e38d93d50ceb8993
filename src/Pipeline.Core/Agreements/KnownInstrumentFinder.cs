using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>Well-known instruments written without book marks: acronyms (RCEP), short names (伊核协议) and full names.</summary>
public static class KnownInstrumentFinder
{
    // Every name each instrument is written by, made once, in the order the instruments are listed.
    private static readonly (KnownInstrument Instrument, string Name)[] Searched =
        [.. KnownInstruments.All.SelectMany(i => new[] { i.Chinese, i.English }.Concat(i.ShortNames)
            .Concat(i.ShortNames.Prepend(i.English).Select(Organisations.LowerCaseHeads.Variant).OfType<string>()).Distinct()
            .Select(name => (i, name)))];

    private static readonly NameOccurrences Occurrences = new(Searched.Select(s => s.Name));

    public static IEnumerable<Candidate> Find(string text, bool chineseDocument, Func<int, int, bool> isTaken)
    {
        var hits = new List<(Candidate Hit, int Order)>();
        foreach (var (i, index) in Occurrences.In(text, 0, text.Length))
        {
            var (instrument, name) = Searched[index];
            if (!IsWholeName(text, i, name)) continue;
            var canonical = chineseDocument ? instrument.Chinese : instrument.English;
            hits.Add((new Candidate(i, i + name.Length, name, EntityTypes.Agreement, RuleIds.AgreementKnown,
                RuleConfidence.Strong)
            {
                Canonical = name == instrument.Chinese || name == instrument.English ? name : canonical,
                CanonicalEn = instrument.English,
                Kind = instrument.Kind,
            }, index));
        }
        // Longest first so "全面与进步跨太平洋伙伴关系协定" wins over the "跨太平洋伙伴关系协定" inside it; of two at the same
        // place, the instrument listed first.
        var kept = new List<Candidate>();
        // The kept names never overlap, so the characters they cover answer "does this one overlap a kept one?".
        var covered = hits.Count == 0 ? null : new System.Collections.BitArray(text.Length);
        foreach (var (c, _) in hits.OrderByDescending(h => h.Hit.End - h.Hit.Start).ThenBy(h => h.Hit.Start).ThenBy(h => h.Order))
        {
            if (isTaken(c.Start, c.End) || Covers(covered!, c.Start, c.End)) continue;
            kept.Add(c);
            for (var i = c.Start; i < c.End; i++) covered![i] = true;
        }
        return kept.OrderBy(k => k.Start);
    }

    private static bool Covers(System.Collections.BitArray covered, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (covered[i]) return true;
        return false;
    }

    /// <summary>Latin names must be whole words: no Latin letter or digit on either side, no capitalised word after.</summary>
    private static bool IsWholeName(string text, int i, string name)
    {
        if (Scripts.HasHan(name)) return true;
        if (i > 0 && IsWordChar(text[i - 1]) || i + name.Length < text.Length && IsWordChar(text[i + name.Length])) return false;
        return !ContinuesAsLongerName(text, i + name.Length);
    }

    /// <summary>"North Atlantic Treaty Organization": a capitalised word right after the name makes it part of another name.</summary>
    private static bool ContinuesAsLongerName(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);

    private static bool IsWordChar(char c) => c < 0x2E80 && char.IsLetterOrDigit(c) || c == '-';
}
