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

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var text = article.Text;
        var quotes = new QuotedSpans(text);
        // A relative word inside a title (《今日说法》) names the title, not a day.
        var mentions = new DateScanner(order).Scan(text)
            .Where(m => m.From.Anchor == DateAnchor.Absolute || !quotes.InTitle(m.Start))
            .ToList();
        var (reference, asWritten) = ReferenceDateFinder.Find(article, mentions, quotes, Today());
        var origin = new DateReference(reference.Value, reference.Origin);
        var entities = new DateResolver(text, mentions, reference, quotes).Resolve().Select(r => new Entity(
            EntityTypes.Date, r.Mention.Start, r.Mention.End, text[r.Mention.Start..r.Mention.End], r.Mention.Rule,
            Confidence(r))
        {
            Value = r.Value,
            Reference = r.Speech ?? (r.UsedReference ? origin : null),
            Ambiguous = r.Ambiguous,
        });

        var result = article.AddEntities(entities);
        if (!ReferenceEquals(article.Metadata.DocumentDate, reference))
            result = result with { Metadata = result.Metadata with { DocumentDate = reference, DocumentDateAsWritten = asWritten } };
        if (reference.Origin == DateOrigins.FileTime)
            result = result.AddWarning($"document date {reference.Value:yyyy-MM-dd} guessed from the file modification time");
        return result;
    }

    private static double Confidence(ResolvedDate r) =>
        r.Ambiguous ? 0.6
        : r.Mention.From.Anchor == DateAnchor.Absolute ? 0.95
        : r.UsedReference ? 0.85
        : 0.9;
}

public sealed record DatesOptions
{
    [Option("how 9/3/2018 is read")]
    public NumericOrder NumericOrder { get; init; } = NumericOrder.MonthFirst;
}
