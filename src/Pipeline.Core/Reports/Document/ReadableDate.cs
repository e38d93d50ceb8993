using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Reports.Document;

/// <summary>
/// Date values as a reader reads them. entities.json and pipeline.db keep the TIMEX3 codes the annotation
/// prescribes (199X, 19XX, 1996-W34, 2019/2021) for programs; a report shows them in words. ISO days, months
/// and years are already readable and stay as they are.
/// </summary>
public static partial class ReadableDate
{
    public static string Of(string value)
    {
        var slash = value.IndexOf('/');
        if (slash > 0 && slash < value.Length - 1)
        {
            string from = Of(value[..slash]), to = Of(value[(slash + 1)..]);
            // "2019–2021" reads as one span; "2024-06-18–2024-06-20" would not, so parts with hyphens or words get spaces.
            return IsYear(from) && IsYear(to) ? $"{from}–{to}" : $"{from} – {to}";
        }
        if (Week().Match(value) is { Success: true } week)
            return $"week {int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture)} of {week.Groups[1].Value}";
        if (Century().IsMatch(value)) return value[..2] + "00s";
        if (Decade().IsMatch(value)) return value[..3] + "0s";
        return value;
    }

    public static string? OfOptional(string? value) => value is null ? null : Of(value);

    private static bool IsYear(string s) => s.Length == 4 && s.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex Week();

    [GeneratedRegex(@"^\d{2}XX$")]
    private static partial Regex Century();

    [GeneratedRegex(@"^\d{3}X$")]
    private static partial Regex Decade();
}
