using System.Globalization;

namespace Pipeline.Dates;

/// <summary>Chinese lunar month and day to the Gregorian calendar, through .NET's lunisolar calendar (1901–2100).</summary>
internal static class LunarDates
{
    private static readonly ChineseLunisolarCalendar Calendar = new();

    /// <summary>
    /// The Gregorian day of lunar <paramref name="month"/>/<paramref name="day"/> in the lunar year that starts in
    /// Gregorian <paramref name="year"/>. Day 0 is the eve of the month (除夕 is month 1, day 0), so it does not
    /// matter whether the twelfth month has 29 or 30 days. Null outside the calendar's range or for a day the
    /// month does not have.
    /// </summary>
    public static DateOnly? ToGregorian(int year, int month, int day)
    {
        if (year is < 1901 or > 2100 || month is < 1 or > 12 || day is < 0 or > 30) return null;
        if (day == 0) return ToGregorian(year, month, 1)?.AddDays(-1);
        // GetLeapMonth gives the index of the leap month (5 when it follows the 4th); later months shift by one.
        var leap = Calendar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        if (day > Calendar.GetDaysInMonth(year, index)) return null;
        try
        {
            return DateOnly.FromDateTime(Calendar.ToDateTime(year, index, day, 0, 0, 0, 0));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // the very end of the supported range
        }
    }
}
