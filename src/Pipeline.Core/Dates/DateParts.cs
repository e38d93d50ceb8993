namespace Pipeline.Dates;

/// <summary>What a written date is counted from: the calendar itself, or something only the document knows.</summary>
public enum DateAnchor
{
    Absolute,          // 2014年10月, September 3, 2018
    YearRelative,      // 今年, 去年11月, last year
    MonthRelative,     // 本月, 上月15日
    WeekRelative,      // 上周, next week
    DayRelative,       // 今天, yesterday
    CenturyRelative,   // 上世纪90年代
    PreviousDay,       // 当天, 同日, 次日: counted from the last day the text named
    PreviousPoint,     // 同年11月, 同月: the year (and month) of the last date the text named; Month 0 = that month
    YearMissing,       // 9月3日, 27日, May 19: the year (and maybe month) comes from context
    Weekday,           // on Monday, last Friday: Day is the DayOfWeek; Shift -1 before, +1 after, 0 by the tense
    Season,            // last summer, next spring: Month is the season's first month; the value is the season's year
}

public enum DatePrecision { Century, Decade, Year, Month, Week, Day }

/// <summary>
/// A date as the text gives it. Missing fields are 0. For <see cref="DateAnchor.CenturyRelative"/>
/// <see cref="Year"/> is the decade inside the century (90 for 上世纪90年代).
/// </summary>
public readonly record struct DatePart(DateAnchor Anchor, int Shift, int Year, int Month, int Day, DatePrecision Precision)
{
    public static DatePart Absolute(int year, int month = 0, int day = 0) =>
        new(DateAnchor.Absolute, 0, year, month, day, PrecisionOf(month, day));

    public static DatePart WithoutYear(int month, int day) =>
        new(DateAnchor.YearMissing, 0, 0, month, day, day > 0 ? DatePrecision.Day : DatePrecision.Month);

    public static DatePrecision PrecisionOf(int month, int day) =>
        day > 0 ? DatePrecision.Day : month > 0 ? DatePrecision.Month : DatePrecision.Year;

    public bool HasExplicitYear => Anchor == DateAnchor.Absolute && Year > 0 && Precision >= DatePrecision.Year;

    /// <summary>
    /// Month and Day are a Chinese lunar month and day (正月初一, 农历八月十五); Day 0 is the eve of the
    /// month (除夕 = month 1, day 0). The resolver turns them into a Gregorian day once the year is known.
    /// </summary>
    public bool Lunar { get; init; }

    /// <summary>The calendar value only approximates what the text names (fiscal year 2023).</summary>
    public bool Uncertain { get; init; }

    /// <summary>Counted from "now" (今天, 今年, last month), so a quotation's own date can move it.</summary>
    public bool IsDeictic => Anchor is DateAnchor.YearRelative or DateAnchor.MonthRelative or DateAnchor.WeekRelative
        or DateAnchor.DayRelative or DateAnchor.CenturyRelative or DateAnchor.Weekday or DateAnchor.Season;

    /// <summary>The least precise reference date that still fixes this relative expression.</summary>
    public DatePrecision NeededReferencePrecision => Anchor switch
    {
        DateAnchor.DayRelative or DateAnchor.WeekRelative or DateAnchor.Weekday => DatePrecision.Day,
        DateAnchor.YearRelative when Month == 0 && Precision > DatePrecision.Year => Precision == DatePrecision.Month ? DatePrecision.Month : DatePrecision.Day,
        DateAnchor.MonthRelative or DateAnchor.Season => DatePrecision.Month,
        _ => DatePrecision.Year,
    };
}

/// <summary>A date expression found in the text, before the document date resolves it.</summary>
public sealed record DateMention(int Start, int End, string Rule, DatePart From, DatePart? To = null)
{
    public bool IsRange => To is not null;
}

/// <summary>
/// A resolved calendar point at some precision; formats as an ISO 8601 prefix, a decade or century as
/// TIMEX3 writes them (195X for the 1950s, 18XX for the 19th century).
/// </summary>
public readonly record struct CalendarPoint(int Year, int Month, int Day, DatePrecision Precision)
{
    public string Iso => Precision switch
    {
        DatePrecision.Century => (Year / 100).ToString("D2") + "XX",
        DatePrecision.Decade => (Year / 10).ToString("D3") + "X",
        DatePrecision.Year => Year.ToString("D4"),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        DatePrecision.Week => WeekIso(),
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    private string WeekIso()
    {
        var date = new DateTime(Year, Month, Day);
        return $"{System.Globalization.ISOWeek.GetYear(date):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(date):D2}";
    }

    public static CalendarPoint Of(DateOnly d, DatePrecision precision) => new(d.Year, d.Month, d.Day, precision);

    /// <summary>
    /// A point the calendar has: a year 1–9999, a month 1–12 and a day the month has (2023-02-29 and 2023-13 are not).
    /// Only a valid point may become a value; <see cref="Problem"/> says why another is not.
    /// </summary>
    public bool IsValid => Problem is null;

    public string? Problem =>
        Year is < 1 or > 9999 ? $"year {Year} is outside the calendar (1–9999)"
        : Precision >= DatePrecision.Month && Month is < 1 or > 12 ? $"there is no month {Month}"
        : Precision >= DatePrecision.Week && Day < 1 ? $"there is no day {Day}"
        : Precision >= DatePrecision.Week && Day > DateTime.DaysInMonth(Year, Month) ? $"{Year:D4}-{Month:D2} has {DateTime.DaysInMonth(Year, Month)} days"
        : null;

    /// <summary>The first day the point covers, for comparing and for counting relative days from it.</summary>
    public DateOnly FirstDay => new(Math.Clamp(Year, 1, 9999), Math.Clamp(Month, 1, 12),
        Math.Clamp(Day, 1, DateTime.DaysInMonth(Math.Clamp(Year, 1, 9999), Math.Clamp(Month, 1, 12))));
}

/// <summary>How 9/3/2018 is read.</summary>
public enum NumericOrder { MonthFirst, DayFirst }

/// <summary>Rule ids that other parts of the date stage look at.</summary>
public static class DateRules
{
    /// <summary>三年前, "two years ago": counted back from now, but no sign of how the text names its own time.</summary>
    public const string Ago = "date:ago";
}
