using static Pipeline.Dates.TextProbe;
namespace Pipeline.Dates;

/// <summary>
/// Reads one English date expression forward from the start of a word or number:
/// September 3, 2018; 3 September 2018; Sept. 3; September 2018; January 9-10; 2018-09-03;
/// 9/3/2018; in 2014 (the year only); 2019–2021; the 1990s; mid-2019; early September;
/// last year; today.
/// </summary>
internal static class EnglishDateParser
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["January"] = 1, ["February"] = 2, ["March"] = 3, ["April"] = 4, ["May"] = 5, ["June"] = 6,
        ["July"] = 7, ["August"] = 8, ["September"] = 9, ["October"] = 10, ["November"] = 11, ["December"] = 12,
        ["Jan"] = 1, ["Feb"] = 2, ["Mar"] = 3, ["Apr"] = 4, ["Jun"] = 6, ["Jul"] = 7, ["Aug"] = 8,
        ["Sep"] = 9, ["Sept"] = 9, ["Oct"] = 10, ["Nov"] = 11, ["Dec"] = 12,
    };

    // Words after which a bare year or a bare month name is a date ("in 2014", "since May").
    private static readonly HashSet<string> DatePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "of", "from", "until", "till", "through", "during", "before", "after", "around", "between",
        "early", "late", "mid", "year", "spring", "summer", "autumn", "fall", "winter", "end", "beginning", "start",
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday, ["Wednesday"] = DayOfWeek.Wednesday,
        ["Thursday"] = DayOfWeek.Thursday, ["Friday"] = DayOfWeek.Friday, ["Saturday"] = DayOfWeek.Saturday,
        ["Sunday"] = DayOfWeek.Sunday,
    };

    // Words after which a weekday names a day ("met on Monday", "said Friday").
    private static readonly HashSet<string> WeekdayPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "since", "until", "till", "by", "from", "before", "after", "early", "late", "said", "says", "told", "announced",
    };

    // The month each season starts in. Winter is left out: it spans two years, and news means either.
    private static readonly Dictionary<string, int> SeasonStarts = new(StringComparer.Ordinal)
    {
        ["spring"] = 3, ["summer"] = 6, ["autumn"] = 9, ["fall"] = 9,
    };

    // "two years ago": the count before the unit.
    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90,
    };

    // Title words after which a year is part of a name ("the 2030 Agenda", "2050 Strategy"), not a date.
    private static readonly HashSet<string> TitleWords = new(StringComparer.Ordinal)
    {
        "Agenda", "Strategy", "Vision", "Plan", "Goals", "Targets", "Roadmap", "Framework", "Programme", "Program",
        "Initiative", "Declaration", "Olympics", "Games", "Expo", "Strategic", "Action",
    };

    private static readonly HashSet<string> MonthPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "until", "till", "through", "during", "before", "after", "early", "late", "mid", "last", "next", "this",
    };

    public static DateMention? TryParse(string t, int i, NumericOrder order)
    {
        if (i > 0 && (char.IsAsciiLetterOrDigit(t[i - 1]) || t[i - 1] is '$' or '#' or '£' or '€')) return null;
        return char.IsAsciiDigit(t[i]) ? FromNumber(t, i, order) : FromWord(t, i);
    }

    private static int WordEnd(string t, int p)
    {
        while (p < t.Length && char.IsAsciiLetter(t[p])) p++;
        return p;
    }

    private static int SkipSpace(string t, int p)
    {
        var q = p;
        while (q < t.Length && q - p < 3 && t[q] is ' ' or '\u00A0') q++;
        return q;
    }



    /// <summary>The word just before <paramref name="p"/> (skipping spaces and a hyphen), or "".</summary>
    /// <summary>"in 2023 and 2024", "2019, 2020 or 2021": a year listed after another year.</summary>
    private static bool AfterAnotherYear(string t, int i)
    {
        var p = i;
        while (p > 0 && t[p - 1] == ' ') p--;
        var w = PreviousWord(t, i);
        if (w is "and" or "or") p -= w.Length;
        else if (CharAt(t, p - 1) == ',') p--;
        else return false;
        while (p > 0 && t[p - 1] == ' ') p--;
        return p >= 4 && TryDigits(t, p - 4, 4, 4, out var y, out _) && IsYear(y) && !char.IsAsciiDigit(CharAt(t, p - 5));
    }

    /// <summary>"the 1982 United Nations Convention", "the 2015 Paris Agreement": the year a named thing dates from.</summary>
    /// A modern year before a common noun names when it happened too ("the 2016 arbitral award", "the 2022 elections").
    /// "The 1985 treaty" opening a sentence, "a 2021 special report": the same with a capital or an indefinite article.
    private static bool YearBeforeAName(string t, int i, int e) =>
        PreviousWord(t, i) is var article && CharAt(t, e) == ' '
        && (article is "the" or "The" && char.IsAsciiLetterUpper(CharAt(t, e + 1))
            || article is "the" or "The" or "a" or "A" && char.IsAsciiLetterLower(CharAt(t, e + 1)) && t.Substring(i, 2) is "19" or "20");

    private static string PreviousWord(string t, int p)
    {
        var e = p;
        while (e > 0 && t[e - 1] is ' ' or '\u00A0' or '-') e--;
        var s = e;
        while (s > 0 && char.IsAsciiLetter(t[s - 1])) s--;
        return t[s..e];
    }

    private static bool TryDigits(string t, int p, int min, int max, out int value, out int end)
    {
        value = 0;
        end = p;
        while (end < t.Length && char.IsAsciiDigit(t[end]) && end - p <= max)
            value = value * 10 + (t[end++] - '0');
        var n = end - p;
        return n >= min && n <= max && !char.IsAsciiDigit(CharAt(t, end));
    }

    private static bool IsYear(int y) => y is >= 1000 and <= 2199;

    /// <summary>A 4-digit year that is not part of a longer number (2,000 / 2019.5 / 2019%).</summary>
    private static bool TryYearAt(string t, int p, out int year, out int end)
    {
        if (!TryDigits(t, p, 4, 4, out year, out end) || !IsYear(year)) return false;
        var c = CharAt(t, end);
        if (char.IsAsciiLetter(c) || c == '%' || (c is ',' or '.') && char.IsAsciiDigit(CharAt(t, end + 1))) return false;
        return true;
    }

    // ---- starting at a word ------------------------------------------------------------------

    private static DateMention? FromWord(string t, int i)
    {
        var e = WordEnd(t, i);
        var word = t[i..e];
        if (Months.TryGetValue(word, out var month)) return FromMonth(t, i, e, month, word);
        if (Weekdays.TryGetValue(word, out var weekday))
            return WeekdayPrepositions.Contains(PreviousWord(t, i)) || EnglishTense.IsPast(PreviousWord(t, i))
                ? Weekday(t, i, e, weekday, 0) : null;
        if (Counts.TryGetValue(word, out var count)) return Ago(t, i, e, count);
        switch (word)
        {
            case "early" or "Early" or "mid" or "Mid" or "late" or "Late":
            {
                var q = CharAt(t, e) == '-' ? e + 1 : SkipSpace(t, e);
                if (q == e) return null;
                var inner = char.IsAsciiDigit(CharAt(t, q)) ? FromYear(t, q, afterQualifier: true)
                    : Months.TryGetValue(t[q..WordEnd(t, q)], out var m) ? FromMonth(t, q, WordEnd(t, q), m, t[q..WordEnd(t, q)], afterQualifier: true)
                    : word is "early" or "Early" or "late" or "Late" ? QualifiedRelative(t, q)
                    : null;
                return inner is null || inner.IsRange ? null : inner with { Start = i };
            }
            case "earlier" or "Earlier" or "later" or "Later":
            {
                // earlier this year, later this month: the span keeps the qualifier, the value is the year or month.
                var q = SkipSpace(t, e);
                return q > e && QualifiedRelative(t, q) is { } inner && inner.From.Anchor != DateAnchor.Weekday ? inner with { Start = i } : null;
            }
            case "the" or "The":
                return AfterThe(t, i, e);
            case "fiscal" or "Fiscal":
            {
                // fiscal year 2023, fiscal 2023: a year, but not the calendar one.
                var q = SkipSpace(t, e);
                if (At(t, q, "year")) q = SkipSpace(t, q + 4);
                return FiscalYear(t, i, q);
            }
            case "FY":
                return FiscalYear(t, i, SkipSpace(t, e));
            case "today" or "Today": return Relative(t, i, e, DateAnchor.DayRelative, 0, DatePrecision.Day);
            case "yesterday" or "Yesterday": return Relative(t, i, e, DateAnchor.DayRelative, -1, DatePrecision.Day);
            case "tomorrow" or "Tomorrow": return Relative(t, i, e, DateAnchor.DayRelative, 1, DatePrecision.Day);
            case "last" or "Last" or "this" or "This" or "next" or "Next":
            {
                var shift = char.ToLowerInvariant(word[0]) switch { 'l' => -1, 't' => 0, _ => 1 };
                var q = SkipSpace(t, e);
                if (q == e) return null;
                var e2 = WordEnd(t, q);
                if (Weekdays.TryGetValue(t[q..e2], out var day)) return Weekday(t, i, e2, day, shift);
                // next November, last March: the month of the year before or after the reference year.
                if (Months.TryGetValue(t[q..e2], out var named) && !char.IsAsciiDigit(CharAt(t, SkipSpace(t, e2))))
                    return new DateMention(i, e2, "date:en-relative-month",
                        new DatePart(DateAnchor.YearRelative, shift, 0, named, 0, DatePrecision.Month));
                // "over the last year", "the next month": a stretch of time, not a calendar point.
                if (PreviousWord(t, i) is "the" or "The") return null;
                return t[q..e2] switch
                {
                    "year" => Relative(t, i, e2, DateAnchor.YearRelative, shift, DatePrecision.Year),
                    // "this decade": the decade of the reference year ("the last decade" is a stretch, and "last decade" too).
                    "decade" when shift == 0 => Relative(t, i, e2, DateAnchor.YearRelative, 0, DatePrecision.Decade),
                    var season when SeasonStarts.TryGetValue(season, out var first) =>
                        new DateMention(i, e2, "date:en-season", new DatePart(DateAnchor.Season, shift, 0, first, 0, DatePrecision.Year)),
                    "month" => Relative(t, i, e2, DateAnchor.MonthRelative, shift, DatePrecision.Month),
                    "week" => Relative(t, i, e2, DateAnchor.WeekRelative, shift, DatePrecision.Week),
                    _ => null,
                };
            }
        }
        return null;
    }

    /// <summary>
    /// "the 1990s", "the early 1980s", "the end of April", "the beginning of next year": the article and the part of
    /// the period stay in the span (as 4月底 and 今年初 keep theirs); the value is the period's, at its precision.
    /// </summary>
    private static DateMention? AfterThe(string t, int i, int e)
    {
        var q = SkipSpace(t, e);
        if (q == e) return null;
        var qe = WordEnd(t, q);
        // Read in place: "the" is the commonest word of English, and most are followed by no date at all.
        var next = t.AsSpan(q, qe - q);
        if (char.IsAsciiDigit(CharAt(t, q)) || next is "early" or "mid" or "late")
            return (char.IsAsciiDigit(CharAt(t, q)) ? FromYear(t, q, afterQualifier: true) : FromWord(t, q)) is
                { IsRange: false, From.Precision: DatePrecision.Decade } decade ? decade with { Start = i } : null;
        // "the following year", "the same month", "the previous day": counted from the date the text named last (a day as
        // 次日 and 同日 count theirs).
        if (next is "following" or "same" or "previous" && SkipSpace(t, qe) is var u && u > qe && WordEnd(t, u) is var ue
            && !char.IsAsciiLetter(CharAt(t, ue)) && t.AsSpan(u, ue - u) is "year" or "month" or "day")
        {
            var shift = next switch { "following" => 1, "previous" => -1, _ => 0 };
            var part = t.AsSpan(u, ue - u) switch
            {
                "year" => new DatePart(DateAnchor.PreviousPoint, shift, 0, 0, 0, DatePrecision.Year),
                "month" => new DatePart(DateAnchor.PreviousPoint, shift, 0, 0, 0, DatePrecision.Month),
                _ => new DatePart(DateAnchor.PreviousDay, shift, 0, 0, 0, DatePrecision.Day),
            };
            return new DateMention(i, ue, "date:relative", part);
        }
        // "the third quarter (of 2025)", "the first half of this year", "the first three months of 2026": a part of the
        // year keeps the year.
        if (PartOfYear(t, q) is var partEnd and > 0)
        {
            if (At(t, partEnd, " of "))
            {
                var y = SkipSpace(t, partEnd + 4);
                if (TryYearAt(t, y, out var qYear, out var qYearEnd))
                    return new DateMention(i, qYearEnd, "date:en-y", DatePart.Absolute(qYear));
                return QualifiedRelative(t, y) is { From.Anchor: DateAnchor.YearRelative } year ? year with { Start = i } : null;
            }
            return new DateMention(i, partEnd, "date:relative", new DatePart(DateAnchor.YearRelative, 0, 0, 0, 0, DatePrecision.Year));
        }
        if (next is not ("end" or "beginning" or "start" or "middle" or "turn") || !At(t, qe, " of ")) return null;
        var p = SkipSpace(t, qe + 4);
        // "the end of the year": this year; "the end of the decade": this decade.
        if (At(t, p, "the year") && !char.IsAsciiLetter(CharAt(t, p + 8)))
            return new DateMention(i, p + 8, "date:relative", new DatePart(DateAnchor.YearRelative, 0, 0, 0, 0, DatePrecision.Year));
        if (At(t, p, "the decade") && !char.IsAsciiLetter(CharAt(t, p + 10)))
            return new DateMention(i, p + 10, "date:relative", new DatePart(DateAnchor.YearRelative, 0, 0, 0, 0, DatePrecision.Decade));
        var inner = char.IsAsciiDigit(CharAt(t, p)) ? FromYear(t, p, afterQualifier: true)
            : Months.TryGetValue(t[p..WordEnd(t, p)], out var month) ? FromMonth(t, p, WordEnd(t, p), month, t[p..WordEnd(t, p)], afterQualifier: true)
            : QualifiedRelative(t, p);
        return inner is { IsRange: false } && inner.From.Anchor != DateAnchor.Weekday && inner.From.Precision != DatePrecision.Day
            ? inner with { Start = i } : null;
    }

    /// <summary>The end of "third quarter", "first half", "first three months" starting at <paramref name="q"/>, or -1.</summary>
    private static int PartOfYear(string t, int q)
    {
        var e = WordEnd(t, q);
        var ordinal = t.AsSpan(q, e - q);
        if (ordinal is not ("first" or "second" or "third" or "fourth")) return -1;
        var r = SkipSpace(t, e);
        if (r == e) return -1;
        var re = WordEnd(t, r);
        var unit = t.AsSpan(r, re - r);
        if (unit is "quarter" || ordinal is "first" or "second" && unit is "half")
            return char.IsAsciiLetter(CharAt(t, re)) ? -1 : re;
        if (ordinal is "first" && unit is "three" or "six" or "nine" && At(t, re, " months") && !char.IsAsciiLetter(CharAt(t, re + 7)))
            return re + 7;
        return -1;
    }

    /// <summary>After early/late/earlier/later: "this year", "last month", "next week", "Monday".</summary>
    private static DateMention? QualifiedRelative(string t, int q)
    {
        var inner = FromWord(t, q);
        if (inner is null && Weekdays.TryGetValue(t[q..WordEnd(t, q)], out var day)) inner = Weekday(t, q, WordEnd(t, q), day, 0);
        return inner is { From.Anchor: DateAnchor.YearRelative or DateAnchor.MonthRelative or DateAnchor.WeekRelative or DateAnchor.Weekday
            or DateAnchor.Season } ? inner : null;
    }

    /// <summary>
    /// Monday, last Friday, next Tuesday morning. Shift 0 leaves the direction to the sentence's tense.
    /// A weekday written before its date ("Monday, September 3") leaves the naming to the date.
    /// </summary>
    private static DateMention? Weekday(string t, int i, int e, DayOfWeek day, int shift)
    {
        if (char.IsAsciiLetter(CharAt(t, e))) return null;
        var q = CharAt(t, e) == ',' ? SkipSpace(t, e + 1) : SkipSpace(t, e);
        if (q > e && (char.IsAsciiDigit(CharAt(t, q)) || Months.ContainsKey(t[q..WordEnd(t, q)]))) return null;
        var end = e;
        var r = SkipSpace(t, e);
        if (r == e + 1)
            foreach (var part in (string[])["morning", "afternoon", "evening", "night"])
                if (At(t, r, part) && !char.IsAsciiLetter(CharAt(t, r + part.Length)))
                {
                    end = r + part.Length;
                    break;
                }
        return new DateMention(i, end, "date:en-weekday", new DatePart(DateAnchor.Weekday, shift, 0, 0, (int)day, DatePrecision.Day));
    }

    /// <summary>two years ago, a month ago, 3 weeks ago, a decade ago, twenty-five years ago this week.</summary>
    private static DateMention? Ago(string t, int i, int e, int count)
    {
        // "twenty-five": the tens, a hyphen, the units.
        if (count is >= 20 and < 100 && count % 10 == 0 && CharAt(t, e) == '-' && char.IsAsciiLetter(CharAt(t, e + 1))
            && Counts.TryGetValue(t[(e + 1)..WordEnd(t, e + 1)], out var units) && units is >= 1 and <= 9)
        {
            count += units;
            e = WordEnd(t, e + 1);
        }
        var q = SkipSpace(t, e);
        if (q == e) return null;
        var ue = WordEnd(t, q);
        var unit = t[q..ue];
        var a = SkipSpace(t, ue);
        if (a == ue) return null;
        // "four months from now": the same count ahead.
        var ahead = At(t, a, "from now") && !char.IsAsciiLetter(CharAt(t, a + 8));
        if (!ahead && (!At(t, a, "ago") || char.IsAsciiLetter(CharAt(t, a + 3)))) return null;
        var end = ahead ? a + 8 : a + 3;
        if (ahead) count = -count;
        var part = unit switch
        {
            "year" or "years" => new DatePart(DateAnchor.YearRelative, -count, 0, 0, 0, DatePrecision.Year),
            // "two decades ago" names a decade, not a year (TIMEX3: 200X).
            "decade" or "decades" => new DatePart(DateAnchor.YearRelative, -10 * count, 0, 0, 0, DatePrecision.Decade),
            "month" or "months" => new DatePart(DateAnchor.MonthRelative, -count, 0, 0, 0, DatePrecision.Month),
            "week" or "weeks" => new DatePart(DateAnchor.WeekRelative, -count, 0, 0, 0, DatePrecision.Week),
            "day" or "days" => new DatePart(DateAnchor.DayRelative, -count, 0, 0, 0, DatePrecision.Day),
            _ => (DatePart?)null,
        };
        // "one years ago" is no English; "two year ago" neither: the unit must agree with the count.
        if (part is not { } p || (Math.Abs(count) == 1) == unit.EndsWith('s')) return null;
        // "thirty years ago this week", "a year ago today": the anniversary, one date at the finer unit.
        if (p.Anchor == DateAnchor.YearRelative && !ahead && SkipSpace(t, end) is var n && n > end)
        {
            var ne = WordEnd(t, n);
            var next = t[n..ne];
            var m = SkipSpace(t, ne);
            var unitAfterThis = next == "this" && m > ne ? t[m..WordEnd(t, m)] : "";
            var precision = next == "today" ? DatePrecision.Day
                : unitAfterThis == "week" ? DatePrecision.Week
                : unitAfterThis == "month" ? DatePrecision.Month
                : (DatePrecision?)null;
            var spanEnd = next == "today" ? ne : WordEnd(t, m);
            if (precision is { } finer && !char.IsAsciiLetter(CharAt(t, spanEnd)))
                return new DateMention(i, spanEnd, DateRules.Ago, p with { Precision = finer });
        }
        return new DateMention(i, end, DateRules.Ago, p);
    }

    private static DateMention? FiscalYear(string t, int i, int q)
    {
        if (!TryYearAt(t, q, out var year, out var end)) return null;
        // fiscal 2025-26: the fiscal year that runs across two calendar years.
        if (CharAt(t, end) is '-' or '–' && TryDigits(t, end + 1, 2, 2, out var next, out var nextEnd) && next == (year + 1) % 100
            && !char.IsAsciiLetter(CharAt(t, nextEnd)))
            return new DateMention(i, nextEnd, "date:en-fiscal", DatePart.Absolute(year) with { Uncertain = true },
                DatePart.Absolute(year + 1) with { Uncertain = true });
        return new DateMention(i, end, "date:en-fiscal", DatePart.Absolute(year) with { Uncertain = true });
    }

    private static DateMention? Relative(string t, int i, int e, DateAnchor anchor, int shift, DatePrecision precision)
    {
        if (char.IsAsciiLetter(CharAt(t, e))) return null;
        return new DateMention(i, e, "date:relative", new DatePart(anchor, shift, 0, 0, 0, precision));
    }

    /// <summary>After a month name: a day (and year), a year, or nothing.</summary>
    private static DateMention? FromMonth(string t, int i, int e, int month, string word, bool afterQualifier = false)
    {
        var q = e;
        var abbreviated = word.Length <= 4 && word != "June" && word != "July" && word != "May";
        if (abbreviated && CharAt(t, q) == '.') q++;
        var r = SkipSpace(t, q);
        // February 32, 2023 / March 0: a month name with a day no month has is an impossible date, not a month.
        if (r > q && TryDigits(t, r, 1, 2, out var bad, out var badEnd) && bad is 0 or > 31 && !afterQualifier
            && !char.IsAsciiLetterOrDigit(CharAt(t, badEnd)) && CharAt(t, badEnd) != ':')
        {
            var y = CharAt(t, badEnd) == ',' ? SkipSpace(t, badEnd + 1) : SkipSpace(t, badEnd);
            if (y > badEnd && TryYearAt(t, y, out var badYear, out var badYearEnd))
                return new DateMention(i, badYearEnd, "date:en-impossible", DatePart.Absolute(badYear, month, bad) with { Precision = DatePrecision.Day });
            return new DateMention(i, badEnd, "date:en-impossible", DatePart.WithoutYear(month, bad) with { Precision = DatePrecision.Day });
        }
        if (r > q && TryDigits(t, r, 1, 2, out var day, out var dEnd) && day is >= 1 and <= 31 && !afterQualifier)
        {
            var end = OrdinalSuffix(t, dEnd);
            if (CharAt(t, end) == ':' || char.IsAsciiLetter(CharAt(t, end))) return null;
            // January 9-10, July 5 to 7
            DatePart? to = null;
            var dash = CharAt(t, end) is '-' or '–' ? end + 1 : At(t, end, " to ") ? end + 4 : At(t, end, " through ") ? end + 9 : -1;
            if (dash > 0 && TryDigits(t, dash, 1, 2, out var day2, out var d2End) && day2 > day && day2 <= 31
                && !char.IsAsciiLetter(CharAt(t, OrdinalSuffix(t, d2End))))
            {
                to = DatePart.WithoutYear(month, day2);
                end = OrdinalSuffix(t, d2End);
            }
            // July 14 to July 18, June 30-July 2: the second end names its own month.
            else if (dash > 0 && Months.TryGetValue(t[dash..WordEnd(t, dash)], out var month2) && month2 >= month
                     && SkipSpace(t, WordEnd(t, dash)) is var r2 && r2 > WordEnd(t, dash)
                     && TryDigits(t, r2, 1, 2, out var day3, out var d3End) && day3 <= 31 && (month2 > month || day3 > day)
                     && !char.IsAsciiLetter(CharAt(t, OrdinalSuffix(t, d3End))) && CharAt(t, OrdinalSuffix(t, d3End)) != ':')
            {
                to = DatePart.WithoutYear(month2, day3);
                end = OrdinalSuffix(t, d3End);
            }
            var y = CharAt(t, end) == ',' ? SkipSpace(t, end + 1) : SkipSpace(t, end);
            if (y > end && TryYearAt(t, y, out var year, out var yEnd))
            {
                var from = DatePart.Absolute(year, month, day);
                return new DateMention(i, yEnd, to is null ? "date:en-mdy" : "date:en-range", from,
                    to is { } tt ? DatePart.Absolute(year, tt.Month, tt.Day) : null);
            }
            return new DateMention(i, end, to is null ? "date:en-md" : "date:en-range", DatePart.WithoutYear(month, day), to);
        }
        if (r > q && TryYearAt(t, r, out var y2, out var y2End))
            return new DateMention(i, y2End, "date:en-my", DatePart.Absolute(y2, month));
        // "June next year", "April last year": the month of the year before or after the reference year.
        if (!char.IsAsciiLetter(CharAt(t, e)) && r > q && WordEnd(t, r) is var re && t[r..re] is "last" or "next" or "this"
            && At(t, SkipSpace(t, re), "year") && !char.IsAsciiLetter(CharAt(t, SkipSpace(t, re) + 4)) && SkipSpace(t, re) > re)
            return new DateMention(i, SkipSpace(t, re) + 4, "date:en-relative-month",
                new DatePart(DateAnchor.YearRelative, t[r] == 'l' ? -1 : t[r] == 'n' ? 1 : 0, 0, month, 0, DatePrecision.Month));
        // A month name alone ("in September", "early May") names the month of the reference year.
        if (abbreviated || char.IsAsciiLetter(CharAt(t, e))) return null;
        if (!afterQualifier && !MonthPrepositions.Contains(PreviousWord(t, i)) && !AfterLimitWords(t, i)) return null;
        return new DateMention(i, e, "date:en-m", DatePart.WithoutYear(month, 0));
    }

    /// <summary>"as early as June", "as soon as March", "until at least May": a month named as a limit.</summary>
    private static bool AfterLimitWords(string t, int i)
    {
        var previous = PreviousWord(t, i);
        if (previous is not ("as" or "least")) return false;
        var p = i;
        while (p > 0 && t[p - 1] == ' ') p--;
        var before = PreviousWord(t, p - previous.Length);
        return previous == "as" ? before is "early" or "soon" or "late" : before == "at";
    }

    private static int OrdinalSuffix(string t, int p) =>
        At(t, p, "st") || At(t, p, "nd") || At(t, p, "rd") || At(t, p, "th") ? (char.IsAsciiLetter(CharAt(t, p + 2)) ? p : p + 2) : p;

    // ---- starting at a number ----------------------------------------------------------------

    private static DateMention? FromNumber(string t, int i, NumericOrder order)
    {
        if (TryDigits(t, i, 4, 4, out var y, out var e) && IsYear(y))
        {
            // 2018-09-03, 2018/09/03
            // 2018-09-03, and 2023-13-05 or 2023-02-30, which no calendar has (the resolver leaves them without a value).
            if (CharAt(t, e) is '-' or '/' && TryDigits(t, e + 1, 2, 2, out var mo, out var e2) && mo <= 19
                && CharAt(t, e2) == t[e] && TryDigits(t, e2 + 1, 2, 2, out var d, out var e3) && d <= 39)
                return new DateMention(i, e3, "date:en-iso", DatePart.Absolute(y, mo, d) with { Precision = DatePrecision.Day });
            return FromYear(t, i, afterQualifier: false);
        }
        // 3 September 2018, 3 Sept.
        if (TryDigits(t, i, 1, 2, out var day, out var de) && day is >= 1 and <= 31)
        {
            var q = SkipSpace(t, OrdinalSuffix(t, de));
            if (q > de && Months.TryGetValue(t[q..WordEnd(t, q)], out var month))
            {
                var me = WordEnd(t, q);
                var nameEnd = me;
                if (CharAt(t, me) == '.' && me - q <= 4) me++;
                var r = CharAt(t, me) == ',' ? SkipSpace(t, me + 1) : SkipSpace(t, me);
                if (r > me && TryYearAt(t, r, out var year, out var yEnd))
                    return new DateMention(i, yEnd, "date:en-dmy", DatePart.Absolute(year, month, day));
                return new DateMention(i, nameEnd, "date:en-dm", DatePart.WithoutYear(month, day));
            }
            // 9/3/2018
            if (CharAt(t, de) == '/' && TryDigits(t, de + 1, 1, 2, out var b, out var be) && CharAt(t, be) == '/'
                && TryDigits(t, be + 1, 4, 4, out var yy, out var ye) && IsYear(yy))
            {
                var (m, dd) = day > 12 ? (b, day) : b > 12 ? (day, b) : order == NumericOrder.MonthFirst ? (day, b) : (b, day);
                if (m is >= 1 and <= 12 && dd is >= 1 and <= 31)
                    return new DateMention(i, ye, "date:en-numeric", DatePart.Absolute(yy, m, dd));
            }
            if (Ago(t, i, de, day) is { } ago) return ago;
            // 21st century
            var oe = OrdinalSuffix(t, de);
            if (oe > de && At(t, oe, " century") && day is >= 1 and <= 22)
                return new DateMention(i, oe + 8, "date:en-century", new DatePart(DateAnchor.Absolute, 0, (day - 1) * 100, 0, 0, DatePrecision.Century));
        }
        return null;
    }

    private static DateMention? FromYear(string t, int i, bool afterQualifier)
    {
        if (!TryDigits(t, i, 4, 4, out var y, out var e) || !IsYear(y)) return null;
        // the 1990s
        if (CharAt(t, e) == 's' && !char.IsAsciiLetter(CharAt(t, e + 1)) && y % 10 == 0)
            return new DateMention(i, e + 1, "date:en-decade", new DatePart(DateAnchor.Absolute, 0, y, 0, 0, DatePrecision.Decade));
        if (!TryYearAt(t, i, out _, out _)) return null;
        // 2019–2021, 2019-21, 2019 to 2021
        var dash = CharAt(t, e) is '-' or '–' or '—' ? e + 1 : At(t, e, " to ") ? e + 4 : At(t, e, " through ") ? e + 9 : -1;
        if (dash > 0 && !afterQualifier)
        {
            if (TryYearAt(t, dash, out var y2, out var e2) && y2 > y)
                return new DateMention(i, e2, "date:en-range", DatePart.Absolute(y), DatePart.Absolute(y2));
            if (dash == e + 1 && TryDigits(t, dash, 2, 2, out var yy, out var e3) && yy > y % 100 && !char.IsAsciiLetter(CharAt(t, e3)))
                return new DateMention(i, e3, "date:en-range", DatePart.Absolute(y), DatePart.Absolute(y / 100 * 100 + yy));
        }
        if (!afterQualifier && CharAt(t, e) == ' ' && TitleWords.Contains(t[(e + 1)..WordEnd(t, e + 1)])) return null;
        if (afterQualifier || DatePrepositions.Contains(PreviousWord(t, i)) || CharAt(t, i - 1) == '(' && CharAt(t, e) == ')'
            || AfterAnotherYear(t, i) || YearBeforeAName(t, i, e))
            return new DateMention(i, e, "date:en-y", DatePart.Absolute(y));
        return null;
    }
}
