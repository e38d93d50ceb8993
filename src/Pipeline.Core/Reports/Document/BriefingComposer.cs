using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Model;
using Pipeline.Reports.Model;

namespace Pipeline.Reports.Document;

/// <summary>Decides what a briefing says and in which order; renderers decide how it looks.</summary>
public static class BriefingComposer
{
    public static ReportDocument Compose(BriefingModel m)
    {
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        blocks.Add(new TitleBlock("BRIEFING", m.Title, Join(" · ", m.Publisher,
            m.DocumentDate is { } date ? AsKnown(date) + (date.Guessed ? " (a guess)" : "") : null)));
        blocks.Add(new MetadataBlock([.. Metadata(m)]));
        blocks.Add(new KeyFiguresBlock([.. KeyFigures(m)]));
        foreach (var failure in m.Failures)
            blocks.Add(Warning($"Incomplete briefing: {failure}. What that stage would have found is missing; the rest stands."));
        foreach (var warning in m.Warnings)
            blocks.Add(Warning(warning));
        blocks.Add(new ContentsBlock([.. Sections(m).Select(s => new ContentsEntry(s.Title, s.Anchor))]) { Inline = true });

        // What the article says, first: who agreed what, when.
        if (!m.Lead.IsEmpty)
        {
            blocks.Add(new HeadingBlock("In brief", 1, "summary"));
            blocks.Add(new ParagraphBlock("Key sentences of the article, chosen for the agreements, organisations and dates they carry.", ParagraphRole.Note));
            foreach (var sentence in m.Lead) blocks.Add(new ParagraphBlock([new Run(sentence)], ParagraphRole.Bullet));
        }

        blocks.Add(new HeadingBlock(WithCount("Agreements", m.Agreements.Rows.Length), 1, "agreements"));
        blocks.Add(Table(m.Agreements.Rows,
            [new("Agreement", 3.4f), new("Kind", 1.4f), new("Date", 1.4f), new("Action", 1.3f), new("Forum / parties", 2.6f)],
            a => [AgreementTitle(a), Cell.Of(a.Kind), DateCell(a.Date), Cell.Of(a.Action), Cell.Of(Join("; ", a.Forum, a.Parties.IsEmpty ? null : string.Join(", ", a.Parties)))],
            m.Agreements.Missing ?? "No agreements found."));

        blocks.Add(new HeadingBlock(WithCount("Timeline", m.Timeline.Rows.Length), 1, "timeline"));
        blocks.Add(Table(m.Timeline.Rows,
            [new("Date", 1.4f), new("Event", 5f), new("Organisations / agreements", 2.6f)],
            r => [DateCell(r.Date, RunStyle.Bold), Cell.Of(r.Summary), Cell.Of(string.Join("; ", r.Organisations.Concat(r.Agreements)), RunStyle.Small)],
            m.Timeline.Missing ?? NoTimeline(m.Timeline.LeftOff)));

        blocks.Add(new HeadingBlock(WithCount("Organisations", m.Organisations.Length), 1, "organisations"));
        blocks.Add(Table(m.Organisations,
            [new("Organisation", 2.6f), new("English", 2.4f), new("Aliases seen", 3f), new("Mentions", 1.3f, Numeric: true)],
            o => [Cell.Of(o.Canonical, RunStyle.Bold), Cell.Of(o.CanonicalEn), Cell.Of(string.Join("; ", o.Aliases)), Cell.Of(Num(o.Mentions))],
            "No organisations found."));

        blocks.Add(new HeadingBlock(WithCount("Dates", m.Dates.Length), 1, "dates"));
        blocks.Add(Table(m.Dates,
            [new("Text", 2.4f), new("Value", 1.6f), new("Resolved against", 3f), new("Note", 1.6f)],
            d => [Cell.Of(d.Text), d.Value is null ? Cell.Of("—", RunStyle.Bold) : DateCell(d.Value, RunStyle.Bold),
                d.Reference is { } r ? new Cell([new Run(Iso(r.Value), RunStyle.NoBreak), new Run($" ({DescribeOrigin(r.Origin)})")]) : Cell.Of("absolute", RunStyle.Muted),
                Cell.Of(d.Reference?.Guessed == true ? "guessed" : d.Ambiguous ? "ambiguous" : "", RunStyle.Muted)],
            "No dates found."));

        blocks.Add(new HeadingBlock("Article text", 1, "text"));
        blocks.Add(Legend());
        foreach (var p in m.Text)
            blocks.Add(new ParagraphBlock([.. p.Pieces.Select(x => new Run(x.Text, RunStyle.Plain, x.EntityType))], ParagraphRole.Article));

        var document = new ReportDocument(m.Title, blocks.ToImmutable()) { Language = m.Chinese ? "zh" : m.Language ?? "en" };
        return WithMissingGlyphs(document);
    }

