namespace Pipeline.Ingest;

/// <summary>What a format reader gets out of a file: the article text and the metadata the file itself carries.</summary>
public sealed record IngestedText(string Text, string Format, string? Encoding)
{
    public string? Title { get; init; }
    public DateOnly? Date { get; init; }
    public string? Publisher { get; init; }
    public string? Url { get; init; }
    public string? Language { get; init; }
    /// <summary>What the file says that could not be used (a property that does not parse): told, not fatal.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Warnings { get; init; } = [];
}

/// <summary>Reads ISO 8601 dates as files state them ("2020-01-16", "2020-01-16T08:00:00+08:00").</summary>
public static class IsoDate
{
    public static DateOnly? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        // The calendar date as written, not shifted to UTC: "2020-01-16T01:00+08:00" is the 16th.
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var dto) ? DateOnly.FromDateTime(dto.DateTime) : null;
    }
}
