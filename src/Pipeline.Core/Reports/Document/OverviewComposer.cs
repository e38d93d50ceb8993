using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Model;
using Pipeline.Reports.Model;
using static Pipeline.Reports.Document.BriefingComposer;

namespace Pipeline.Reports.Document;

/// <summary>
/// What the batch overview says, in the order a reader wants it: key figures, what is new since the previous
/// run, two charts, the agreements, the timeline, the ranked organisations; reference material (the document
/// list, the full cross-reference and timeline) at the end.
/// </summary>
public static class OverviewComposer
{
    /// <summary>Bars in the organisation chart.</summary>
    public const int ChartedOrganisations = 12;
    /// <summary>Rows of the main timeline section; the full timeline is an appendix.</summary>
    public const int KeyEvents = 60;
    private const int MinRanked = 15, MaxRanked = 40;

    public static ReportDocument Compose(OverviewModel m)
    {
        var title = m.Documents.Length == 1 ? "1 document" : $"{Num(m.Documents.Length)} documents";
        var ranked = Ranked(m);
        var keyEvents = KeyTimeline(m);
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        blocks.Add(new TitleBlock("BATCH OVERVIEW", title,
            "Generated " + m.GeneratedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
        blocks.Add(new KeyFiguresBlock([.. KeyFigures(m)]));
        blocks.AddRange(Changes(m));
        blocks.Add(new ContentsBlock([.. Sections(m, ranked, keyEvents).Select(s => new ContentsEntry(s.Title, s.Anchor, s.Detail))]));
        var charts = Charts(m);
        if (!charts.IsEmpty) blocks.Add(new ChartsBlock(charts));
        blocks.Add(new FilterBlock(
            [.. m.Organisations.Select(o => new FilterOption(Bilingual(o.Canonical, o.CanonicalEn), Anchors(m, o.Documents)))],
            [.. m.Agreements.Select(a => new FilterOption(a.Canonical, Anchors(m, a.Documents)))]));

        blocks.Add(new HeadingBlock(WithCount("Agreements", m.Agreements.Length), 1, "agreements"));
        blocks.Add(Table(m.Agreements,
            [new("Agreement", 4f), new("Kind", 1.4f), new("Date", 1.4f), new("Documents", 2.4f)],
            a => new TableRow([Cell.Of(a.Canonical, RunStyle.Bold), Cell.Of(a.Kind), DateCell(a.Date), DocumentLinks(m, a.Documents)])
                { Facets = new RowFacets(Anchors(m, a.Documents), a.Date ?? "") },
            "No agreements found.", "agreements"));

        blocks.Add(new HeadingBlock(WithCount("Timeline", keyEvents.Count), 1, "timeline"));
        if (keyEvents.Count < m.Timeline.Length)
            blocks.Add(new ParagraphBlock([new Run($"The {Num(keyEvents.Count)} most recent of {Num(m.Timeline.Length)} dated events; "),
                new Run("the full timeline", Link: "#full-timeline"), new Run(" is at the end.")], ParagraphRole.Note));
        blocks.Add(TimelineTable(m, keyEvents, "timeline"));

        blocks.Add(new HeadingBlock($"Organisations: the {Num(ranked.Count)} most present", 1, "organisations"));
        blocks.Add(new ParagraphBlock(RankingNote(m, ranked.Count), ParagraphRole.Note));
        blocks.Add(Table(ranked,
            [new("#", 0.5f, Numeric: true), new("Organisation", 3.2f), new("English", 3f), new("Documents", 1.3f, Numeric: true), new("Mentions", 1.2f, Numeric: true)],
            o => new TableRow([Cell.Of(Num(ranked.IndexOf(o) + 1), RunStyle.Muted), Cell.Of(o.Canonical, RunStyle.Bold), Cell.Of(o.CanonicalEn),
                    Cell.Of(Num(o.Documents.Length)), Cell.Of(Num(o.Mentions))])
                { Facets = new RowFacets(Anchors(m, o.Documents), null) },
            "No organisations found.", "organisations"));

        blocks.Add(new HeadingBlock(WithCount("Documents", m.Documents.Length), 1, "documents"));
        blocks.Add(Table(m.Documents,
            [new("#", 0.5f, Numeric: true), new("Title", 4.4f), new("Date", 1.3f), new("Lang.", 0.7f), new("Status", 1f),
                new("Orgs", 0.8f, Numeric: true), new("Agr.", 0.8f, Numeric: true)],
            d => new TableRow([Cell.Of(d.Label, RunStyle.Muted), DocumentCell(d), DocumentDate(d.Document), Cell.Of(d.Document.Language),
                    Cell.Of(d.Document.Status, d.Document.Error is null ? RunStyle.Plain : RunStyle.Bold),
                    Cell.Of(Num(d.Document.Organisations)), Cell.Of(Num(d.Document.Agreements))])
                { Anchor = d.Anchor, Facets = new RowFacets([d.Anchor], d.Document.Date ?? "") },
            "No documents were processed.", "documents"));

        blocks.Add(new HeadingBlock("Cross-reference: organisations by document", 1, "cross-reference"));
        blocks.Add(new ParagraphBlock("Every organisation found, with the numbers of the documents that mention it.", ParagraphRole.Note));
        blocks.Add(Table(m.Organisations,
            [new("Organisation", 3.4f), new("English", 3f), new("Documents", 3.2f)],
            o => new TableRow([Cell.Of(o.Canonical, RunStyle.Bold), Cell.Of(o.CanonicalEn, RunStyle.Small), DocumentLinks(m, o.Documents)])
                { Facets = new RowFacets(Anchors(m, o.Documents), null) },
            "No organisations found.", "cross-reference"));

        if (keyEvents.Count < m.Timeline.Length)
        {
            blocks.Add(new HeadingBlock(WithCount("Full timeline", m.Timeline.Length), 1, "full-timeline"));
            blocks.Add(TimelineTable(m, m.Timeline, "full-timeline"));
        }
        return WithMissingGlyphs(new ReportDocument("Batch overview", blocks.ToImmutable()));
    }

    private static IEnumerable<(string Title, string Anchor, string? Detail)> Sections(OverviewModel m, List<OverviewOrganisation> ranked,
        List<OverviewTimelineEntry> keyEvents)
    {
        if (m.Changes is not null) yield return ("Since the previous run", "changes", null);
        yield return ("Agreements", "agreements", Count(m.Agreements.Length, "agreement"));
        yield return ("Timeline", "timeline", Count(keyEvents.Count, "event"));
        yield return ("Organisations, ranked", "organisations", $"top {Num(ranked.Count)} of {Num(m.Organisations.Length)}");
        yield return ("Documents", "documents", Count(m.Documents.Length, "document"));
        yield return ("Cross-reference: organisations by document", "cross-reference", null);
        if (keyEvents.Count < m.Timeline.Length) yield return ("Full timeline", "full-timeline", Count(m.Timeline.Length, "event"));
    }

    private static IEnumerable<KeyFigure> KeyFigures(OverviewModel m)
    {
        yield return new(Num(m.Documents.Length), "Documents", m.Failed == 0 ? "all processed" : $"{Num(m.Failed)} failed");
        yield return new(Num(m.Organisations.Length), "Organisations", $"{Num(m.SharedOrganisations)} in several documents");
        yield return new(Num(m.Agreements.Length), "Agreements", $"{Num(m.Agreements.Count(a => a.Documents.Length > 1))} in several documents");
        yield return new(Num(m.Timeline.Length), "Dated events", Span(m.Timeline));
        var languages = m.Documents.Where(d => d.Document.Language is not null).GroupBy(d => d.Document.Language!)
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {Num(g.Count())}").ToList();
        yield return new(Num(languages.Count), languages.Count == 1 ? "Language" : "Languages", languages.Count == 0 ? null : string.Join(" · ", languages));
    }

    private static string? Span(ImmutableArray<OverviewTimelineEntry> timeline) =>
        timeline.IsEmpty ? null : $"{Year(timeline[0].Date)}–{Year(timeline[^1].Date)}";

    private static string Year(string date) => ReadableDate.Of(date.Length >= 4 ? date[..4] : date);

    /// <summary>What changed since the overview before this one, from the snapshot that one left in pipeline.db.</summary>
    private static IEnumerable<ReportBlock> Changes(OverviewModel m)
    {
        if (m.Changes is not { } c) yield break;
        yield return new HeadingBlock("Since the previous run", 1, "changes");
        var since = c.PreviousAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (c.IsEmpty)
        {
            yield return new ParagraphBlock($"Nothing new since the overview of {since}.", ParagraphRole.Note);
            yield break;
        }
        yield return new ParagraphBlock($"Compared with the overview of {since}.", ParagraphRole.Note);
        if (!c.NewDocuments.IsEmpty) yield return Change(m, c.NewDocuments.Length, "new document", c.NewDocuments);
        if (!c.ChangedDocuments.IsEmpty) yield return Change(m, c.ChangedDocuments.Length, "changed document", c.ChangedDocuments);
        if (!c.RemovedDocuments.IsEmpty)
            yield return new ParagraphBlock([new Run(Count(c.RemovedDocuments.Length, "document") + " removed: ", RunStyle.Bold),
                new Run(Listed(c.RemovedDocuments, 5))], ParagraphRole.Bullet);
        if (!c.NewOrganisations.IsEmpty)
            yield return new ParagraphBlock([new Run(Count(c.NewOrganisations.Length, "new organisation") + ": ", RunStyle.Bold),
                new Run(Listed(c.NewOrganisations, 8))], ParagraphRole.Bullet);
        if (!c.NewAgreements.IsEmpty)
            yield return new ParagraphBlock([new Run(Count(c.NewAgreements.Length, "new agreement") + ": ", RunStyle.Bold),
                new Run(Listed(c.NewAgreements, 6))], ParagraphRole.Bullet);
    }

    /// <summary>"3 new documents: title (#4), title (#9) and 1 more", each title linked to its row.</summary>
    private static ParagraphBlock Change(OverviewModel m, int count, string what, ImmutableArray<string> files)
    {
        var runs = new List<Run> { new(Count(count, what) + ": ", RunStyle.Bold) };
        const int Shown = 4;
        foreach (var (file, i) in files.Take(Shown).Select((f, i) => (f, i)))
        {
            if (i > 0) runs.Add(new Run("; "));
            var d = m.Find(file);
            runs.Add(d is null ? new Run(file) : new Run($"{ChartLabel(d.DisplayTitle, 60)} ({d.Label})", Link: "#" + d.Anchor));
        }
        if (files.Length > Shown) runs.Add(new Run($" and {Num(files.Length - Shown)} more"));
        return new ParagraphBlock([.. runs], ParagraphRole.Bullet);
    }

    private static string Listed(ImmutableArray<string> names, int shown) =>
        string.Join(", ", names.Take(shown)) + (names.Length > shown ? $" and {Num(names.Length - shown)} more" : "");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{Num(n)} {noun}s";

    /// <summary>The organisations worth a row: all that recur across documents (at least the top few), at most <see cref="MaxRanked"/>.</summary>
    private static List<OverviewOrganisation> Ranked(OverviewModel m) =>
        [.. m.Organisations.Take(Math.Clamp(m.SharedOrganisations, MinRanked, MaxRanked))];

    private static string RankingNote(OverviewModel m, int shown)
    {
        var single = m.Organisations.Count(o => o.Documents.Length == 1);
        var rest = m.Organisations.Length - shown;
        return rest <= 0
            ? $"Ranked by the number of documents that mention them, then by mentions. {Num(single)} appear in one document only."
            : $"Ranked by the number of documents that mention them, then by mentions. {Num(rest)} more are not ranked here " +
              $"({Num(single)} of all {Num(m.Organisations.Length)} appear in one document only); the cross-reference at the end lists every one.";
    }

    /// <summary>The latest <see cref="KeyEvents"/> events, in date order (all of them when there are fewer).</summary>
    private static List<OverviewTimelineEntry> KeyTimeline(OverviewModel m) =>
        m.Timeline.Length <= KeyEvents ? [.. m.Timeline] : [.. m.Timeline.Skip(m.Timeline.Length - KeyEvents)];

    private static ReportBlock TimelineTable(OverviewModel m, IReadOnlyCollection<OverviewTimelineEntry> rows, string name) =>
        Table(rows,
            [new("Date", 1.3f), new("Event", 6f), new("Document", 2f)],
            t =>
            {
                var d = m.Find(t.Document);
                return new TableRow([DateCell(t.Date, RunStyle.Bold), Cell.Of(t.Summary),
                        d is null ? Cell.Of(t.Document, RunStyle.Small) : Cell.Link($"{d.Label} {ChartLabel(d.DisplayTitle, 40)}", "#" + d.Anchor, RunStyle.Small)])
                    { Facets = new RowFacets(d is null ? [] : [d.Anchor], t.Date) };
            },
            "No dated events found.", name);

    /// <summary>The date at its known precision; a guessed one says so in the briefing's words.</summary>
    private static Cell DocumentDate(OverviewDocument d) =>
        d.Date is null || !d.DateGuessed
            ? DateCell(d.Date)
            : new Cell([new Run(ReadableDate.Of(d.Date), RunStyle.NoBreak), new Run("\n" + DescribeOrigin(d.DateOrigin!), RunStyle.Small | RunStyle.Muted)]);

    private static Cell DocumentCell(NumberedDocument d)
    {
        var runs = new List<Run>
        {
            new(d.DisplayTitle, RunStyle.Bold, Link: d.Document.Error is null ? ReportLinks.Briefing(d.Document.FileName) : null),
            new("\n" + d.Document.FileName, RunStyle.Small | RunStyle.Muted),
        };
        if (d.Document.Error is not null) runs.Add(new Run("\n" + d.Document.Error, RunStyle.Small));
        return new Cell([.. runs]);
    }

    /// <summary>"#3, #17, #45": each a link to the document's row.</summary>
    private static Cell DocumentLinks(OverviewModel m, ImmutableArray<string> files)
    {
        var docs = files.Select(m.Find).OfType<NumberedDocument>().OrderBy(d => d.Number).ToList();
        var runs = new List<Run>();
        foreach (var d in docs)
        {
            if (runs.Count > 0) runs.Add(new Run(", ", RunStyle.Small));
            runs.Add(new Run(d.Label, RunStyle.Small, Link: "#" + d.Anchor));
        }
        return runs.Count == 0 ? Cell.Empty : new Cell([.. runs]);
    }

    private static ImmutableArray<string> Anchors(OverviewModel m, ImmutableArray<string> files) =>
        [.. files.Select(m.Find).OfType<NumberedDocument>().Select(d => d.Anchor)];

    private static ImmutableArray<ChartSpec> Charts(OverviewModel m)
    {
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        var top = m.Organisations.Take(ChartedOrganisations).ToList();
        if (top.Count > 0)
            charts.Add(new ChartSpec(ChartKind.Ranking, "Organisations by documents",
                [.. top.Select(o => ChartLabel(o.CanonicalEn ?? o.Canonical, 28))], [.. top.Select(o => (double)o.Documents.Length)], "documents",
                "The organisations mentioned in the most documents: " +
                string.Join(", ", top.Select(o => $"{o.CanonicalEn ?? o.Canonical} {o.Documents.Length}")) + "."));
        var periods = EventsOverTime(m.Timeline);
        if (periods.Count > 0)
            charts.Add(new ChartSpec(ChartKind.Histogram, "Dated events over time",
                [.. periods.Select(p => p.Label)], [.. periods.Select(p => (double)p.Count)], "events",
                "Dated events per " + (periods.Any(p => p.Label.Length == 7 && p.Label[4] == '-') ? "month" : "year") + ": " +
                string.Join(", ", periods.Where(p => p.Count > 0).Select(p => $"{p.Label} {p.Count}")) + "."));
        return charts.ToImmutable();
    }

    /// <summary>
    /// Events per month when the batch spans two years or less, else per year over the 30 years that hold the most
    /// events (references outside them, "the 1949 treaty", are gathered in a first and a last bar).
    /// </summary>
    public static List<(string Label, int Count)> EventsOverTime(ImmutableArray<OverviewTimelineEntry> timeline)
    {
        var years = timeline.Select(t => t.Date.Length >= 4 && int.TryParse(t.Date[..4], out var y) ? y : (int?)null).OfType<int>().ToList();
        if (years.Count == 0) return [];
        int first = years.Min(), last = years.Max();
        if (last - first <= 1)
        {
            var months = timeline.Where(t => t.Date.Length >= 7 && t.Date[4] == '-').Select(t => t.Date[..7]).ToList();
            if (months.Count > 0)
            {
                var byMonth = months.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
                var start = DateOnly.ParseExact(months.Min()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var end = DateOnly.ParseExact(months.Max()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var list = new List<(string, int)>();
                for (var d = start; d <= end; d = d.AddMonths(1))
                {
                    var key = d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    list.Add((key, byMonth.GetValueOrDefault(key)));
                }
                return list;
            }
        }
        const int Window = 30;
        var from = Enumerable.Range(first, Math.Max(1, last - first - Window + 2))
            .MaxBy(start => years.Count(y => y >= start && y < start + Window));
        var to = Math.Min(last, from + Window - 1);
        var counts = years.GroupBy(y => Math.Clamp(y, from - 1, to + 1)).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<(string, int)>();
        // A gathered bar names the years it spans ("1949–1994"): "<1995" hid how far back it reaches, read like one more year.
        if (counts.TryGetValue(from - 1, out var older)) result.Add((Years(first, from - 1), older));
        for (var y = from; y <= to; y++) result.Add((y.ToString(CultureInfo.InvariantCulture), counts.GetValueOrDefault(y)));
        if (counts.TryGetValue(to + 1, out var newer)) result.Add((Years(to + 1, last), newer));
        return result;
    }

    private static string Years(int from, int to) => from == to
        ? from.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{from}–{to}");

    private static string ChartLabel(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Bilingual(string name, string? english) => english is null || english == name ? name : $"{name} ({english})";

    private static ReportBlock Table<T>(IReadOnlyCollection<T> rows, ImmutableArray<TableColumn> columns, Func<T, TableRow> row,
        string whenEmpty, string name) =>
        rows.Count == 0
            ? new ParagraphBlock(whenEmpty, ParagraphRole.Note)
            : new TableBlock(columns, [.. rows.Select(row)]) { Name = name };
}
