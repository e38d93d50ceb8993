using System.Globalization;
using Pipeline.Configuration;

namespace Pipeline.Model;

/// <summary>
/// The time written into outputs (DOCX zip entries, PDF dates, the overview's "generated" line):
/// SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set, as reproducible-builds tools agree, so that
/// the same input gives the same bytes on any machine and at any time; else the clock.
/// </summary>
public static class SourceDate
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    public static bool IsFixed => Fixed() is not null;

    public static DateTimeOffset Now() => Fixed() ?? DateTimeOffset.Now;

    /// <summary>For document metadata: UTC when fixed (the same bytes in every time zone), else the local clock.</summary>
    public static DateTime DocumentTime => Fixed()?.UtcDateTime ?? DateTime.Now;

    /// <summary>A value that is not a whole number of seconds is a configuration error, not silently the clock.</summary>
    public static void Validate() => Fixed();

    private static DateTimeOffset? Fixed()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(text)) return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            throw new ConfigException($"{Variable} must be a whole number of seconds since 1970-01-01 UTC (got '{text}')");
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
