using Pipeline.Model;

namespace Pipeline.Dates;

/// <summary>
/// A mention with its calendar value and what the value rests on. <see cref="Speech"/> is set when a
/// relative expression inside a quotation was counted from the quotation's own date rather than the
/// document's; <see cref="Value"/> is null when that date is too coarse for it (今天 in a speech dated 2016年).
/// </summary>
internal sealed record ResolvedDate(DateMention Mention, string? Value, bool UsedReference, bool Ambiguous)
{
    public DateReference? Speech { get; init; }

    /// <summary>Why a date the text writes has no value: it is not in the calendar (2023年2月30日), or falls outside it.</summary>
    public string? Problem { get; init; }
}

/// <summary>
/// The date relative expressions count from, how precisely it is known (a year only when the text gives no more),
/// and whether it is firm: metadata, a dateline or agreeing clues, not the latest date in the text or the file time.
/// </summary>
internal sealed record DocumentReference(DateOnly Day, string Origin, DatePrecision Precision, bool Firm)
{
    public static DocumentReference Given(DateOnly day, string origin) => new(day, origin, DatePrecision.Day, true);
}

/// <summary>
/// Turns mentions into ISO values. A date without a year takes it from a dated neighbour
/// ("May 19 and July 1, 2022"), else from an earlier date in the same sentence, else from the
/// document date; relative expressions count from the document date, except inside a quotation
/// whose introducing clause is dated (see <see cref="ReadQuotation"/>).
/// </summary>
internal sealed class DateResolver(string text, IReadOnlyList<DateMention> mentions, DocumentReference reference, QuotedSpans? quotes = null)
{
    /// <summary>Origin of the reference of a relative date counted from its quotation's date ("speech-date:2016").</summary>
    public const string SpeechOriginPrefix = DateOrigins.SpeechPrefix;

    private readonly DateOnly _ref = reference.Day;

    /// <summary>A year taken from a firm reference is not a guess.</summary>
    private bool ReferenceIsFirm => reference.Firm;

