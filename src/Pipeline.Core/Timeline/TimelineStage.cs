using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Timeline;

/// <summary>
/// Every sentence that states a dated event (a dated DATE and an event word: meeting, adoption, signing,
/// speech, visit) becomes a timeline entry with a short summary and the bodies and agreements it names.
/// A timeline states facts: an event whose date counts from a document date guessed from the file modification
/// time is left out (not marked), and a warning says how many were, so the briefing never dates an event wrongly.
/// </summary>
public sealed partial class TimelineStage : IStage
{
    public const int DefaultSummaryLength = 80;

    public static readonly StageDescriptor<TimelineOptions> Descriptor = new(
        "timeline", "dated events, one entry per sentence, sorted by date",
        ArticleParts.Dates | ArticleParts.Sentences, ArticleParts.Timeline,
        o => new TimelineStage(o.SummaryLength));

    private readonly int _summaryLength;

    public TimelineStage(int summaryLength = DefaultSummaryLength) => _summaryLength = summaryLength;

    StageDescriptor IStage.Descriptor => Descriptor;

    [GeneratedRegex(@"会议|峰会|论坛|全会|大会|会晤|会谈|会见|博览会|举行|举办|召开|出席|通过|签署|签订|发表|发布|批准|生效|访问|讲话|致辞|演讲|指出|强调|提出|宣布|启动|成立|采访|审议|主持|\b(?:meet|meets|met|meeting|summit|conference|dialogue|forum|session|held|hosted|took\s+place|convened|signed|adopted|announced|issued|ratified|approved|entered\s+into\s+force|visit|visits|visited|speech|remarks|launched|established|transmitted|agreed|Summit|Meeting|Conference|Dialogue)\b")]
    private static partial Regex EventWord();

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var text = article.Text;
        var sentences = article.Sentences.IsDefaultOrEmpty ? [new TextSpan(0, text.Length)] : article.Sentences;
        var agreementSpans = new SpanIndex(article.EntitiesOf(EntityTypes.Agreement).Select(a => a.Span));
        var entries = new List<(TimelineEntry Entry, int Position)>();
        var leftOut = 0;
        foreach (var sentence in sentences)
        {
            cancellation.ThrowIfCancellationRequested();
            // Most sentences state no event: they are passed over before their dates are looked at.
            if (!EventWord().IsMatch(text.AsSpan(sentence.Start, sentence.Length))) continue;
            var dated = StatedDates(article, sentence, agreementSpans);
            // A date counted from a document date that is only the file time (昨天, 9月3日 with no year) is a guess:
            // the event is left out rather than dated wrongly, and the briefing says how many were.
            var date = dated.Where(d => d.Reference?.Guessed != true)
                // "本报北京11月20日电 …11月19日，…签署": the dateline dates the report, the next date the event.
                .OrderBy(d => IsDateline(text, d) ? 1 : 0).FirstOrDefault();
            if (date is null)
            {
                if (dated.Count > 0) leftOut++;
                continue;
            }
            var sentenceText = sentence.Of(text);
            var organisations = Names(article, EntityTypes.Org, sentence);
            var agreements = Names(article, EntityTypes.Agreement, sentence);
            // "一步步行动，推动一系列外交成果的取得：2014年11月，APEC…": the lead-in before a colon is not the event.
            var lead = text.LastIndexOfAny(['：', ':'], Math.Max(sentence.Start, date.Start - 1), date.Start - sentence.Start);
            var summarised = lead >= sentence.Start && !IsInsideQuote(text, sentence.Start, lead) ? text[(lead + 1)..sentence.End] : sentenceText;
            entries.Add((new TimelineEntry(date.Value!, sentence, Summarise(summarised, _summaryLength), organisations, agreements),
                sentence.Start));
        }
        entries.AddRange(AgreementEntries(article, entries.Select(e => e.Entry), agreementSpans));
        var sorted = entries.OrderBy(e => TimelineEntry.SortKey(e.Entry.Date), StringComparer.Ordinal).ThenBy(e => e.Position)
            .Select(e => e.Entry).ToImmutableArray();
        var result = article with { Timeline = sorted, TimelineLeftOff = leftOut };
        return leftOut == 0 ? result
            : result.AddWarning($"{leftOut} dated event(s) left off the timeline: their dates count from a document date guessed from the file modification time");
    }

    /// <summary>
    /// "2002年6月，…签署《宪章》；2007年8月，…签署《条约》": a sentence gives one entry (its first date), so every dated
    /// agreement record not yet on the timeline with its own date gets an entry of its own, summarised by the clause
    /// (between semicolons) that names it.
    /// </summary>
    private List<(TimelineEntry Entry, int Position)> AgreementEntries(Article article, IEnumerable<TimelineEntry> sentenceEntries,
        SpanIndex agreementSpans)
    {
        var text = article.Text;
        var added = new List<(TimelineEntry Entry, int Position)>();
        // Which agreement is on the timeline on which date, and which added entry stands for a date and sentence:
        // looked up, not searched, so a long document with many records stays linear.
        var dated = sentenceEntries.SelectMany(e => e.Agreements.Select(a => (e.Date, a))).ToHashSet();
        var addedAt = new Dictionary<(string Date, TextSpan Sentence), int>();
        // Agreement records never take a date counted from a guessed document date (see MentionEvidence).
        foreach (var record in article.Agreements)
        {
            if (record.Date is null || record.Mentions.IsDefaultOrEmpty) continue;
            if (dated.Contains((record.Date, record.Canonical))) continue;
            // A sentence that states the record's date (the evidence first), else the evidence sentence if it states no
            // date of its own (it took the record's date from its context). Never another: it would be dated by what it
            // never says ("1949 — Full ratification of the Protocols will allow…", 1949 being the treaty's own year).
            var mentions = record.Mentions.Select(m => (Mention: m, Sentence: article.SentenceAt(m.Start))).Select(m => (m.Mention,
                Evidence: text.AsSpan(m.Sentence.Start, m.Sentence.Length).SequenceEqual(record.Evidence),
                Stated: StatedDates(article, m.Sentence, agreementSpans))).ToList();
            var chosen = mentions.Where(m => m.Stated.Any(d => d.Value == record.Date)).OrderBy(m => !m.Evidence)
                .Concat(mentions.Where(m => m.Evidence && m.Stated.Count == 0))
                .Select(m => (TextSpan?)m.Mention).FirstOrDefault();
            if (chosen is not { } mention) continue;
            var sentence = article.SentenceAt(mention.Start);
            // A title may run over a sentence end (《…。…》): the sentence then reaches to its end.
            if (sentence.End < mention.End) sentence = sentence with { End = mention.End };
            var clauseStart = Math.Max(sentence.Start, text.LastIndexOfAny(['；', ';'], Math.Max(sentence.Start, mention.Start - 1)) + 1);
            var clauseEnd = text.IndexOfAny(['；', ';'], mention.End, sentence.End - mention.End) is var e and >= 0 ? e : sentence.End;
            var clause = new TextSpan(clauseStart, clauseEnd);
            // Two records signed the same day in the same sentence share one entry.
            if (addedAt.TryGetValue((record.Date, sentence), out var same))
            {
                var merged = added[same].Entry with { Agreements = added[same].Entry.Agreements.Add(record.Canonical) };
                dated.Add((record.Date, record.Canonical));
                added[same] = (merged, added[same].Position);
                continue;
            }
            var entry = new TimelineEntry(record.Date, sentence, Summarise(clause.Of(text), _summaryLength),
                Names(article, EntityTypes.Org, clause), [record.Canonical]);
            dated.Add((record.Date, record.Canonical));
            addedAt[(record.Date, sentence)] = added.Count;
            added.Add((entry, sentence.Start));
        }
        return added;
    }

    /// <summary>
    /// The dates a sentence states itself, with a value. A year inside a title ("行动计划（2019—2021年）") dates the
    /// plan's span, not an event of the sentence; an ambiguous date (a quoted 今天 whose speech date is unknown) would
    /// put a false event on the timeline.
    /// </summary>
    private static List<Entity> StatedDates(Article article, TextSpan sentence, SpanIndex agreementSpans) =>
        [.. article.EntitiesWithin(EntityTypes.Date, sentence)
            .Where(d => !string.IsNullOrEmpty(d.Value) && !d.Ambiguous && !agreementSpans.AnyOverlaps(d.Span))];

    [GeneratedRegex(@"^\s*(?:电|讯)")]
    private static partial Regex DatelineEnd();

    private static bool IsDateline(string text, Entity date) =>
        DatelineEnd().IsMatch(text.AsSpan(date.End, Math.Min(3, text.Length - date.End)));

    private static ImmutableArray<string> Names(Article article, string type, TextSpan sentence) =>
        [.. article.EntitiesWithin(type, sentence).Select(e => e.Canonical ?? e.Text).Distinct()];

    private static bool IsInsideQuote(string text, int from, int at) =>
        text[from..at].Count(c => c == '“') > text[from..at].Count(c => c == '”');

    /// <summary>"2019/2021" sorts by its start; "2014" before "2014-10".</summary>
    /// <summary>
    /// The sentence when short; else cut at the last clause break (，；, ;) that keeps at least half the
    /// budget, else at a word boundary (English), with an ellipsis.
    /// </summary>
    public static string Summarise(string sentence, int maxLength = DefaultSummaryLength)
    {
        var s = Regex.Replace(sentence.Trim(), @"\s+", " ");
        if (s.Length <= maxLength) return s;
        var budget = maxLength - 1;
        var cut = s.LastIndexOfAny(['，', '；', '：', ',', ';', ':'], budget);
        if (cut < maxLength / 2)
        {
            cut = s.LastIndexOf(' ', budget);
            if (cut < maxLength / 2) cut = budget;
        }
        if (cut > 0 && char.IsHighSurrogate(s[cut - 1])) cut--;
        return s[..cut].TrimEnd(' ', '，', '；', '：', ',', ';', ':') + "…";
    }
}

public sealed record TimelineOptions
{
    [Option("longest summary, in characters", Minimum = 20, Maximum = 400)]
    public int SummaryLength { get; init; } = TimelineStage.DefaultSummaryLength;
}
