using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Reports.Model;

/// <summary>The batch overview as shown: sorted, with totals.</summary>
public sealed record OverviewModel(
    DateTimeOffset GeneratedAt,
    ImmutableArray<OverviewDocument> Documents,
    int Succeeded,
    int Failed,
    ImmutableArray<OverviewOrganisation> Organisations,
    ImmutableArray<OverviewAgreement> Agreements,
    ImmutableArray<OverviewTimelineEntry> Timeline);

public static class OverviewModelBuilder
{
    public static OverviewModel Build(BatchOverview overview)
    {
        var failed = overview.Documents.Count(d => d.Error is not null);
        return new OverviewModel(
            overview.GeneratedAt,
            [.. overview.Documents.OrderBy(d => d.FileName, StringComparer.Ordinal)],
            overview.Documents.Length - failed,
            failed,
            // Shared organisations first: what links documents is the point of an overview.
            [.. overview.Organisations.OrderByDescending(o => o.Documents.Length).ThenByDescending(o => o.Mentions)
                .ThenBy(o => o.Canonical, StringComparer.Ordinal)],
            [.. overview.Agreements.OrderBy(a => a.Date ?? "~", StringComparer.Ordinal).ThenBy(a => a.Canonical, StringComparer.Ordinal)],
            [.. overview.Timeline.OrderBy(t => t.Date, StringComparer.Ordinal).ThenBy(t => t.Document, StringComparer.Ordinal)]);
    }
}