    private static IEnumerable<(string Title, string Anchor)> Sections(BriefingModel m)
    {
        if (!m.Lead.IsEmpty) yield return ("In brief", "summary");
        yield return ("Agreements", "agreements");
        yield return ("Timeline", "timeline");
        yield return ("Organisations", "organisations");
        yield return ("Dates", "dates");
        yield return ("Article text", "text");
    }

    internal static string WithCount(string title, int count) => $"{title} ({Num(count)})";

    /// <summary>An empty timeline says why when the stage left events off: "none found" would be untrue.</summary>
    private static string NoTimeline(int leftOff) => leftOff switch
    {
        0 => "No dated events found.",
        1 => "No dated events on the timeline: 1 was left off, since its date counts from a document date guessed from the file modification time.",
        _ => $"No dated events on the timeline: {Num(leftOff)} were left off, since their dates count from a document date guessed from the file modification time.",
    };

    /// <summary>A date value as a reader reads it (<see cref="ReadableDate"/>), never split across lines.</summary>
    internal static Cell DateCell(string? value, RunStyle style = RunStyle.Plain) =>
        Cell.Of(ReadableDate.OfOptional(value), style | RunStyle.NoBreak);

    /// <summary>The date as precisely as its source gives it ("2018-07"), else the day.</summary>
    internal static string AsKnown(SourcedDate date) => date.AsWritten ?? Iso(date.Value);

    internal static ParagraphBlock Warning(string text) =>
        new([new Run("Note: ", RunStyle.Bold | RunStyle.Muted), new Run(text, RunStyle.Muted)], ParagraphRole.Note);

    /// <summary>
    /// Characters no shipped font can draw (emoji, scripts the fonts lack) are shown as a visible mark; the report
    /// says how many there were instead of leaving empty boxes for the reader to puzzle over.
    /// </summary>
    internal static ReportDocument WithMissingGlyphs(ReportDocument document)
    {
        var (count, examples) = Fonts.FontCoverage.Missing(document.AllText());
        if (count == 0) return document;
        var warning = Warning($"{Num(count)} character{(count == 1 ? "" : "s")} of this report ({string.Join(" ", examples)}) " +
            $"{(count == 1 ? "has" : "have")} no glyph in the report fonts and {(count == 1 ? "is" : "are")} shown as {Fonts.FontCoverage.Replacement} in the PDF.");
        // After the key figures, with the other notes.
        var at = document.Blocks.IndexOf(document.Blocks.OfType<KeyFiguresBlock>().FirstOrDefault()!) + 1;
        return document with { Blocks = document.Blocks.Insert(Math.Max(1, at), warning), MissingGlyphs = count };
    }

    public static ParagraphBlock Legend()
    {
        var runs = new List<Run> { new("Highlighted: ", RunStyle.Muted | RunStyle.Small) };
        foreach (var type in BriefingModelBuilder.HighlightedTypes)
        {
            runs.Add(new Run($" {LegendName(type)} ", RunStyle.Small, type));
            runs.Add(new Run("  ", RunStyle.Small));
        }
        return new ParagraphBlock([.. runs], ParagraphRole.Note);
    }

