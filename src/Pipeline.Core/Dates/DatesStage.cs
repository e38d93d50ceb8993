using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Dates;

/// <summary>
/// Finds DATE mentions (Chinese and English) with ISO values, and fixes the document date
/// that relative expressions count from when the metadata does not give one.
/// </summary>
public sealed class DatesStage(NumericOrder order = NumericOrder.MonthFirst) : IStage
{
    public static readonly StageDescriptor<DatesOptions> Descriptor = new(
        "dates",
        "DATE mentions with calendar values; sets the document date when metadata lacks it",
        ArticleParts.Text, ArticleParts.Dates,
        o => new DatesStage(o.NumericOrder));

    StageDescriptor IStage.Descriptor => Descriptor;

    /// <summary>Lets tests fix "now" (dates after it are not taken as the latest past date).</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>Lets tests fix the file modification time that is the last resort for the document date.</summary>
    public Func<SourceFile, DateTime?> FileTime { get; init; } = source =>
        source.ModifiedUtc is { } read ? read.ToLocalTime() : File.Exists(source.Path) ? File.GetLastWriteTime(source.Path) : null;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var text = article.Text;
        var quotes = new QuotedSpans(text);
        // A relative word inside a title (《今日说法》) names the title, not a day; 21世纪经济报道 is a newspaper.
        var mentions = new DateScanner(order).Scan(text)
            .Where(m => m.From.Anchor == DateAnchor.Absolute || !quotes.InTitle(m.Start))
            .Where(m => !NameHeads.StartsAName(text, m))
            .ToList();
        cancellation.ThrowIfCancellationRequested();
        var today = Today();
        // Asked for by more than one inference step: the file is looked at once (two system calls a time).
        DateOnly? fileTime = null;
        var inferred = DocumentDateInference.Infer(article, mentions, quotes, today,
            () => fileTime ??= DateOnly.FromDateTime(FileTime(article.Source) ?? DateTime.Now));
        var origin = new DateReference(inferred.Value, inferred.Origin);
        var guessed = origin.Guessed;
        var resolved = new DateResolver(text, mentions, inferred.Reference, quotes).Resolve();
        var entities = resolved.Select(r => new Entity(
            EntityTypes.Date, r.Mention.Start, r.Mention.End, text[r.Mention.Start..r.Mention.End], r.Mention.Rule,
            Confidence(r, guessed))
        {
            Value = r.Value,
            Reference = r.Speech ?? (r.UsedReference ? origin : null),
            // A relative date counted from a reference coarser than it needs (今天 when only the year is known) is a guess.
            Ambiguous = r.Ambiguous || r.UsedReference && r.Speech is null && inferred.Precision < r.Mention.From.NeededReferencePrecision,
        });

        var result = article.AddEntities(entities);
        var given = article.Metadata.DocumentDate;
        if (given is null || given.Origin is not (DateOrigins.Sidecar or DateOrigins.FrontMatter))
            result = result with
            {
                Metadata = result.Metadata with
                {
                    DocumentDate = new Sourced<DateOnly>(inferred.Value, inferred.Origin),
                    DocumentDateAsWritten = inferred.AsWritten,
                    DocumentDateConfidence = inferred.Confidence,
                    DocumentDateEvidence = inferred.Evidence,
                },
            };
        else result = result with { Metadata = result.Metadata with { DocumentDateConfidence = 1.0 } };
        if (guessed)
        {
            var relative = resolved.Count(r => r.UsedReference && r.Speech is null && r.Value is not null);
            result = result.AddWarning(inferred.Origin == DateOrigins.FileTime
                ? $"document date {inferred.Value:yyyy-MM-dd} guessed from the file modification time ({relative} dates resolved against it)"
                : $"document date {inferred.Value:yyyy-MM-dd}: {inferred.Evidence} ({relative} dates resolved against it)");
        }
        foreach (var r in resolved.Where(r => r.Problem is not null))
            result = result.AddWarning($"'{text[r.Mention.Start..r.Mention.End]}' is no calendar date ({r.Problem}): it has no value");
        return result;
    }

    private static double Confidence(ResolvedDate r, bool guessedReference) =>
        r.Value is null ? 0.5
        : r.UsedReference && guessedReference ? 0.4
        : r.Ambiguous ? 0.6
        : r.Mention.From.Anchor == DateAnchor.Absolute ? 0.95
        : r.UsedReference ? 0.85
        : 0.9;
}

public sealed record DatesOptions
{
    [Option("how 9/3/2018 is read")]
    public NumericOrder NumericOrder { get; init; } = NumericOrder.MonthFirst;
}
