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

/// <param name="Dates">DATE mentions.</param>
/// <param name="Organisations">Distinct organisations, as the overview counts them: one per row of its organisation list.</param>
/// <param name="Agreements">Distinct agreement records, as the overview counts them: one per row of its agreement list.</param>
public sealed record OverviewDocument(string FileName, string? Title, string Status, int Dates, int Organisations,
    int Agreements, string? Error)
{
    /// <summary>
    /// The document date at the precision known ("2020", "2020-10", "2020-10-05"), its language, and the hash of the
    /// version processed.
    /// </summary>
    public string? Date { get; init; }

    /// <summary>Where <see cref="Date"/> came from (one of <see cref="DateOrigins"/>).</summary>
    public string? DateOrigin { get; init; }

    /// <summary>The date is (or takes its year from) the file modification time: it says nothing of when the article was written.</summary>
    public bool DateGuessed => DateOrigin is { } o && DateOrigins.IsGuess(o);

    public string? Language { get; init; }
    public string? ContentHash { get; init; }
}

public sealed record OverviewOrganisation(string Canonical, string? CanonicalEn, int Mentions, ImmutableArray<string> Documents);

public sealed record OverviewAgreement(string Canonical, string Kind, string? Date, ImmutableArray<string> Documents);

public sealed record OverviewTimelineEntry(string Date, string Document, string Summary);