    public List<ResolvedDate> Resolve()
    {
        CalendarPoint? lastDay = null, lastDayNotAhead = null;
        var lastDayAt = -1;
        var resolved = new CalendarPoint?[mentions.Count];
        var results = new ResolvedDate?[mentions.Count];
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var usedReference = false;
            var ambiguous = false;
            // 同日 and 次日 count from the last day named; a day ahead of the document's (自下月10日起, a plan) only within
            // its own sentence: a later sentence's 同日 is the day of the news.
            var dayBefore = lastDay is { } d && d.FirstDay > _ref && !SameSentence(Math.Max(0, lastDayAt), m.Start) ? lastDayNotAhead ?? lastDay : lastDay;
            var from = ResolveFrom(k, m.From, _ref, resolved, dayBefore, ref usedReference, ref ambiguous);
            if (from is not { } f) continue;
            ambiguous |= m.From.Uncertain;
            CalendarPoint? end = null;
            if (m.To is { } to)
            {
                if (Inherit(to, f, _ref) is not { } t) continue;
                end = t;
            }
            // 2023年2月30日, 13月5日, 明天 counted from 9999-12-31: written as a date, but no day of the calendar.
            if ((f.Problem ?? end?.Problem) is { } problem)
            {
                results[k] = new ResolvedDate(m, null, usedReference, true) { Problem = problem };
                continue;
            }
            resolved[k] = f;
            if (f.Precision == DatePrecision.Day)
            {
                lastDay = f;
                lastDayAt = m.End;
                if (f.FirstDay <= _ref) lastDayNotAhead = f;
            }
            results[k] = new ResolvedDate(m, end is { } e ? f.Iso + "/" + e.Iso : f.Iso, usedReference, ambiguous);
        }
        if (quotes is not null)
            for (var k = 0; k < mentions.Count; k++)
                if (results[k] is { } r && mentions[k].From.IsDeictic && quotes.QuotationAt(mentions[k].Start) is { } q)
                    results[k] = ReadQuotation(k, r, q, resolved);
        return [.. results.OfType<ResolvedDate>()];
    }

    /// <summary>
    /// 今天, 今年, this year inside a quotation belong to the speaker, not to the document. The speech's date is
    /// the date nearest the quotation in its introducing clause (the sentence the quotation opens in, before the
    /// opening mark; else the rest of that sentence after the closing mark). If that date is precise enough
    /// (a day for 今天, a year for 今年) the expression counts from it; if it is too coarse the value is left
    /// null; with no such date the document date stays as the best guess. All but the first are ambiguous,
    /// so they stay off timelines.
    /// </summary>
    private ResolvedDate ReadQuotation(int k, ResolvedDate r, (int Open, int Close) quote, CalendarPoint?[] resolved)
    {
        var part = mentions[k].From;
        if (SpeechDate(quote, resolved) is not { } anchor) return r with { Ambiguous = true };
        var speech = new DateReference(anchor.FirstDay, SpeechOriginPrefix + anchor.Iso);
        if (anchor.Precision < part.NeededReferencePrecision || anchor.Precision == DatePrecision.Week && part.Anchor == DateAnchor.DayRelative)
            return r with { Value = null, UsedReference = false, Ambiguous = true, Speech = speech };
        var usedReference = false;
        var ambiguous = false;
        var from = ResolveFrom(k, part, anchor.FirstDay, resolved, null, ref usedReference, ref ambiguous);
        if (from is not { IsValid: true } f) return r with { Ambiguous = true };
        var value = f.Iso;
        if (mentions[k].To is { } to && Inherit(to, f, anchor.FirstDay) is { IsValid: true } t) value += "/" + t.Iso;
        return r with { Value = value, UsedReference = false, Ambiguous = false, Speech = speech };
    }

    private CalendarPoint? SpeechDate((int Open, int Close) quote, CalendarPoint?[] resolved)
    {
        var sentenceStart = quote.Open;
        while (sentenceStart > 0 && !EndsSentence(sentenceStart - 1)) sentenceStart--;
        var sentenceEnd = quote.Close + 1;
        while (sentenceEnd < text.Length && !EndsSentence(sentenceEnd)) sentenceEnd++;
        CalendarPoint? before = null, after = null;
        for (var j = 0; j < mentions.Count; j++)
        {
            var m = mentions[j];
            if (m.Start >= sentenceEnd) break;
            if (m.IsRange || resolved[j] is not { } point || m.Start < sentenceStart) continue;
            if (quotes!.QuotationAt(m.Start) is not null) continue;
            if (m.End <= quote.Open) before = point;
            else if (m.Start > quote.Close) after ??= point;
        }
        return before ?? after;
    }

    private bool EndsSentence(int i)
    {
        var c = text[i];
        return c is '。' or '！' or '？' or '!' or '?' or '\n' || c == '.' && i + 1 < text.Length && text[i + 1] == ' ';
    }

    private CalendarPoint? ResolveFrom(int k, DatePart p, DateOnly refDay, CalendarPoint?[] resolved, CalendarPoint? lastDay,
        ref bool usedReference, ref bool ambiguous)
    {
        switch (p.Anchor)
        {
            case DateAnchor.Absolute:
                return Materialize(p, p.Year);
            case DateAnchor.YearRelative when p.Month == 0 && p.Precision > DatePrecision.Year:
                // "thirty years ago this week": the reference's own month, week or day, years away.
                usedReference = true;
                return refDay.Year + p.Shift is >= 1 and <= 9999 ? CalendarPoint.Of(refDay.AddYears(p.Shift), p.Precision) : null;
            case DateAnchor.YearRelative:
                usedReference = true;
                return Materialize(p, refDay.Year + p.Shift);
            case DateAnchor.MonthRelative:
            {
                usedReference = true;
                var months = refDay.Year * 12 + refDay.Month - 1 + p.Shift;
                return new CalendarPoint(Math.DivRem(months, 12, out var rest), rest + 1, p.Day, p.Precision);
            }
            case DateAnchor.WeekRelative when p.Precision == DatePrecision.Day:
            {
                usedReference = true;
                var monday = refDay.DayNumber - ((int)refDay.DayOfWeek + 6) % 7;
                return DayAt(monday + 7L * p.Shift + p.Day - 1, DatePrecision.Day);
            }
            case DateAnchor.WeekRelative:
                usedReference = true;
                return DayAt(refDay.DayNumber + 7L * p.Shift, DatePrecision.Week);
            case DateAnchor.DayRelative:
                usedReference = true;
                return DayAt(refDay.DayNumber + (long)p.Shift, DatePrecision.Day);
            case DateAnchor.PreviousPoint:
            {
                // 同年11月 takes the year of the last date named, 同月 its month too; with none, the document's.
                // 同年11月 needs the year of the date before, 同月 and 同月15日 its month (a day is PreviousDay's).
                var needed = p.Month == 0 && p.Precision >= DatePrecision.Month ? DatePrecision.Month : DatePrecision.Year;
                var last = LastPoint(k, resolved, needed);
                if (last is null) usedReference = true;
                var from = last?.FirstDay ?? refDay;
                // "the following year" (Shift 1) counts on from that date at its own unit; 同年11月 names its month.
                if (p.Month == 0 && p.Shift != 0)
                    return needed == DatePrecision.Year
                        ? new CalendarPoint(from.Year + p.Shift, 0, 0, DatePrecision.Year)
                        : CalendarPoint.Of(from.AddMonths(p.Shift), DatePrecision.Month);
                return Materialize(p with { Month = p.Month > 0 ? p.Month : needed == DatePrecision.Month ? from.Month : 0 }, from.Year);
            }
            case DateAnchor.PreviousDay:
            {
                DateOnly day;
                if (lastDay is { IsValid: true } l) day = l.FirstDay;
                else
                {
                    usedReference = true;
                    day = refDay;
                }
                return DayAt(day.DayNumber + (long)p.Shift, DatePrecision.Day);
            }
            case DateAnchor.Weekday:
            {
                usedReference = true;
                var shift = p.Shift;
                if (shift == 0)
                {
                    // "met on Monday" looks back, "will meet on Monday" ahead; unsure, the past is likelier in news.
                    // "agreed Sunday": the verb right before the day decides; else the sentence's nearest tense marker.
                    var tense = EnglishTense.PastVerbJustBefore(text, mentions[k].Start) ? Tense.Past
                        : EnglishTense.Around(text, mentions[k].Start, mentions[k].End);
                    ambiguous = tense == Tense.Unknown;
                    shift = tense == Tense.Future ? 1 : 0;
                }
                return DayAt(Weekday(refDay, (DayOfWeek)p.Day, shift), DatePrecision.Day);
            }
            case DateAnchor.Season:
            {
                // "last summer" is the latest one over (in May, the summer of the year before); "next spring" the first
                // one to come (in February, this year's); "this summer" the reference year's.
                usedReference = true;
                var year = refDay.Year + p.Shift switch
                {
                    < 0 => refDay.Month > p.Month + 2 ? 0 : -1,
                    > 0 => refDay.Month < p.Month ? 0 : 1,
                    _ => 0,
                };
                return new CalendarPoint(year, 0, 0, DatePrecision.Year);
            }
            case DateAnchor.CenturyRelative:
            {
                usedReference = true;
                var century = (refDay.Year / 100 + p.Shift) * 100;
                return new CalendarPoint(century + p.Year, 0, 0, p.Precision);
            }
            default:
                return ResolveMissingYear(k, p, resolved, ref usedReference, ref ambiguous);
        }
    }

    /// <summary>The nearest date before mention <paramref name="k"/> resolved at least as precisely as <paramref name="precision"/>.</summary>
    private static CalendarPoint? LastPoint(int k, CalendarPoint?[] resolved, DatePrecision precision)
    {
        for (var j = k - 1; j >= 0; j--)
            if (resolved[j] is { IsValid: true } point && point.Precision >= precision && point.Precision != DatePrecision.Week) return point;
        return null;
    }

    /// <summary>Shift 0: that weekday on or before the day; -1: strictly before it; +1: strictly after it (a day number).</summary>
    private static long Weekday(DateOnly day, DayOfWeek target, int shift)
    {
        var back = ((int)day.DayOfWeek - (int)target + 7) % 7;
        var ahead = ((int)target - (int)day.DayOfWeek + 7) % 7;
        return day.DayNumber + shift switch
        {
            > 0 => ahead == 0 ? 7 : ahead,
            < 0 => back == 0 ? -7 : -back,
            _ => -back,
        };
    }

    /// <summary>
    /// The day with that day number, or a point that is no valid date when it falls outside 0001-01-01…9999-12-31
    /// (明天 counted from 9999-12-31), so it gets no value instead of an exception.
    /// </summary>
    private static CalendarPoint DayAt(long dayNumber, DatePrecision precision) =>
        dayNumber < DateOnly.MinValue.DayNumber ? new CalendarPoint(0, 12, 31, precision)
        : dayNumber > DateOnly.MaxValue.DayNumber ? new CalendarPoint(10000, 1, 1, precision)
        : CalendarPoint.Of(DateOnly.FromDayNumber((int)dayNumber), precision);

    /// <summary>The part in a given year; a lunar month and day become the Gregorian day (null outside 1901–2100).</summary>
    public static CalendarPoint? Materialize(DatePart p, int year)
    {
        if (!p.Lunar) return new CalendarPoint(year, p.Month, p.Day, p.Precision);
        return LunarDates.ToGregorian(year, p.Month, p.Day) is { } d ? CalendarPoint.Of(d, DatePrecision.Day) : null;
    }

    private CalendarPoint? ResolveMissingYear(int k, DatePart p, CalendarPoint?[] resolved, ref bool usedReference, ref bool ambiguous)
    {
        if (p.Year > 0)
        {
            // 90年代, 98年, 98年3月: the latest such year not after the document date.
            usedReference = true;
            var y = _ref.Year / 100 * 100 + p.Year;
            if (y > _ref.Year) y -= 100;
            return new CalendarPoint(y, p.Month, p.Day, p.Precision);
        }
        // "May 19 and July 1, 2022": the year written on the next date.
        if (k + 1 < mentions.Count && mentions[k + 1].From.HasExplicitYear && JoinedByConjunction(mentions[k].End, mentions[k + 1].Start)
            && (p.Month > 0 || mentions[k + 1].From.Month > 0))
        {
            var next = mentions[k + 1].From;
            return Materialize(p with { Month = p.Month > 0 ? p.Month : next.Month }, next.Year);
        }
        // An earlier date in the same sentence: 2019年3月5日和6月7日. Only a year that is written counts (a
        // resolved "Monday" says nothing about "since November"), and not across a turn to the future
        // ("set up in February 2023, will meet in September").
        var ahead = LooksAhead(mentions[k].Start) || EnglishTense.Around(text, mentions[k].Start, mentions[k].End) == Tense.Future;
        // "first agreed in March" in a text of December: the past verb of the date puts it behind the document.
        var behind = !ahead && EnglishTense.PastVerbJustBefore(text, mentions[k].Start);
        for (var j = k - 1; j >= 0 && !ahead; j--)
        {
            if (!SameSentence(mentions[j].End, mentions[k].Start)) break;
            if (!mentions[j].From.HasExplicitYear) continue;
            if (resolved[j] is { } prev && prev.Precision >= DatePrecision.Month && prev.Precision != DatePrecision.Week)
                return Materialize(p with { Month = p.Month > 0 ? p.Month : prev.Month }, prev.Year);
        }
        if (p.Month == 0 && (!ReferenceIsFirm || reference.Precision < DatePrecision.Day) && PreviousMonth(k, resolved) is { } named)
        {
            // 在27日的签约仪式上 after 11月27日至30日: without a firm day to count from, the month last named.
            usedReference = false;
            return Materialize(p with { Month = named.Month }, named.Year);
        }
        usedReference = true;
        ambiguous = !ReferenceIsFirm;
        if (p.Month == 0)
        {
            // 27日: this month of the document, or the last one when the day lies well ahead of it.
            var months = _ref.Year * 12 + _ref.Month - 1 - (p.Day - _ref.Day > 10 ? 1 : 0);
            return new CalendarPoint(Math.DivRem(months, 12, out var rest), rest + 1, p.Day, p.Precision);
        }
        // 9月3日 when the document is known only by its year (2020): that year.
        if (reference.Precision <= DatePrecision.Year && !p.Lunar) return Materialize(p, _ref.Year);
        // 9月3日: the year that puts the date nearest to the document date; news looks back more often
        // than ahead, so a future distance counts two and a half times.
        // A range (1—10月, 9月24日至10月2日) is placed by its end: a report of January to October written in
        // November covers this year's months, not next year's January.
        var probe = mentions[k].To is { Anchor: DateAnchor.YearMissing, Month: > 0, Lunar: false } end && !p.Lunar && end.Month >= p.Month
            ? end : p;
        var best = _ref.Year;
        var bestDistance = double.MaxValue;
        for (var y = _ref.Year - 1; y <= _ref.Year + 1; y++)
        {
            // The year is chosen as if every year had the day: 2月29日 in a text of 2023 is no day, not 2024-02-29.
            if ((p.Lunar ? Materialize(p, y) : new CalendarPoint(y, probe.Month, Math.Max(probe.Day, 1), DatePrecision.Day)) is not { } point)
                continue;
            var candidate = point.FirstDay;
            var days = candidate.DayNumber - _ref.DayNumber;
            var distance = days > 0 ? days * (ahead ? 0.1 : behind ? 100 : 2.5) : -days;
            if (distance < bestDistance) (best, bestDistance) = (y, distance);
        }
        return Materialize(p, best);
    }

    /// <summary>The month of the nearest earlier mention that names a month with a written or inferred year.</summary>
    private CalendarPoint? PreviousMonth(int k, CalendarPoint?[] resolved)
    {
        for (var j = k - 1; j >= 0; j--)
            if (resolved[j] is { Precision: DatePrecision.Month or DatePrecision.Day } prev && mentions[j].From.Month > 0)
                return prev;
        return null;
    }

    private static CalendarPoint? Inherit(DatePart to, CalendarPoint from, DateOnly refDay) => to.Anchor switch
    {
        DateAnchor.YearMissing => Materialize(to with { Month = to.Month > 0 ? to.Month : from.Month }, from.Year),
        DateAnchor.YearRelative => Materialize(to, refDay.Year + to.Shift),
        _ => Materialize(to, to.Year),
    };

    private bool JoinedByConjunction(int end, int start)
    {
        if (start - end > 6) return false;
        var between = text[end..start].Trim();
        return between is "and" or "or" or "," or "和" or "、" or "与" or "及" or "或" or "至" or "&";
    }

    /// <summary>将于11月5日, 定于, will ... on: the text speaks of something still to come.</summary>
    private bool LooksAhead(int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 6), Math.Min(6, start));
        if (before.Contains('将') || before.Contains("定于", StringComparison.Ordinal) || before.Contains("拟于", StringComparison.Ordinal))
            return true;
        var wider = text.AsSpan(Math.Max(0, start - 40), Math.Min(40, start));
        var cut = wider.LastIndexOfAny(".;\n");
        if (cut >= 0) wider = wider[(cut + 1)..];
        return wider.Contains(" will ", StringComparison.Ordinal) || wider.Contains("scheduled", StringComparison.Ordinal);
    }

    private bool SameSentence(int end, int start)
    {
        for (var i = end; i < start; i++)
        {
            var c = text[i];
            if (c is '。' or '！' or '？' or '!' or '?' or '\n' || c == '.' && i + 1 < text.Length && text[i + 1] == ' ')
                return false;
        }
        return true;
    }
}
