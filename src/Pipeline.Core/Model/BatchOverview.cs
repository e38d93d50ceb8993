using System.Collections.Immutable;

namespace Pipeline.Model;

/// <summary>What the batch overview reports show: every document and what they share.</summary>
public sealed record BatchOverview(
    DateTimeOffset GeneratedAt,
    ImmutableArray<OverviewDocument> Documents,
    ImmutableArray<OverviewOrganisation> Organisations,
    ImmutableArray<OverviewAgreement> Agreements,
    ImmutableArray<OverviewTimelineEntry> Timeline)
{
    /// <summary>What changed since the previous overview of the same output folder; null when there was none.</summary>
    public BatchChanges? Changes { get; init; }
}

public sealed record OverviewDocument(string FileName, string? Title, string Status, int Dates, int Organisations,
    int Agreements, string? Error)
{
    /// <summary>The document date as stored (yyyy-MM-dd), its language, and the hash of the version processed.</summary>
    public string? Date { get; init; }
    public string? Language { get; init; }
    public string? ContentHash { get; init; }
}

public sealed record OverviewOrganisation(string Canonical, string? CanonicalEn, int Mentions, ImmutableArray<string> Documents);

public sealed record OverviewAgreement(string Canonical, string Kind, string? Date, ImmutableArray<string> Documents);

public sealed record OverviewTimelineEntry(string Date, string Document, string Summary);
