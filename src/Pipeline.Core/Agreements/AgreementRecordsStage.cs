using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Agreements;

/// <summary>
/// Turns the decided AGREEMENT mentions into one record per instrument (same canonical, one record):
/// its kind, the date of its adoption or signing, who adopted it (forum) or signed it (parties), the action,
/// and the sentence that says so. Runs after classify.
/// </summary>
public sealed partial class AgreementRecordsStage : IStage
{
    public static readonly StageDescriptor<NoOptions> Descriptor = new(
        "agreement-records", "one record per agreement: kind, date, forum or parties, action, evidence",
        ArticleParts.Agreements | ArticleParts.Sentences, ArticleParts.AgreementRecords, _ => new AgreementRecordsStage());

    StageDescriptor IStage.Descriptor => Descriptor;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var mentions = article.EntitiesOf(EntityTypes.Agreement).OrderBy(e => e.Start).ToList();
        if (mentions.Count == 0) return article with { Agreements = [] };
        var reader = new EvidenceReader(article, mentions.Select(m => m.Span));
        var known = new SpanIndex(mentions.Select(m => m.Span));
        var backReferences = BackReferences(article.Text, mentions, cancellation);
        // One record per canonical, typed names too: the annotation treats every 引渡条约 of a document as one
        // instrument whose record tells the most any sentence says about it.
        var records = mentions
            .GroupBy(m => m.Canonical ?? m.Text)
            .Select(group =>
            {
                cancellation.ThrowIfCancellationRequested();
                return Build(article, reader, group.Key, group.ToList(), mentions, known, backReferences);
            })
            .ToImmutableArray();
        return article with { Agreements = records };
    }

    private static AgreementRecord Build(Article article, EvidenceReader reader, string canonical, List<Entity> mentions,
        List<Entity> allMentions, SpanIndex known, ILookup<(string Kind, string Antecedent), TextSpan> backReferences)
    {
        var spans = mentions.Select(m => m.Span).ToList();
        var kindOfRecord = mentions.Select(m => m.Kind).FirstOrDefault(k => k is not null) ?? TitleRules.KindOf(canonical);
        var defined = DefinedTermMentions(article.Text, canonical, known).ToList();
        var evidence = spans.Concat(defined)
            .Select(reader.Read)
            .OrderByDescending(e => e.Score).ThenBy(e => e.Mention.Start)
            .ToList();
        // "the Treaty", "该条约" may point elsewhere than the nearest title of its kind: they only fill what the
        // mentions themselves leave open.
        var inferred = (kindOfRecord is null ? [] : backReferences[(kindOfRecord, canonical)])
            .Where(s => !known.AnyOverlaps(s) && !defined.Any(d => d.Overlaps(s)))
            .Select(reader.Read).OrderByDescending(e => e.Score).ThenBy(e => e.Mention.Start).ToList();
        var best = evidence[0];
        var withWho = evidence.FirstOrDefault(e => e.Forum is not null || e.Parties.Length > 0)
                      ?? inferred.FirstOrDefault(e => e.Forum is not null || e.Parties.Length > 0);
        var forum = best.Forum ?? (best.Parties.Length == 0 ? withWho?.Forum : null);
        var parties = best.Forum is null && best.Parties.Length == 0 ? withWho?.Parties ?? [] : best.Parties;
        var dated = best.Date is null ? inferred.FirstOrDefault(e => e.Date is not null && e.Action is not null) : null;
        var date = YearInName(article.Text, canonical) ?? best.Date ?? dated?.Date;
        var kind = mentions.Select(m => m.Kind).FirstOrDefault(k => k is not null) ?? TitleRules.KindOf(canonical) ?? "agreement";
        var canonicalEn = mentions.Select(m => m.CanonicalEn).FirstOrDefault(c => c is not null)
            ?? KnownInstruments.All.FirstOrDefault(k => k.Chinese == canonical || k.English == canonical)?.English;
        return new AgreementRecord(canonical, kind, date, best.Action?.Action, forum, parties,
            best.Sentence.Of(article.Text), [.. spans])
        {
            CanonicalEn = canonicalEn,
        };
    }

    /// <summary>"the North Atlantic Treaty of 1949": the year the name itself gives is the year it was signed.</summary>
    private static string? YearInName(string text, string canonical)
    {
        if (Scripts.HasHan(canonical)) return null;
        var m = Regex.Match(text, Regex.Escape(canonical) + @"\s+of\s+(\d{4})\b");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\b(?:[Tt]he|[Tt]his|[Tt]hese)\s+(?:following\s+|new\s+)?(?:joint\s+)?(?<noun>[Tt]reaty|[Aa]greement|[Cc]onvention|[Pp]rotocols?|[Dd]eclaration|[Ss]tatement|[Cc]ommuniqu[eé]|[Ff]ramework|[Mm]emorandum|[Cc]harter)\b(?![\s-]+[A-Z])|该(?<noun>条约|协定|协议|公约|议定书|宣言|联合声明|声明|公报|备忘录|宪章)")]
    private static partial Regex BackReference();

    /// <summary>
    /// "The Treaty provides …", "The text of the following joint statement was released by …", "该条约于2002年12月签署":
    /// a bare back-reference to the nearest instrument of its kind mentioned before it tells about that instrument.
    /// Read for evidence only; the spec leaves such mentions optional, so they are never reported.
    /// Found once per document and looked up by (kind, canonical of the instrument referred to), in text order.
    /// </summary>
    private static ILookup<(string Kind, string Antecedent), TextSpan> BackReferences(string text, List<Entity> allMentions,
        CancellationToken cancellation)
    {
        // The mentions of each kind, in order of their start.
        var byKind = allMentions.Select(a => (Kind: a.Kind ?? TitleRules.KindOf(a.Canonical ?? a.Text), Mention: a))
            .Where(a => a.Kind is not null).GroupBy(a => a.Kind!).ToDictionary(g => g.Key, g => g.Select(a => a.Mention).ToList());
        var found = new List<(string Kind, string Antecedent, TextSpan Span)>();
        foreach (Match m in BackReference().Matches(text))
        {
            cancellation.ThrowIfCancellationRequested();
            var noun = m.Groups["noun"].Value;
            var nounKind = Scripts.HasHan(noun) ? TitleRules.ChineseKind(noun) : TitleRules.EnglishKind(noun);
            if (nounKind is null || !byKind.TryGetValue(nounKind, out var ofKind)) continue;
            // The last mention of the kind that ends before the back-reference (it starts before it too).
            Entity? antecedent = null;
            for (var i = StartingAtOrBefore(ofKind, m.Index) - 1; i >= 0 && antecedent is null; i--)
                if (ofKind[i].End <= m.Index) antecedent = ofKind[i];
            if (antecedent is null) continue;
            found.Add((nounKind, antecedent.Canonical ?? antecedent.Text, new TextSpan(m.Index, m.Index + m.Length)));
        }
        return found.ToLookup(f => (f.Kind, f.Antecedent), f => f.Span);
    }

    private static int StartingAtOrBefore(List<Entity> sorted, int offset)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].Start <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// "the Protocols to … (the “Protocols”)" defines a short name; "The Protocols were signed … on July 5, 2022" then
    /// tells about the same instrument. Those back-references are read for evidence, never reported as mentions.
    /// </summary>
    private static IEnumerable<TextSpan> DefinedTermMentions(string text, string canonical, SpanIndex known)
    {
        if (Scripts.HasHan(canonical)) yield break;
        var definition = Regex.Match(text, Regex.Escape(canonical) + @"\s*\(\s*(?:the\s+)?[“""']([A-Z][\w\s-]{1,40})[”""']\s*\)");
        if (!definition.Success) yield break;
        var term = definition.Groups[1].Value;
        foreach (Match m in Regex.Matches(text, @"\b[Tt]he\s+(" + Regex.Escape(term) + @")\b(?![\s-]+[A-Z])"))
        {
            var span = new TextSpan(m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length);
            if (known.AnyOverlaps(span) || span.Start <= definition.Index + definition.Length && span.Start >= definition.Index) continue;
            yield return span;
        }
    }
}
