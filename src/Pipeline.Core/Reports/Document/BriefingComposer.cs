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
        blocks.Add(new TitleBlock("BRIEFING", m.Title, Join(" · ", m.Publisher, m.Url)));
        blocks.Add(new MetadataBlock([.. Metadata(m)]));
        blocks.Add(new KeyFiguresBlock([.. KeyFigures(m)]));
        foreach (var warning in m.Warnings)
            blocks.Add(new ParagraphBlock([new Run("Note: ", RunStyle.Bold | RunStyle.Muted), new Run(warning, RunStyle.Muted)], ParagraphRole.Note));

        blocks.Add(new HeadingBlock("Timeline", 1));
        if (m.Timeline.FromDateMentions && !m.Timeline.Rows.IsEmpty)
            blocks.Add(new ParagraphBlock("No timeline entries were extracted; these are the sentences around dated mentions.", ParagraphRole.Note));
        blocks.Add(Table(m.Timeline.Rows,
            [new("Date", 1.4f), new("Event", 5f), new("Organisations / agreements", 2.6f)],
            r => [Cell.Of(r.Date, RunStyle.Bold), Cell.Of(r.Summary), Cell.Of(string.Join("; ", r.Organisations.Concat(r.Agreements)), RunStyle.Small)],
            "No dated events found."));

        blocks.Add(new HeadingBlock("Organisations", 1));
        blocks.Add(Table(m.Organisations,
            [new("Organisation", 2.6f), new("English", 2.4f), new("Aliases seen", 3f), new("Mentions", 1.3f)],
            o => [Cell.Of(o.Canonical, RunStyle.Bold), Cell.Of(o.CanonicalEn), Cell.Of(string.Join("; ", o.Aliases)), Cell.Of(Num(o.Mentions))],
            "No organisations found."));

        blocks.Add(new HeadingBlock("Agreements", 1));
        if (m.Agreements.FromMentions && !m.Agreements.Rows.IsEmpty)
            blocks.Add(new ParagraphBlock("No agreement records were built; these are the agreement mentions, grouped by name.", ParagraphRole.Note));
        blocks.Add(Table(m.Agreements.Rows,
            [new("Agreement", 3.4f), new("Kind", 1.4f), new("Date", 1.4f), new("Action", 1.3f), new("Forum / parties", 2.6f)],
            a => [AgreementTitle(a), Cell.Of(a.Kind), Cell.Of(a.Date), Cell.Of(a.Action), Cell.Of(Join("; ", a.Forum, a.Parties.IsEmpty ? null : string.Join(", ", a.Parties)))],
            "No agreements found."));

        blocks.Add(new HeadingBlock("Dates", 1));
        blocks.Add(Table(m.Dates,
            [new("Text", 2.4f), new("Value", 1.6f), new("Resolved against", 3f), new("Note", 1.6f)],
            d => [Cell.Of(d.Text), Cell.Of(d.Value ?? "—", RunStyle.Bold),
                Cell.Of(d.Reference is { } r ? $"{Iso(r.Value)} ({DescribeOrigin(r.Origin)})" : "absolute", d.Reference is null ? RunStyle.Muted : RunStyle.Plain),
                Cell.Of(d.Reference?.Guessed == true ? "guessed" : d.Ambiguous ? "ambiguous" : "", RunStyle.Muted)],
            "No dates found."));

        blocks.Add(new HeadingBlock("Article text", 1));
        blocks.Add(Legend());
        foreach (var p in m.Text)
            blocks.Add(new ParagraphBlock([.. p.Pieces.Select(x => new Run(x.Text, RunStyle.Plain, x.EntityType))], ParagraphRole.Article));
        return new ReportDocument(m.Title, blocks.ToImmutable());
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
        if (m.Publisher is not null) yield return new("Publisher", m.Publisher);
        if (m.Url is not null) yield return new("URL", m.Url);
        yield return new("Document date", m.DocumentDate is { } d
            ? $"{d.AsWritten ?? Iso(d.Value)} ({DescribeOrigin(d.Origin)}{(d.Confidence is { } c and < 1 ? $"; confidence {DateOrigins.LevelOf(c)}, {c.ToString("0.00", CultureInfo.InvariantCulture)}" : "")})"
            : "unknown");
        if (m.Language is not null) yield return new("Language", m.Language);
    }

    private static IEnumerable<KeyFigure> KeyFigures(BriefingModel m)
    {
        foreach (var c in m.Counts.Where(c => EntityTypes.Scored.Contains(c.Type) || c.Mentions > 0))
            yield return new KeyFigure(Num(c.Distinct), c.Label, $"{Num(c.Mentions)} mentions");
        yield return new KeyFigure(Num(m.Timeline.Rows.Length), "Timeline entries", null);
    }

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
