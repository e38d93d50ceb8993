using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Reports.Model;
using static Pipeline.Reports.Document.BriefingComposer;

namespace Pipeline.Reports.Document;

/// <summary>What the batch overview says: the documents, and the organisations, agreements and dates they share.</summary>
public static class OverviewComposer
{
    public static ReportDocument Compose(OverviewModel m)
    {
        var title = m.Documents.Length == 1 ? "1 document" : $"{Num(m.Documents.Length)} documents";
        var blocks = ImmutableArray.CreateBuilder<ReportBlock>();
        blocks.Add(new TitleBlock("BATCH OVERVIEW", title,
            "Generated " + m.GeneratedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
        blocks.Add(new KeyFiguresBlock([
            new(Num(m.Succeeded), "Processed", null),
            new(Num(m.Failed), "Failed", null),
            new(Num(m.Organisations.Length), "Organisations", $"{Num(m.Organisations.Count(o => o.Documents.Length > 1))} in several documents"),
            new(Num(m.Agreements.Length), "Agreements", null),
        ]));

        blocks.Add(new HeadingBlock("Documents", 1));
        blocks.Add(Table(m.Documents,
            [new("File", 2.6f), new("Title", 3.1f), new("Status", 1.1f), new("Dates", 1f), new("Orgs", 1f), new("Agreements", 1.6f)],
            d => [Cell.Of(d.FileName, RunStyle.Bold), new Cell(DocumentTitle(d)), Cell.Of(d.Status),
                Cell.Of(Num(d.Dates)), Cell.Of(Num(d.Organisations)), Cell.Of(Num(d.Agreements))],
            "No documents were processed."));

        blocks.Add(new HeadingBlock("Organisations across documents", 1));
        blocks.Add(Table(m.Organisations,
            [new("Organisation", 2.6f), new("English", 2.4f), new("Mentions", 1.3f), new("Documents", 3.6f)],
            o => [Cell.Of(o.Canonical, RunStyle.Bold), Cell.Of(o.CanonicalEn), Cell.Of(Num(o.Mentions)), Cell.Of(string.Join("; ", o.Documents), RunStyle.Small)],
            "No organisations found."));

        blocks.Add(new HeadingBlock("Agreements across documents", 1));
        blocks.Add(Table(m.Agreements,
            [new("Agreement", 4f), new("Kind", 1.4f), new("Date", 1.5f), new("Documents", 3f)],
            a => [Cell.Of(a.Canonical, RunStyle.Bold), Cell.Of(a.Kind), Cell.Of(a.Date), Cell.Of(string.Join("; ", a.Documents), RunStyle.Small)],
            "No agreements found."));

        blocks.Add(new HeadingBlock("Timeline", 1));
        blocks.Add(Table(m.Timeline,
            [new("Date", 1.5f), new("Event", 5.4f), new("Document", 2.6f)],
            t => [Cell.Of(t.Date, RunStyle.Bold), Cell.Of(t.Summary), Cell.Of(t.Document, RunStyle.Small | RunStyle.Muted)],
            "No dated events found."));
        return new ReportDocument("Batch overview", blocks.ToImmutable());
    }

    private static ImmutableArray<Run> DocumentTitle(Pipeline.Model.OverviewDocument d) =>
        d.Error is null
            ? [new Run(d.Title ?? "—")]
            : [new Run(d.Title ?? "—"), new Run("\n" + d.Error, RunStyle.Small | RunStyle.Muted)];
}
