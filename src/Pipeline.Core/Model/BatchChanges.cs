using System.Collections.Immutable;
using System.Text.Json;

namespace Pipeline.Model;

/// <summary>What is new or changed in a batch since the previous overview: documents, organisations, agreements.</summary>
public sealed record BatchChanges(
    DateTimeOffset PreviousAt,
    ImmutableArray<string> NewDocuments,
    ImmutableArray<string> ChangedDocuments,
    ImmutableArray<string> RemovedDocuments,
    ImmutableArray<string> NewOrganisations,
    ImmutableArray<string> NewAgreements)
{
    public bool IsEmpty => NewDocuments.IsEmpty && ChangedDocuments.IsEmpty && RemovedDocuments.IsEmpty
                           && NewOrganisations.IsEmpty && NewAgreements.IsEmpty;
}

/// <summary>
/// What an overview showed, kept in output/pipeline.db after it is written, so the next overview can say what
/// changed: the version (content hash) of every document, and the organisations and agreements found.
/// </summary>
public sealed record OverviewSnapshot(
    DateTimeOffset At,
    ImmutableDictionary<string, string> Documents,
    ImmutableArray<string> Organisations,
    ImmutableArray<string> Agreements)
{
    public static OverviewSnapshot Of(BatchOverview overview) => new(
        overview.GeneratedAt,
        overview.Documents.Where(d => d.Status == "ok" && d.ContentHash is not null)
            .ToImmutableDictionary(d => d.FileName, d => d.ContentHash!),
        [.. overview.Organisations.Select(o => o.CanonicalEn ?? o.Canonical).Distinct()],
        [.. overview.Agreements.Select(a => a.Canonical).Distinct()]);

    public string ToJson() => JsonSerializer.Serialize(this, RecordJson.Default.OverviewSnapshot);

    public static OverviewSnapshot? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize(json, RecordJson.Default.OverviewSnapshot); }
        catch (JsonException) { return null; } // an older or damaged record: the overview just cannot compare
    }

    /// <summary>What <paramref name="current"/> has that this snapshot had not (names as the overview shows them).</summary>
    public BatchChanges Compare(BatchOverview current)
    {
        var now = Of(current);
        var organisations = Organisations.ToHashSet(StringComparer.Ordinal);
        var agreements = Agreements.ToHashSet(StringComparer.Ordinal);
        return new BatchChanges(
            At,
            [.. now.Documents.Keys.Where(f => !Documents.ContainsKey(f)).Order(StringComparer.Ordinal)],
            [.. now.Documents.Where(d => Documents.TryGetValue(d.Key, out var hash) && hash != d.Value).Select(d => d.Key).Order(StringComparer.Ordinal)],
            [.. Documents.Keys.Where(f => !now.Documents.ContainsKey(f)).Order(StringComparer.Ordinal)],
            // In the overview's order (most documents first), so the first few named are the ones that matter.
            [.. current.Organisations.Where(o => !organisations.Contains(o.CanonicalEn ?? o.Canonical)).Select(o => o.Canonical).Distinct()],
            [.. current.Agreements.Where(a => !agreements.Contains(a.Canonical)).Select(a => a.Canonical).Distinct()]);
    }
}
