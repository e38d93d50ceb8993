using Pipeline.Model;

namespace Pipeline.Dates;

/// <summary>A mention with its calendar value and what the value rests on.</summary>
public sealed record ResolvedDate(DateMention Mention, string Value, bool UsedReference, bool Ambiguous);

/// <summary>
/// Turns mentions into ISO values. A date without a year takes it from a dated neighbour
/// ("May 19 and July 1, 2022"), else from an earlier date in the same sentence, else from the
/// document date; relative expressions count from the document date.
/// </summary>
public sealed class DateResolver(string text, IReadOnlyList<DateMention> mentions, Sourced<DateOnly> reference)
{
    private readonly DateOnly _ref = reference.Value;

    /// <summary>Origins good enough that a year taken from them is not a guess.</summary>
    private bool ReferenceIsFirm => reference.Origin is DateOrigins.Sidecar or DateOrigins.FrontMatter or DateOrigins.Dateline;

    public List<ResolvedDate> Resolve()
    {
        var result = new List<ResolvedDate>(mentions.Count);
        CalendarPoint? lastDay = null;
        var resolved = new CalendarPoint?[mentions.Count];
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var usedReference = false;
            var ambiguous = false;
            var from = ResolveFrom(k, m.From, resolved, lastDay, ref usedReference, ref ambiguous);
            if (from is not { } f) continue;
            var value = f.Iso;
            if (m.To is { } to)
            {
                var t = Inherit(to, f);
                value += "/" + t.Iso;
            }
            resolved[k] = f;
            if (f.Precision == DatePrecision.Day) lastDay = f;
            result.Add(new ResolvedDate(m, value, usedReference, ambiguous));
        }
        return result;
    }

    private CalendarPoint? ResolveFrom(int k, DatePart p, CalendarPoint?[] resolved, CalendarPoint? lastDay,
        ref bool usedReference, ref bool ambiguous)
    {
        switch (p.Anchor)
        {
            case DateAnchor.Absolute:
                return new CalendarPoint(p.Year, p.Month, p.Day, p.Precision);
            case DateAnchor.YearRelative:
                usedReference = true;
                return new CalendarPoint(_ref.Year + p.Shift, p.Month, p.Day, p.Precision);
            case DateAnchor.MonthRelative:
            {
                usedReference = true;
                var d = new DateOnly(_ref.Year, _ref.Month, 1).AddMonths(p.Shift);
                return new CalendarPoint(d.Year, d.Month, p.Day, p.Precision);
            }
            case DateAnchor.WeekRelative:
                usedReference = true;
                return CalendarPoint.Of(_ref.AddDays(7 * p.Shift), DatePrecision.Week);
            case DateAnchor.DayRelative:
                usedReference = true;
                return CalendarPoint.Of(_ref.AddDays(p.Shift), DatePrecision.Day);
            case DateAnchor.PreviousDay:
            {
                DateOnly day;
                if (lastDay is { } l && IsValid(l)) day = l.FirstDay;
                else
                {
                    usedReference = true;
                    day = _ref;
                }
                return CalendarPoint.Of(day.AddDays(p.Shift), DatePrecision.Day);
            }
            case DateAnchor.CenturyRelative:
            {
                usedReference = true;
                var century = (_ref.Year / 100 + p.Shift) * 100;
                return new CalendarPoint(century + p.Year, 0, 0, p.Precision);
            }
            default:
                return ResolveMissingYear(k, p, resolved, ref usedReference, ref ambiguous);
        }
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
            return new CalendarPoint(next.Year, p.Month > 0 ? p.Month : next.Month, p.Day, p.Precision);
        }
        // An earlier date in the same sentence: 2019年3月5日和6月7日.
        for (var j = k - 1; j >= 0; j--)
        {
            if (!SameSentence(mentions[j].End, mentions[k].Start)) break;
            if (resolved[j] is { } prev && prev.Precision >= DatePrecision.Month && prev.Precision != DatePrecision.Week)
                return new CalendarPoint(prev.Year, p.Month > 0 ? p.Month : prev.Month, p.Day, p.Precision);
        }
        usedReference = true;
        ambiguous = !ReferenceIsFirm;
        if (p.Month == 0)
        {
            // 27日: this month of the document, or the last one when the day lies well ahead of it.
            var month = new DateOnly(_ref.Year, _ref.Month, 1);
            if (p.Day - _ref.Day > 10) month = month.AddMonths(-1);
            return new CalendarPoint(month.Year, month.Month, p.Day, p.Precision);
        }
        // 9月3日: the year that puts the date nearest to the document date; news looks back more often
        // than ahead, so a future distance counts two and a half times.
        var ahead = LooksAhead(mentions[k].Start);
        var best = _ref.Year;
        var bestDistance = double.MaxValue;
        for (var y = _ref.Year - 1; y <= _ref.Year + 1; y++)
        {
            var candidate = new CalendarPoint(y, p.Month, Math.Max(p.Day, 1), DatePrecision.Day).FirstDay;
            var days = candidate.DayNumber - _ref.DayNumber;
            var distance = days > 0 ? days * (ahead ? 0.1 : 2.5) : -days;
            if (distance < bestDistance) (best, bestDistance) = (y, distance);
        }
        return new CalendarPoint(best, p.Month, p.Day, p.Precision);
    }

    private static CalendarPoint Inherit(DatePart to, CalendarPoint from) => to.Anchor == DateAnchor.YearMissing
        ? new CalendarPoint(from.Year, to.Month > 0 ? to.Month : from.Month, to.Day, to.Precision)
        : new CalendarPoint(to.Year, to.Month, to.Day, to.Precision);

    private static bool IsValid(CalendarPoint p) => p.Year is >= 1 and <= 9999;

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
