using Pipeline.Model;

namespace Pipeline.Dates;

/// <summary>
/// The document date relative expressions count from, where it came from, how precisely and how surely it is
/// known, and in words what it rests on.
/// </summary>
internal sealed record InferredDocumentDate(DateOnly Value, string Origin, DatePrecision Precision, double Confidence, string Evidence)
{
    /// <summary>The date at the precision the evidence gives ("2018-07" when only a month is known); null for a day.</summary>
    public string? AsWritten => Precision == DatePrecision.Day ? null : CalendarPoint.Of(Value, Precision).Iso;

    public bool Firm => Origin is DateOrigins.Sidecar or DateOrigins.FrontMatter or DateOrigins.Dateline or DateOrigins.TextEvidence
                        && Precision == DatePrecision.Day;

    public DocumentReference Reference => new(Value, Origin, Precision, Firm);
}

/// <summary>
/// Infers when a document was written from everything its text offers, when its metadata does not say:
/// <list type="number">
/// <item>a day the text gives outright: a dateline with its year, a date alone on its line, 今天是…, 昨天（1月2日）;</item>
/// <item>a day without its year (本报北京1月3日讯, "WASHINGTON, Oct. 5 —"): the year that agrees best with the rest,
/// each candidate scored by the dates the text reports as past (the document is not older than them and usually
/// close after them), weekdays written beside dates, a year the text states (今年（2019年）, 2013年…7年来) and the
/// parts of its own year it reports on (今年前三季度); with none of them, the file's year, flagged as a guess;</item>
/// <item>no day at all: each year the dates allow, scored the same way; a text that calls its own time 今年 or 本月
/// writes full years for other years, so it mostly belongs to the year after the latest year it writes;</item>
/// <item>nothing: the file's modification time, flagged as a guess.</item>
/// </list>
/// </summary>
internal static class DocumentDateInference
{
    public static InferredDocumentDate Infer(Article article, IReadOnlyList<DateMention> mentions, QuotedSpans quotes, DateOnly today,
        Func<DateOnly> fileTime)
    {
        var given = article.Metadata.DocumentDate;
        if (given is not null && given.Origin is DateOrigins.Sidecar or DateOrigins.FrontMatter)
            return new InferredDocumentDate(given.Value, given.Origin, DatePrecision.Day, 1.0, "metadata");
        var clues = new DocumentDateClues(article.Text, mentions, quotes, today);
        return FromFullDay(clues, today)
               ?? FromYearlessDay(clues, today, fileTime)
               ?? FromPastDates(clues, today)
               ?? new InferredDocumentDate(fileTime(), DateOrigins.FileTime, DatePrecision.Day, 0.2, "no date in the text; the file modification time");
    }

    // ---- a day the text gives with its year -------------------------------------------------------

    private static InferredDocumentDate? FromFullDay(DocumentDateClues clues, DateOnly today)
    {
        // A yearless dateline with a full date elsewhere that disagrees is placed by scoring (FromYearlessDay), where
        // the full date counts as a neighbour.
        var full = clues.Days.Where(d => d.Date is { } date && date <= today).ToList();
        if (full.Count == 0) return null;
        var yearlessDateline = clues.Days.FirstOrDefault(d => d is { Kind: DayClue.Dateline, HasYear: false });
        var best = full.GroupBy(d => d.Date!.Value)
            .Select(g => (Day: g.Key, Clues: g.ToList(), Weight: g.Sum(Weight)
                          + (yearlessDateline is { } y && y.Month == g.Key.Month && y.Day == g.Key.Day ? Weight(y) : 0)))
            .OrderByDescending(g => g.Weight).ThenByDescending(g => g.Day).First();
        if (yearlessDateline is { } dl && (dl.Month != best.Day.Month || dl.Day != best.Day.Day)) return null;
        var strongest = best.Clues.OrderByDescending(Weight).First();
        var agreeing = WeekdayAgreement(clues, best.Day);
        var confidence = strongest.Kind is DayClue.Dateline or DayClue.DateLine or DayClue.TodayIs ? 0.95 : 0.85;
        if (full.Any(d => d.Date != best.Day)) confidence -= 0.15;
        if (agreeing < 0) confidence -= 0.2;
        // 本报上海12月31日讯 … 今天是二〇一五年的最后一天: the dateline, its year from the text.
        var origin = strongest.Kind == DayClue.Dateline || yearlessDateline is not null ? DateOrigins.Dateline : DateOrigins.TextEvidence;
        var evidence = string.Join("; ", best.Clues.Select(c => c.Evidence).Append(yearlessDateline?.Evidence).OfType<string>().Distinct());
        return new InferredDocumentDate(best.Day, origin, DatePrecision.Day, Math.Clamp(confidence, 0.3, 0.95), evidence);
    }

