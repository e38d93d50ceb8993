using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Dates;

/// <summary>
/// The date relative expressions count from, in order of trust: the document's metadata (sidecar or
/// front matter), a dateline (新华社北京9月3日电, "Washington, April 7, 2022", a date line under a
/// signature), the latest explicit past date in the text, and last the file's modification time.
/// </summary>
internal static partial class ReferenceDateFinder
{
    private static readonly string[] PlanWordsZh = ["规划", "计划", "目标", "愿景", "议程", "战略", "纲要", "远景"];
    private static readonly HashSet<string> PlanWordsEn = new(StringComparer.OrdinalIgnoreCase)
        { "strategy", "agenda", "plan", "vision", "goals", "goal", "roadmap", "framework", "targets" };

    /// <summary>
    /// The reference date, and when it is the latest date in the text, that date as the text writes it
    /// ("2018-07" for 2018年7月): the day alone would claim more than the text says.
    /// </summary>
    public static (Sourced<DateOnly> Reference, string? AsWritten) Find(Article article, IReadOnlyList<DateMention> mentions,
        QuotedSpans quotes, DateOnly today)
    {
        var given = article.Metadata.DocumentDate;
        if (given is not null && given.Origin is DateOrigins.Sidecar or DateOrigins.FrontMatter) return (given, null);
        var text = article.Text;
        var latestPoint = LatestPastDate(text, mentions, quotes, today);
        var latest = latestPoint?.FirstDay;
        var dateline = Dateline(text, mentions, latest, today);
        if (dateline is { } d) return (new Sourced<DateOnly>(d, DateOrigins.Dateline), null);
        if (latestPoint is { } l) return (new Sourced<DateOnly>(l.FirstDay, DateOrigins.LatestInText), l.Iso);
        var path = article.Source.Path;
        var fileTime = File.Exists(path) ? File.GetLastWriteTime(path) : DateTime.Now;
        return (new Sourced<DateOnly>(DateOnly.FromDateTime(fileTime), DateOrigins.FileTime), null);
    }

    /// <summary>The latest date with a written year that is not a title, a plan or a target.</summary>
    public static CalendarPoint? LatestPastDate(string text, IReadOnlyList<DateMention> mentions, QuotedSpans quotes, DateOnly today)
    {
        CalendarPoint? best = null;
        foreach (var m in mentions)
        {
            // A range of days (2024年6月18日至20日, a visit) dates the text like a day; a range of years may be a plan.
            var rangeOfDays = m.IsRange && m.From.Precision == DatePrecision.Day;
            if (m.IsRange && !rangeOfDays || !m.From.HasExplicitYear || quotes.InTitleOrQuote(m.Start)) continue;
            if (NamesAPlan(text, m) || LooksAhead(text, m.Start)) continue;
            if (DateResolver.Materialize(m.From, m.From.Year) is not { } point) continue;
            var day = point.FirstDay;
            if (day > today) continue;
            if (best is null || day > best.Value.FirstDay) best = point;
        }
        return best;
    }

    private static bool NamesAPlan(string text, DateMention m)
    {
        var end = Math.Min(text.Length, m.End + 12);
        for (var i = m.End; i < end; i++)
        {
            if ("，。；、：！？,.;:!?\n（）()》”".Contains(text[i])) break;
            foreach (var w in PlanWordsZh)
                if (string.CompareOrdinal(text, i, w, 0, w.Length) == 0) return true;
        }
        var s = m.End;
        while (s < text.Length && text[s] == ' ') s++;
        var e = s;
        while (e < text.Length && char.IsAsciiLetter(text[e])) e++;
        return e > s && PlanWordsEn.Contains(text[s..e]);
    }

    /// <summary>到2020年, 将于2018年10月, by 2030: a target or a plan, not something that happened.</summary>
    private static bool LooksAhead(string text, int start)
    {
        var from = Math.Max(0, start - 4);
        var before = text[from..start];
        if (before.Contains('到') || before.Contains('将') || before.Contains('预') || before.Contains('拟') || before.EndsWith('至')
            || before.Contains("计划"))
            return true;
        var s = start;
        while (s > 0 && text[s - 1] == ' ') s--;
        var b = s;
        while (b > 0 && char.IsAsciiLetter(text[b - 1])) b--;
        return text[b..s] is "by" or "until" or "till" or "before";
    }

    // "WASHINGTON, April 7, 2022 —", "Washington, D.C.,", "VIENTIANE, Laos,", or nothing but the date on its line.
    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z.'’ -]{1,40},\s*){0,2}$")]
    private static partial Regex EnglishDatelinePrefix();

    // A wire agency's credit may sit between the date and the dash: "Sept. 9, 2024 (AP) —".
    [GeneratedRegex(@"^\.?\s*(?:\([A-Za-z][A-Za-z .'’/-]{0,30}\)\s*)?(?:$|\n|[—–]|--|-\s)")]
    private static partial Regex EnglishDatelineSuffix();

    private static DateOnly? Dateline(string text, IReadOnlyList<DateMention> mentions, DateOnly? latest, DateOnly today)
    {
        foreach (var m in mentions)
        {
            if (m.IsRange || m.From.Precision != DatePrecision.Day || m.From.Lunar) continue;
            if (m.From.Anchor is not (DateAnchor.Absolute or DateAnchor.YearMissing)) continue;
            if (IsChineseDateline(text, m))
            {
                if (m.From.HasExplicitYear) return Safe(m.From.Year, m.From.Month, m.From.Day);
                if (latest is not { } l) continue;
                var year = l.Year;
                // Dated after the latest date it mentions: 新华社1月5日电 about 2017年12月 is January 2018.
                if (Safe(year, m.From.Month, m.From.Day) is { } guess && guess < l && Safe(year + 1, m.From.Month, m.From.Day) is { } next && next <= today)
                    return next;
                return Safe(year, m.From.Month, m.From.Day);
            }
            if (m.From.HasExplicitYear && IsEnglishDateline(text, m))
                return Safe(m.From.Year, m.From.Month, m.From.Day);
        }
        return null;
    }

    private static DateOnly? Safe(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    /// <summary>本报北京1月15日电, 新华社雅加达11月5日电: an agency, a place, the date, 电.</summary>
    private static bool IsChineseDateline(string text, DateMention m)
    {
        if (m.End >= text.Length || text[m.End] != '电' && text[m.End] != '讯') return false;
        var from = Math.Max(0, m.Start - 14);
        var before = text.AsSpan(from, m.Start - from);
        var cut = before.LastIndexOfAny("，。；！？\n");
        if (cut >= 0) before = before[(cut + 1)..];
        return before.IndexOfAny("社报网台站") >= 0;
    }

    private static bool IsEnglishDateline(string text, DateMention m)
    {
        var lineStart = m.Start == 0 ? 0 : text.LastIndexOf('\n', m.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', m.End);
        if (lineEnd < 0) lineEnd = text.Length;
        return EnglishDatelinePrefix().IsMatch(text.AsSpan(lineStart, m.Start - lineStart))
               && EnglishDatelineSuffix().IsMatch(text.AsSpan(m.End, Math.Min(lineEnd + 1, text.Length) - m.End));
    }
}