    public static string LegendName(string type) => type switch
    {
        EntityTypes.Date => "Date",
        EntityTypes.Org => "Organisation",
        EntityTypes.Agreement => "Agreement",
        _ => type,
    };

    /// <summary>Plain-language source of a date, so an analyst knows how far to trust it.</summary>
    public static string DescribeOrigin(string origin) => origin switch
    {
        DateOrigins.Sidecar => "from the .meta.json sidecar",
        DateOrigins.FrontMatter => "from the document's own metadata",
        DateOrigins.Dateline => "from the dateline",
        DateOrigins.LatestInText => "latest date in the text",
        DateOrigins.TextEvidence => "from clues in the text",
        DateOrigins.FileTime => "file modification time, a guess",
        DateOrigins.FileTimeYear => "day from the text, year from the file modification time, a guess",
        // The dates stage resolves words like 今天 inside a quotation against the date of the speech.
        _ when origin.StartsWith(DateOrigins.SpeechPrefix, StringComparison.Ordinal) =>
            $"the date of the quoted speech, {origin[DateOrigins.SpeechPrefix.Length..]}",
        _ => origin,
    };

    private static IEnumerable<MetadataItem> Metadata(BriefingModel m)
    {
        yield return new("Source file", m.FileName);
        if (m.TitleOrigin == Ingest.Headline.Origin) yield return new("Title", "the article's first line");
        if (m.Publisher is not null) yield return new("Publisher", m.Publisher);
        if (m.Url is not null) yield return new("URL", m.Url, IsWebLink(m.Url) ? m.Url : null);
        yield return new("Document date", m.DocumentDate is { } d
            ? $"{AsKnown(d)} ({DescribeOrigin(d.Origin)}{(d.Confidence is { } c and < 1 ? $"; confidence {DateOrigins.LevelOf(c)}, {c.ToString("0.00", CultureInfo.InvariantCulture)}" : "")})"
            : "unknown");
        if (m.Language is not null) yield return new("Language", m.Language);
    }

    /// <summary>
    /// The numbers of the sections below, one figure per section, so a figure and its section heading always agree
    /// (other kinds of title the pipeline finds have no section, so no figure: they are in entities.json).
    /// </summary>
    private static IEnumerable<KeyFigure> KeyFigures(BriefingModel m)
    {
        yield return m.Agreements.Missing is null
            ? new KeyFigure(Num(m.Agreements.Rows.Length), "Agreements", Mentions(m.Agreements.Rows.Sum(a => a.Mentions)))
            : new KeyFigure("—", "Agreements", null);
        yield return new KeyFigure(Num(m.Organisations.Length), "Organisations", Mentions(m.Organisations.Sum(o => o.Mentions)));
        // The Dates section lists every mention; how many calendar values they name is a different count, labelled as such.
        var values = m.Dates.Select(d => d.Value ?? d.Text).Distinct().Count();
        yield return new KeyFigure(Num(m.Dates.Length), "Dates", values == 1 ? "1 distinct value" : $"{Num(values)} distinct values");
        yield return new KeyFigure(m.Timeline.Missing is null ? Num(m.Timeline.Rows.Length) : "—", "Timeline entries", null);
    }

    private static string Mentions(int n) => n == 1 ? "1 mention" : $"{Num(n)} mentions";

    internal static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static Cell AgreementTitle(AgreementRow a)
    {
        var runs = new List<Run> { new(a.Title, RunStyle.Bold) };
        if (a.TitleEn is not null) runs.Add(new Run("\n" + a.TitleEn, RunStyle.Small | RunStyle.Muted));
        return new Cell([.. runs]);
    }

    internal static ReportBlock Table<T>(IReadOnlyCollection<T> rows, ImmutableArray<TableColumn> columns,
        Func<T, ImmutableArray<Cell>> cells, string whenEmpty) =>
        rows.Count == 0
            ? new ParagraphBlock(whenEmpty, ParagraphRole.Note)
            : new TableBlock(columns, [.. rows.Select(cells)]);

    internal static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }
}