    private static double Weight(DayClue d) => d.Kind switch
    {
        DayClue.Dateline => 4,
        DayClue.DateLine => 3,
        DayClue.TodayIs => 3,
        _ => 2,
    };

    // ---- a day without its year ----------------------------------------------------------------

    private static InferredDocumentDate? FromYearlessDay(DocumentDateClues clues, DateOnly today, Func<DateOnly> fileTime)
    {
        var clue = clues.Days.Where(d => !d.HasYear).OrderByDescending(Weight).FirstOrDefault();
        if (clue is null) return null;
        var anchors = clues.Days.Where(d => d.HasYear).Select(d => d.Date!.Value).ToList();
        var hasTextYear = anchors.Count > 0 || TextYears(clues).Count > 0;
        var file = fileTime();
        var years = CandidateYears(clues, anchors, file, hasTextYear);
        var scored = years
            .Select(y => DocumentDateMath.Day(y, clue.Month, clue.Day))
            .OfType<DateOnly>()
            .Where(d => d <= today)
            .Distinct()
            .Select(d => (Day: d, Score: hasTextYear ? Score(d, clues, anchors) : 1000 * (WeekdayAgreement(clues, d) + LeadAgreement(clues, d)) - FileDistance(d, file)))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Day)
            .ToList();
        if (scored.Count == 0) return null;
        var (day, score) = scored[0];
        var margin = scored.Count > 1 ? score - scored[1].Score : 3;
        var weekday = WeekdayAgreement(clues, day) + LeadAgreement(clues, day);
        if (!hasTextYear)
            return new InferredDocumentDate(day, DateOrigins.FileTimeYear, DatePrecision.Day, weekday > 0 ? 0.45 : 0.3,
                clue.Evidence + (weekday > 0
                    ? "; no year in the text: of the years whose weekdays agree, the nearest to the file modification time"
                    : "; no year in the text: the year of the file modification time"));
        var confidence = 0.45 + 0.1 * Math.Min(margin, 3) + (weekday > 0 ? 0.15 : 0) + (clues.Years.Any(y => y.Year == day.Year) ? 0.1 : 0);
        var origin = clue.Kind == DayClue.Dateline ? DateOrigins.Dateline : DateOrigins.TextEvidence;
        return new InferredDocumentDate(day, origin, DatePrecision.Day, Math.Clamp(confidence, 0.4, 0.9),
            clue.Evidence + "; year " + day.Year + " from " + YearEvidence(clues, day, anchors, weekday));
    }

    private static IEnumerable<int> CandidateYears(DocumentDateClues clues, List<DateOnly> anchors, DateOnly file, bool hasTextYear)
    {
        var years = new HashSet<int>();
        if (!hasTextYear)
        {
            years.UnionWith([file.Year - 1, file.Year, file.Year + 1]);
            // A weekday beside a yearless date, or the lead's weekday: the years that agree, back from the file's.
            foreach (var (month, day, weekday) in clues.Weekdays.Where(w => w.Year == 0).Select(w => (w.Month, w.Day, w.Weekday))
                         .Concat(clues.Lead is { } lead ? [(lead.Month, lead.Day, lead.Weekday)] : []))
                for (var y = file.Year; y > file.Year - 28; y--)
                    if (DocumentDateMath.Day(y, month, day) is { } d && d.DayOfWeek == weekday) years.Add(y);
            return years;
        }
        years.UnionWith(TextYears(clues));
        foreach (var a in anchors) years.UnionWith([a.Year - 1, a.Year, a.Year + 1]);
        var latest = years.Count > 0 ? years.Max() : file.Year;
        foreach (var (month, day, weekday) in clues.Weekdays.Where(w => w.Year == 0).Select(w => (w.Month, w.Day, w.Weekday))
                     .Concat(clues.Lead is { } lead ? [(lead.Month, lead.Day, lead.Weekday)] : []))
            for (var y = latest; y > latest - 12; y--)
                if (DocumentDateMath.Day(y, month, day) is { } d && d.DayOfWeek == weekday) years.Add(y);
        return years;
    }

    /// <summary>The years the text's own dates make possible: each past year and the next, each stated year, the year before each date ahead.</summary>
    private static HashSet<int> TextYears(DocumentDateClues clues)
    {
        var years = new HashSet<int>();
        foreach (var p in clues.Past) years.UnionWith([p.Point.Year, p.Point.Year + 1]);
        foreach (var y in clues.Years) years.Add(y.Year);
        foreach (var a in clues.Arrivals) years.UnionWith([a.Day.Year - 1, a.Day.Year]);
        // A month or a day ahead (将于1998年2月) places the text within months of it; a year ahead, or a bound, only with other dates.
        foreach (var a in clues.Ahead.Where(a => !a.Target && (a.Point.Precision >= DatePrecision.Month || years.Count > 0)))
            years.UnionWith([a.Point.Year - 1, a.Point.Year]);
        return years;
    }

    private static double FileDistance(DateOnly d, DateOnly file)
    {
        var days = d.DayNumber - file.DayNumber;
        return days > 0 ? days * 2.5 : -days;
    }

    // News reports what happened lately: support from a past date halves about every four months after it.
    private const double RecencyDays = 180;

    // Upcoming events it names are mostly within half a year.
    private const double LookAheadDays = 183;

    /// <summary>
    /// How well a candidate day agrees with the text: every date reported as past must lie before it (else a
    /// penalty) and the nearer the latest of them the better; a text that names its own year without a year (今年,
    /// yearless months) writes only other years in full; figures for a whole year exist once it is over; dates the
    /// text places ahead must lie ahead, mostly near; weekdays must fall right; a stated year must be its year; the
    /// parts of its year it reports on must be over; a full date given elsewhere should be within days.
    /// </summary>
    internal static double Score(DateOnly day, DocumentDateClues clues, List<DateOnly> anchors)
    {
        var score = 0.0;
        // The document follows the latest thing it reports: the nearest past date supports the day, the older ones
        // are background (an anniversary recalls many); every one must lie before it.
        var nearest = 0.0;
        // The same date written five times is one piece of evidence.
        foreach (var p in clues.DistinctPast)
        {
            var w = Weight(p.Point);
            var first = p.Point.FirstDay;
            if (first > day)
            {
                score -= 1.5 * w;
                continue;
            }
            var last = LastDay(p.Point);
            if (p.WholeYearFigures && day <= last)
            {
                score -= 0.5 * w;
                continue;
            }
            // "1997年起降架次突破14万" in a text of 1月3日: the year is over (1998), not three days old (1997). The
            // share of the period that lies before the day is the chance the event could have happened by then.
            var before = (Math.Min(last.DayNumber, day.DayNumber) - first.DayNumber + 1.0) / (last.DayNumber - first.DayNumber + 1.0);
            var gap = Math.Max(0, day.DayNumber - last.DayNumber);
            nearest = Math.Max(nearest, w * before * Math.Exp(-gap / RecencyDays));
            // 2023年8月 in a text that says 今年1月: its own year would have been 今年.
            if (clues.Style.Strength > 0 && first.Year == day.Year && !p.FullByHabit)
                score -= clues.Style.Strength * w * OwnYearInFull(p.Point.Precision, gap, clues.HasDatelineDay);
        }
        score += nearest;
        foreach (var a in clues.DistinctAhead)
        {
            var w = Weight(a.Point) * (a.Target ? 0.3 : 1);
            if (day > LastDay(a.Point)) score -= 2 * w;
            // A month or a day ahead is mostly near; a year ahead (下届峰会将于2025年举办) only bounds.
            else if (a.Point.Precision >= DatePrecision.Month)
                score += w * Math.Exp(-Math.Max(0, a.Point.FirstDay.DayNumber - day.DayNumber - LookAheadDays) / LookAheadDays);
        }
        foreach (var y in clues.Years) score += y.Year == day.Year ? 3 : -1.5;
        score += 2 * (WeekdayAgreement(clues, day) + LeadAgreement(clues, day));
        foreach (var f in clues.Floors)
            if (DocumentDateMath.Day(day.Year, f.Month, Math.Min(f.Day, 28)) is { } floor && day < floor) score -= 1;
        foreach (var a in anchors) score += Math.Abs(a.DayNumber - day.DayNumber) <= 7 ? 3 : -1;
        // A year greeted as arriving: from a few days before its first day to some weeks into it.
        foreach (var (a, _) in clues.Arrivals) score += day.DayNumber - a.DayNumber is >= -10 and <= 45 ? 3 : -1;
        return score;
    }

    /// <summary>
    /// How unlikely a text that names its own time relatively is to write a date of its own year in full: a month
    /// (2023年8月) hardly ever; a year is as often a label of the year in hand (1998年的工作方针, 这是2023年…首场) as a
    /// summary of a past one; a day is written out for the event reported (于2024年6月18日至20日访问 under 6月20日电)
    /// and for days that start something (1998年1月1日起).
    /// </summary>
    private static double OwnYearInFull(DatePrecision precision, int gap, bool dateline) => precision switch
    {
        DatePrecision.Month => 1,
        >= DatePrecision.Week => gap <= 7 && dateline ? 0 : 0.3,
        _ => 0.3,
    };

    private static double Weight(CalendarPoint p) => p.Precision switch { DatePrecision.Day => 1.0, DatePrecision.Month => 0.8, _ => 0.6 };

    /// <summary>Weekdays beside dates that fall right for this document day, less those that fall wrong.</summary>
    private static int WeekdayAgreement(DocumentDateClues clues, DateOnly day)
    {
        var agreement = 0;
        foreach (var w in clues.Weekdays)
        {
            DateOnly? date = w.Year > 0 ? DocumentDateMath.Day(w.Year, w.Month, w.Day) : NearestOccurrence(day, w.Month, w.Day);
            if (date is not { } d) continue;
            agreement += d.DayOfWeek == w.Weekday ? 1 : -1;
        }
        return agreement;
    }

    /// <summary>The lead's weekday on the dateline's day (1), on the day before it (a story filed the next day, 0.4), or on neither (-0.3: leads also recall earlier days).</summary>
    private static double LeadAgreement(DocumentDateClues clues, DateOnly day)
    {
        if (clues.Lead is not { } lead || day.Month != lead.Month || day.Day != lead.Day) return 0;
        return day.DayOfWeek == lead.Weekday ? 1 : day.AddDays(-1).DayOfWeek == lead.Weekday ? 0.4 : -0.3;
    }

    /// <summary>The day and month in the year before, of or after <paramref name="day"/> nearest to it (the earlier on a tie).</summary>
    private static DateOnly? NearestOccurrence(DateOnly day, int month, int dayOfMonth)
    {
        DateOnly? nearest = null;
        for (var y = day.Year - 1; y <= day.Year + 1; y++)
            if (DocumentDateMath.Day(y, month, dayOfMonth) is { } d
                && (nearest is not { } n || Math.Abs(d.DayNumber - day.DayNumber) < Math.Abs(n.DayNumber - day.DayNumber)))
                nearest = d;
        return nearest;
    }

    private static DateOnly LastDay(CalendarPoint p) => p.Precision switch
    {
        DatePrecision.Year or DatePrecision.Decade or DatePrecision.Century => new DateOnly(p.Year, 12, 31),
        DatePrecision.Month => new DateOnly(p.Year, p.Month, DateTime.DaysInMonth(p.Year, p.Month)),
        _ => p.FirstDay,
    };

    private static string YearEvidence(DocumentDateClues clues, DateOnly day, List<DateOnly> anchors, double weekday)
    {
        var parts = new List<string>();
        if (weekday > 0) parts.Add(clues.Lead is { } lead && LeadAgreement(clues, day) > 0 ? "the weekday of its lead (" + lead.Evidence + ")" : "the weekdays beside its dates");
        parts.AddRange(clues.Years.Where(y => y.Year == day.Year).Select(y => y.Evidence));
        parts.AddRange(anchors.Where(a => Math.Abs(a.DayNumber - day.DayNumber) <= 7).Select(a => a.ToString("yyyy-MM-dd")));
        if (clues.Past.Where(p => p.Point.FirstDay <= day).MaxBy(p => p.Point.FirstDay) is { } latest)
            parts.Add((latest.Point.Year < day.Year && clues.Style.Strength > 0 ? "the year after " : "") + "the latest past date " + latest.Text);
        if (clues.Style.Strength > 0 && parts.Count > 0 && parts[^1].StartsWith("the year after", StringComparison.Ordinal))
            parts.Add("its own year written as " + clues.Style.Evidence);
        if (clues.Ahead.Where(a => a.Point.FirstDay > day).MinBy(a => a.Point.FirstDay) is { } ahead) parts.Add("before " + ahead.Text);
        return parts.Count == 0 ? "the dates in the text" : string.Join(", ", parts.Distinct().Take(4));
    }

    // ---- no day: the year the text's dates agree on -----------------------------------------------

    /// <summary>
    /// Each year the dates allow is tried at the days that could start it (its first day, the end of the latest
    /// past date in it, the start of each part of it the text reports as over); the best day by <see cref="Score"/>
    /// wins, and its precision is what fixed it.
    /// </summary>
    private static InferredDocumentDate? FromPastDates(DocumentDateClues clues, DateOnly today)
    {
        var latest = clues.Past.MaxBy(p => (p.Point.FirstDay, p.Point.Precision));
        var stated = clues.Years.Where(y => y.Year <= today.Year && (latest is null || y.Year >= latest.Point.Year))
            .GroupBy(y => y.Year).MaxBy(g => (g.Count(), g.Key));
        if (clues.Arrivals.Count > 0 && clues.Arrivals.MaxBy(a => a.Day) is var arrival
            && (latest is null || arrival.Day > latest.Point.FirstDay) && (stated is null || arrival.Day.Year >= stated.Key))
            // 在1998年来临之际 and nothing later: around the turn of that year.
            return new InferredDocumentDate(arrival.Day, DateOrigins.TextEvidence, DatePrecision.Month, 0.5, "a new year arriving: " + arrival.Text);
        var years = TextYears(clues).Where(y => y >= 1 && y <= today.Year).ToList();
        if (years.Count == 0) return null;
        var candidates = years.SelectMany(y => StartsOf(y, clues, today)).Distinct()
            .Select(c => (c.Day, c.Precision, c.Evidence, Score: Score(c.Day, clues, [])))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Day).ToList();
        var best = candidates[0];
        var origin = clues.Years.Any(y => y.Year == best.Day.Year) ? DateOrigins.TextEvidence : DateOrigins.LatestInText;
        // Fixed levels by origin and precision: the margin between the years' scores is not calibrated against the
        // corpora, so it does not make the figure look surer or weaker than the evidence is.
        var confidence = origin == DateOrigins.TextEvidence || best.Precision == DatePrecision.Day ? 0.6 : 0.5;
        var evidence = best.Evidence;
        if (clues.Years.FirstOrDefault(y => y.Year == best.Day.Year) is { } year) evidence = year.Evidence + "; " + evidence;
        return new InferredDocumentDate(best.Day, origin, best.Precision, confidence, evidence);
    }

    /// <summary>The days that could start the document's time in year <paramref name="year"/>, with the precision each gives.</summary>
    private static IEnumerable<(DateOnly Day, DatePrecision Precision, string Evidence)> StartsOf(int year, DocumentDateClues clues, DateOnly today)
    {
        var latestBefore = clues.Past.Where(p => p.Point.Year < year).MaxBy(p => LastDay(p.Point));
        var why = latestBefore is null ? "" : clues.Style.Strength > 0
            ? "the year after the latest past date " + latestBefore.Text + " (the text calls its own time " + clues.Style.Evidence + ")"
            : "after the latest past date " + latestBefore.Text;
        if (clues.Ahead.Where(a => a.Point.FirstDay.Year >= year).MinBy(a => a.Point.FirstDay) is { } ahead)
            why += (why.Length > 0 ? ", " : "") + "before " + ahead.Text;
        var first = new DateOnly(year, 1, 1);
        if (first <= today) yield return (first, DatePrecision.Year, why.Length > 0 ? why : "the year " + year);
        // Written after what it reports: the end of a past period (1997年 → 1997-12-31), not its first day.
        foreach (var inYear in clues.Past.Where(p => p.Point.Year == year && LastDay(p.Point) <= today).DistinctBy(p => LastDay(p.Point)))
        {
            var precision = inYear.Point.Precision is DatePrecision.Week ? DatePrecision.Day : inYear.Point.Precision < DatePrecision.Year ? DatePrecision.Year : inYear.Point.Precision;
            yield return (LastDay(inYear.Point), precision, "after the latest past date " + inYear.Text);
        }
        // 今年9月初 … 举办: from September of its year on; a report on 前三季度 from October.
        foreach (var f in clues.Floors)
            if (DocumentDateMath.Day(year, f.Month, Math.Min(f.Day, 28)) is { } floor && floor <= today)
                // A month the text writes is known; a month inferred from a report period is not (the year stays the precision).
                yield return (floor, f.Written ? (f.Day > 1 ? DatePrecision.Day : DatePrecision.Month) : DatePrecision.Year,
                    (why.Length > 0 ? why + "; " : "") + f.Text);
    }
}
