using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>Well-known instruments written without book marks: acronyms (RCEP), short names (伊核协议) and full names.</summary>
public static class KnownInstrumentFinder
{
    // Every name each instrument is written by, made once: an article is searched for each of them.
    private static readonly (KnownInstrument Instrument, string[] Names)[] Searched =
        [.. KnownInstruments.All.Select(i => (i, new[] { i.Chinese, i.English }.Concat(i.ShortNames)
            .Concat(i.ShortNames.Prepend(i.English).Select(Organisations.LowerCaseHeads.Variant).OfType<string>()).Distinct().ToArray()))];

    public static IEnumerable<Candidate> Find(string text, bool chineseDocument, Func<int, int, bool> isTaken)
    {
        var hits = new List<Candidate>();
        var starts = new List<int>();
        foreach (var (instrument, names) in Searched)
        {
            var canonical = chineseDocument ? instrument.Chinese : instrument.English;
            foreach (var name in names)
            {
                AddOccurrences(text, name, starts);
                foreach (var start in starts)
                    hits.Add(new Candidate(start, start + name.Length, name, EntityTypes.Agreement, RuleIds.AgreementKnown,
                        RuleConfidence.Strong)
                    {
                        Canonical = name == instrument.Chinese || name == instrument.English ? name : canonical,
                        CanonicalEn = instrument.English,
                        Kind = instrument.Kind,
                    });
            }
        }
        // Longest first so "全面与进步跨太平洋伙伴关系协定" wins over the "跨太平洋伙伴关系协定" inside it.
        var kept = new List<Candidate>();
        // The kept names never overlap, so the characters they cover answer "does this one overlap a kept one?".
        var covered = hits.Count == 0 ? null : new System.Collections.BitArray(text.Length);
        foreach (var c in hits.OrderByDescending(h => h.End - h.Start).ThenBy(h => h.Start))
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

    /// <summary>Whole-word occurrences: Latin names must not touch other Latin letters or digits.</summary>
    private static void AddOccurrences(string text, string name, List<int> starts)
    {
        starts.Clear();
        var latin = !Scripts.HasHan(name);
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            if (latin && (i > 0 && IsWordChar(text[i - 1]) || i + name.Length < text.Length && IsWordChar(text[i + name.Length])))
                continue;
            if (latin && ContinuesAsLongerName(text, i + name.Length)) continue;
            starts.Add(i);
        }
    }

    /// <summary>"North Atlantic Treaty Organization": a capitalised word right after the name makes it part of another name.</summary>
    private static bool ContinuesAsLongerName(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);

    private static bool IsWordChar(char c) => c < 0x2E80 && char.IsLetterOrDigit(c) || c == '-';
}
