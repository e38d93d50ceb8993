using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Reports.Model;

/// <summary>The batch overview as shown: documents numbered, organisations ranked, with totals and what changed.</summary>
public sealed record OverviewModel(
    DateTimeOffset GeneratedAt,
    ImmutableArray<NumberedDocument> Documents,
    int Succeeded,
    int Failed,
    ImmutableArray<OverviewOrganisation> Organisations,
    ImmutableArray<OverviewAgreement> Agreements,
    ImmutableArray<OverviewTimelineEntry> Timeline,
    BatchChanges? Changes)
{
    private readonly Dictionary<string, NumberedDocument> _byFile =
        Documents.ToDictionary(d => d.Document.FileName, StringComparer.Ordinal);

    /// <summary>The numbered document of a file name (null for a file the overview does not list).</summary>
    public NumberedDocument? Find(string fileName) => _byFile.GetValueOrDefault(fileName);

    /// <summary>Organisations mentioned in more than one document: what links the batch together.</summary>
    public int SharedOrganisations => Organisations.Count(o => o.Documents.Length > 1);
}

/// <summary>A document with its number in the overview (#1 …), the anchor of its row and the title to show.</summary>
public sealed record NumberedDocument(int Number, OverviewDocument Document)
{
    public string Anchor => $"doc-{Number}";
    public string Label => $"#{Number}";
    public string DisplayTitle => string.IsNullOrWhiteSpace(Document.Title) ? Path.GetFileNameWithoutExtension(Document.FileName) : Document.Title.Trim();
}

public static class OverviewModelBuilder
{
    public static OverviewModel Build(BatchOverview overview)
    {
        var failed = overview.Documents.Count(d => d.Error is not null);
        // Newest first: an analyst opens the overview for what just came in. A date guessed from the file time is when
        // the file was copied, not when the article was written: those documents follow the dated ones.
        var documents = overview.Documents
            .OrderBy(d => d.Date is null ? 2 : d.DateGuessed ? 1 : 0)
            .ThenByDescending(d => d.Date ?? "", StringComparer.Ordinal).ThenBy(d => d.FileName, StringComparer.Ordinal)
            .Select((d, i) => new NumberedDocument(i + 1, d));
        return new OverviewModel(
            overview.GeneratedAt,
            [.. documents],
            overview.Documents.Length - failed,
            failed,
            // Ranked: the bodies that recur across documents first, then by mentions.
            [.. overview.Organisations.OrderByDescending(o => o.Documents.Length).ThenByDescending(o => o.Mentions)
                .ThenBy(o => o.Canonical, StringComparer.Ordinal)],
            [.. overview.Agreements.OrderBy(a => a.Date ?? "~", StringComparer.Ordinal).ThenBy(a => a.Canonical, StringComparer.Ordinal)],
            [.. overview.Timeline.OrderBy(t => TimelineEntry.SortKey(t.Date), StringComparer.Ordinal).ThenBy(t => t.Document, StringComparer.Ordinal)],
            overview.Changes);
    }
}
