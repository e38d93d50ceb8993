using System.Collections.Immutable;

namespace Pipeline.Model;

/// <summary>What the batch overview reports show: every document and what they share.</summary>
public sealed record BatchOverview(
    DateTimeOffset GeneratedAt,
    ImmutableArray<OverviewDocument> Documents,
    ImmutableArray<OverviewOrganisation> Organisations,
    ImmutableArray<OverviewAgreement> Agreements,
    ImmutableArray<OverviewTimelineEntry> Timeline);

public sealed record OverviewDocument(string FileName, string? Title, string Status, int Dates, int Organisations,
    int Agreements, string? Error);

public sealed record OverviewOrganisation(string Canonical, string? CanonicalEn, int Mentions, ImmutableArray<string> Documents);

public sealed record OverviewAgreement(string Canonical, string Kind, string? Date, ImmutableArray<string> Documents);

public sealed record OverviewTimelineEntry(string Date, string Document, string Summary);
