using System.Text.RegularExpressions;

namespace Pipeline.Dates;

/// <summary>
/// A day the text says the document was written on: a dateline (新华社北京1月3日电, "WASHINGTON, Oct. 5 (AP) —",
/// "SYDNEY 1996-08-22"), a date alone on its line, 今天是…, or a relative day with its date beside it (昨天（1月2日）).
/// <see cref="Year"/> is 0 when the text leaves it out.
/// </summary>
internal sealed record DayClue(string Kind, int Year, int Month, int Day, string Evidence)
{
    public const string Dateline = "dateline";
    public const string DateLine = "date line";
    public const string TodayIs = "today-is";
    public const string Anchored = "anchored";

    public bool HasYear => Year > 0;

    public DateOnly? Date => HasYear ? DocumentDateMath.Day(Year, Month, Day) : null;
}

/// <summary>A weekday written beside a day of a month (1月3日（星期六）, "Wednesday, Oct. 5"): the year must agree.</summary>
internal sealed record WeekdayClue(int Year, int Month, int Day, DayOfWeek Weekday, string Evidence);

/// <summary>The document's own year, as the text states it: 今年（2019年）, 今年是2019年, or 2013年 … 7年来.</summary>
internal sealed record YearClue(int Year, string Evidence);

/// <summary>
/// Something the text reports as past, so the document is not older than it: an explicit date (<see cref="Point"/>),
/// or a part of the document's own year (今年9月初 … 举办; 今年前三季度, whose figures exist from October).
/// </summary>
internal sealed record PastPoint(CalendarPoint Point, string Text)
{
    /// <summary>Figures for a whole year (2023年贸易额达到…, "in 2023 exports rose 5%"): they exist once that year is over.</summary>
    public bool WholeYearFigures { get; init; }

    /// <summary>
    /// Written as a news text may write even its own year: a day in English ("on March 9, 2023"), or an item of a
    /// chronological series of full dates (2017年11月，…；2018年7月，…), whose years are all written out.
    /// </summary>
    public bool FullByHabit { get; init; }
}

/// <summary>
/// A date with its year that the text places ahead (将于2025年举办, "will meet in March 2025"), or a target (到2030年,
/// "by 2035"): the document is older than its end, and upcoming events are mostly near.
/// </summary>
internal sealed record AheadPoint(CalendarPoint Point, bool Target, string Text);

/// <summary>
/// How plainly the text names its own time without a year (今年, 本月, yearless months such as 3月5日 or "in May"): news
/// that does so writes the years in full only for other years. <see cref="Strength"/> is 0 (no sign), 0.5 (only
/// 去年 or 明年 and the like) or 1.
/// </summary>
internal sealed record RelativeStyle(double Strength, string Evidence)
{
    public static readonly RelativeStyle None = new(0, "");
}

/// <summary>The weekday the lead of a dateline story gives ("STRESA, May 25 (Reuters) - … said on Saturday"): mostly the dateline's day.</summary>
internal sealed record LeadWeekday(int Month, int Day, DayOfWeek Weekday, string Evidence);

internal sealed record YearFloor(int Month, int Day, bool Written, string Text);

/// <summary>Everything in a text that tells when it was written, found once and weighed by <see cref="DocumentDateInference"/>.</summary>
internal sealed partial class DocumentDateClues
{
    public List<DayClue> Days { get; } = [];
    public List<WeekdayClue> Weekdays { get; } = [];
    public List<YearClue> Years { get; } = [];
    public List<PastPoint> Past { get; } = [];
    public List<YearFloor> Floors { get; } = [];
    public List<AheadPoint> Ahead { get; } = [];

    /// <summary><see cref="Past"/> with each point once, at its first mention: every candidate day is scored against them.</summary>
    public List<PastPoint> DistinctPast => _distinctPast ??= Past.DistinctBy(p => p.Point).ToList();

    /// <summary><see cref="Ahead"/> with each point once, at its first mention.</summary>
    public List<AheadPoint> DistinctAhead => _distinctAhead ??= Ahead.DistinctBy(a => a.Point).ToList();

    private List<PastPoint>? _distinctPast;
    private List<AheadPoint>? _distinctAhead;

    public RelativeStyle Style { get; private set; } = RelativeStyle.None;
    public LeadWeekday? Lead { get; private set; }

    /// <summary>The first day of a year the text greets as arriving (1998年新年, 在2020年来临之际).</summary>
    public List<(DateOnly Day, string Text)> Arrivals { get; } = [];

    private readonly string _text;
    private readonly IReadOnlyList<DateMention> _mentions;
    private readonly QuotedSpans _quotes;
    private int _yearlessDateline = -1;

    public DocumentDateClues(string text, IReadOnlyList<DateMention> mentions, QuotedSpans quotes, DateOnly today)
    {
        _text = text;
        _mentions = mentions;
        _quotes = quotes;
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (Dateline(m) is { } dateline)
            {
                Days.Add(dateline);
                if (!dateline.HasYear && _yearlessDateline < 0) _yearlessDateline = k;
            }
            if (TodayIs(k) is { } todayIs) Days.Add(todayIs);
            if (Anchored(k) is { } anchored) Days.Add(anchored);
            if (WeekdayBeside(m) is { } weekday && m.From is { Precision: DatePrecision.Day, Lunar: false } p && !m.IsRange
                && p.Anchor is DateAnchor.Absolute or DateAnchor.YearMissing)
                Weekdays.Add(new WeekdayClue(p.Anchor == DateAnchor.Absolute ? p.Year : 0, p.Month, p.Day, weekday, Show(m) + " " + weekday));
            if (PastPointOf(m, today) is { } past) Past.Add(past);
            else if (AheadPointOf(m) is { } ahead) Ahead.Add(ahead);
            if (Floor(m) is { } floor) Floors.Add(floor);
            NoteStyle(m);
            // A year still to come (an anniversary ahead) is not the document's.
            if (StatedYear(k) is { } year && year.Year <= today.Year) Years.Add(year);
            if (Elapsed(k) is { } elapsed && elapsed.Year <= today.Year) Years.Add(elapsed);
        }
        if (DateAloneOnItsLine() is { } line) Days.Add(line);
        Lead = WeekdayOfTheLead();
    }

    private string Show(DateMention m) => _text[m.Start..m.End];

    private char At(int i) => i >= 0 && i < _text.Length ? _text[i] : '\0';

    // ---- datelines ----------------------------------------------------------------------------

    private DayClue? Dateline(DateMention m)
    {
        if (m.IsRange || m.From.Precision != DatePrecision.Day || m.From.Lunar) return null;
        if (m.From.Anchor is not (DateAnchor.Absolute or DateAnchor.YearMissing)) return null;
        if (!IsChineseDateline(m) && !IsEnglishDateline(m)) return null;
        var p = m.From;
        return new DayClue(DayClue.Dateline, p.HasExplicitYear ? p.Year : 0, p.Month, p.Day, "dateline " + Show(m));
    }

    /// <summary>
    /// 本报北京1月15日电, 新华社雅加达11月5日电, 据新华社莫斯科12月30日电: an agency, a place, the date, 电 or 讯; and
    /// 本报讯 1月3日，…: the agency's 讯 right before the date.
    /// </summary>
    private bool IsChineseDateline(DateMention m)
    {
        var from = Math.Max(0, m.Start - 14);
        var before = _text.AsSpan(from, m.Start - from);
        var cut = before.LastIndexOfAny("，。；！？\n");
        if (cut >= 0) before = before[(cut + 1)..];
        if (At(m.End) is '电' or '讯') return before.IndexOfAny("社报网台站") >= 0;
        var trimmed = before.TrimEnd();
        return trimmed.Length >= 3 && trimmed[^1] == '讯' && trimmed[..^1].IndexOfAny("社报网台站") >= 0 && At(m.End) is '，' or ',' or '（' or '(';
    }

    // Places before an English dateline: "WASHINGTON,", "Washington, D.C.,", "VIENTIANE, Laos,", "MANCHESTER , England".
    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z.'’ -]{1,40}?\s*,\s*){0,3}(?:[A-Z][A-Za-z.'’ -]{1,40})?\s*$")]
    private static partial Regex EnglishDatelinePrefix();

    // What may follow: the end of the line, a dash, or a wire agency's credit and a dash ("Oct. 5 (Reuters) -").
    [GeneratedRegex(@"^\.?\s*(?:\([A-Za-z][A-Za-z .'’/-]{0,30}\)\s*)?(?:$|\n|[—–]|--|-\s)")]
    private static partial Regex EnglishDatelineSuffix();

    /// <summary>
    /// A date at the head of its line after nothing but place names ("WASHINGTON, April 7, 2022 —", "SYDNEY 1996-08-22"),
    /// or alone on its line under a signature. Places without a comma must be written in capitals, so that
    /// "Talks began on July 5, 2022." is no dateline.
    /// </summary>
    private bool IsEnglishDateline(DateMention m)
    {
        var lineStart = m.Start == 0 ? 0 : _text.LastIndexOf('\n', m.Start - 1) + 1;
        var lineEnd = _text.IndexOf('\n', m.End);
        if (lineEnd < 0) lineEnd = _text.Length;
        var prefix = _text.AsSpan(lineStart, m.Start - lineStart);
        if (!EnglishDatelinePrefix().IsMatch(prefix)
            || !EnglishDatelineSuffix().IsMatch(_text.AsSpan(m.End, Math.Min(lineEnd + 1, _text.Length) - m.End)))
            return false;
        var trimmed = prefix.TrimEnd();
        if (trimmed.IsEmpty || trimmed[^1] == ',') return true;
        var firstWord = trimmed.TrimStart();
        var space = firstWord.IndexOfAny(" ,");
        if (space > 0) firstWord = firstWord[..space];
        return firstWord.Length >= 2 && !firstWord.ContainsAnyInRange('a', 'z');
    }

    /// <summary>
    /// A full date with nothing else on its line but brackets: （一九九七年十二月三十一日） under a speech's title, a
    /// date under a signature. Only when the text has exactly one such line (a chronology has many).
    /// </summary>
    private DayClue? DateAloneOnItsLine()
    {
        DayClue? found = null;
        foreach (var m in _mentions)
        {
            if (m.IsRange || !m.From.HasExplicitYear || m.From.Precision != DatePrecision.Day || m.From.Lunar) continue;
            var lineStart = m.Start == 0 ? 0 : _text.LastIndexOf('\n', m.Start - 1) + 1;
            var lineEnd = _text.IndexOf('\n', m.End);
            if (lineEnd < 0) lineEnd = _text.Length;
            // "Thursday 12 June 2025" under a headline: the weekday before the date belongs to the line too.
            var before = _text.AsSpan(lineStart, m.Start - lineStart);
            if (EnglishWeekdayAt(lineStart + (before.Length - before.TrimStart().Length)) is not null
                && before.Trim().TrimEnd(',').IndexOfAny(' ', '\u00A0') < 0) before = [];
            if (!OnlyBrackets(before) || !OnlyBrackets(_text.AsSpan(m.End, lineEnd - m.End))) continue;
            if (found is not null) return null;
            found = new DayClue(DayClue.DateLine, m.From.Year, m.From.Month, m.From.Day, "date line " + Show(m));
        }
        return found;
    }

    private static bool OnlyBrackets(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && "（）()[]【】。.,，".IndexOf(c) < 0) return false;
        return true;
    }

    // ---- today is …, yesterday (January 2) ------------------------------------------------------

    /// <summary>今天是一九九七年的最后一天, 今天是12月31日, "Today is October 5": the day itself.</summary>
    private DayClue? TodayIs(int k)
    {
        var m = _mentions[k];
        if (m.From is not { Anchor: DateAnchor.DayRelative, Shift: 0 } || k + 1 >= _mentions.Count || _quotes.QuotationAt(m.Start) is not null)
            return null;
        var gap = _text.AsSpan(m.End, Math.Max(0, _mentions[k + 1].Start - m.End)).Trim();
        // "Today is Monday, October 5, 2020": the weekday before the date is checked as a weekday clue.
        if (gap.StartsWith("is ") && gap.EndsWith(",") && EnglishWeekdayAt(m.End + _text.AsSpan(m.End).IndexOf("is ") + 3) is not null) gap = "is";
        if (gap is not ("是" or "is" or "is the" or "为")) return null;
        var next = _mentions[k + 1];
        return DayOf(next, 0, DayClue.TodayIs, "今天是 " + Show(next));
    }

    /// <summary>今天（1月3日）, 昨天（12月31日）, "yesterday (Jan. 2)": the relative day with its date in brackets.</summary>
    private DayClue? Anchored(int k)
    {
        var m = _mentions[k];
        if (m.From.Anchor != DateAnchor.DayRelative || k + 1 >= _mentions.Count || _quotes.QuotationAt(m.Start) is not null) return null;
        var next = _mentions[k + 1];
        var gap = _text.AsSpan(m.End, Math.Max(0, next.Start - m.End)).Trim();
        if (gap is not ("（" or "(") || At(next.End) is not ('）' or ')')) return null;
        return DayOf(next, m.From.Shift, DayClue.Anchored, Show(m) + "（" + Show(next) + "）");
    }

    /// <summary>The document's day from a mention that names <paramref name="shift"/> days after it.</summary>
    private DayClue? DayOf(DateMention m, int shift, string kind, string evidence)
    {
        var p = m.From;
        if (m.IsRange || p.Lunar) return null;
        if (p.Anchor == DateAnchor.Absolute && p.Precision == DatePrecision.Year && LastOrFirstDayOfYear(m.End) is { } month)
            p = p with { Month = month, Day = month == 12 ? 31 : 1, Precision = DatePrecision.Day };
        if (p.Precision != DatePrecision.Day || p.Anchor is not (DateAnchor.Absolute or DateAnchor.YearMissing)) return null;
        if (p.Anchor == DateAnchor.YearMissing)
        {
            // A yearless date minus a day: 昨天（1月1日） is 1月2日 whatever the year, except around 2月29日.
            var probe = DocumentDateMath.Day(2001, p.Month, p.Day);
            if (probe is not { } d) return null;
            var day = d.AddDays(-shift);
            return new DayClue(kind, 0, day.Month, day.Day, evidence);
        }
        if (DocumentDateMath.Day(p.Year, p.Month, p.Day) is not { } date || DocumentDateMath.AddDays(date, -shift) is not { } own) return null;
        return new DayClue(kind, own.Year, own.Month, own.Day, evidence);
    }

    /// <summary>一九九七年的最后一天, 1998年的第一天: 12 or 1, else null.</summary>
    private int? LastOrFirstDayOfYear(int end)
    {
        var rest = _text.AsSpan(end, Math.Min(8, _text.Length - end));
        if (rest.StartsWith("的")) rest = rest[1..];
        return rest.StartsWith("最后一天") ? 12 : rest.StartsWith("第一天") ? 1 : null;
    }

    // ---- weekdays -------------------------------------------------------------------------------

    private static readonly string[] EnglishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>1月3日（星期六）, 1月3日星期六, 星期六（1月3日）, "Wednesday, Oct. 5", "Oct. 5 (Wednesday)".</summary>
    private DayOfWeek? WeekdayBeside(DateMention m)
    {
        var after = m.End;
        while (after < _text.Length && after - m.End < 2 && _text[after] is '（' or '(' or '，' or ',' or ' ') after++;
        if (ChineseWeekdayAt(after) is { } zh) return zh;
        if (EnglishWeekdayAt(after) is { } en) return en;
        var before = m.Start;
        while (before > 0 && m.Start - before < 2 && _text[before - 1] is '（' or '(' or '，' or ',' or ' ') before--;
        for (var len = 2; len <= 3; len++)
            if (before - len >= 0 && ChineseWeekdayAt(before - len) is { } w && before - len + ChineseWeekdayLength(before - len) == before)
                return w;
        var wordStart = before;
        while (wordStart > 0 && char.IsAsciiLetter(_text[wordStart - 1])) wordStart--;
        return wordStart < before ? EnglishWeekdayAt(wordStart) : null;
    }

    private int ChineseWeekdayLength(int i) => _text.AsSpan(i).StartsWith("星期") || _text.AsSpan(i).StartsWith("礼拜") ? 3 : 2;

    private DayOfWeek? ChineseWeekdayAt(int i)
    {
        var span = _text.AsSpan(i);
        int day;
        if (span.StartsWith("星期") || span.StartsWith("礼拜")) day = "日一二三四五六天".IndexOf(At(i + 2));
        else if (span.StartsWith("周")) day = "日一二三四五六".IndexOf(At(i + 1));
        else return null;
        if (day < 0) return null;
        return (DayOfWeek)(day == 7 ? 0 : day);
    }

    private DayOfWeek? EnglishWeekdayAt(int i)
    {
        for (var d = 0; d < 7; d++)
        {
            var name = EnglishWeekdays[d];
            var span = _text.AsSpan(i);
            if (span.StartsWith(name, StringComparison.Ordinal) && !char.IsAsciiLetter(At(i + name.Length))) return (DayOfWeek)d;
            if (span.StartsWith(name.AsSpan(0, 3), StringComparison.Ordinal) && At(i + 3) == '.') return (DayOfWeek)d;
        }
        return null;
    }

    // ---- what the text reports as past ------------------------------------------------------------

    private static readonly string[] PlanWordsZh = ["规划", "计划", "目标", "愿景", "议程", "战略", "纲要", "远景", "任务", "工作要点", "预算"];

    // 2000年奥运会, 2010年世博会: the year names an event, which may lie ahead.
    private static readonly string[] EventNouns = ["奥运会", "冬奥会", "残奥会", "亚运会", "世界杯", "世博会", "全运会", "运动会", "大运会", "锦标赛"];

    private static readonly HashSet<string> PlanWordsEn = new(StringComparer.OrdinalIgnoreCase)
        { "strategy", "agenda", "plan", "vision", "goals", "goal", "roadmap", "framework", "targets" };

    private static readonly string[] FutureWordsZh = ["将", "计划于", "计划在", "预计", "拟", "即将", "有望", "争取", "力争", "要在", "届时"];

    /// <summary>A date with a written year that the text reports as something that happened (not a title, plan or target).</summary>
    private PastPoint? PastPointOf(DateMention m, DateOnly today)
    {
        // A range of days (2024年6月18日至20日, a visit) dates the text like a day; a range of years may be a plan.
        var rangeOfDays = m.IsRange && m.From.Precision == DatePrecision.Day;
        if (m.IsRange && !rangeOfDays || !m.From.HasExplicitYear || _quotes.InTitleOrQuote(m.Start)) return null;
        // 2024年是中巴建交50周年, 2024年是…的关键之年: the year the text is about, mostly its own, whatever hope the sentence
        // goes on to voice (…，双方合作有望迈上新台阶).
        if (DescribesTheYear(m) is { } described)
        {
            if (described) Years.Add(new YearClue(m.From.Year, Show(m) + "是"));
            return null;
        }
        if (NamesAPlan(m) || LooksAhead(m.Start) || FutureAfter(m) || StartsAValidity(m) || NamesAnEvent(m)) return null;
        if (EventOfToday(m) is { } current)
        {
            Years.Add(current);
            return null;
        }
        if (DateResolver.Materialize(m.From, m.From.Year) is not { IsValid: true } point || point.FirstDay > today) return null;
        if (IsArrival(m, point))
        {
            Arrivals.Add((point.FirstDay, Show(m)));
            return null;
        }
        // 一九九七年的最后一天: the day, not the year.
        if (point.Precision == DatePrecision.Year && LastOrFirstDayOfYear(m.End) is { } month)
            point = new CalendarPoint(point.Year, month, month == 12 ? 31 : 1, DatePrecision.Day);
        return new PastPoint(point, Show(m))
        {
            WholeYearFigures = point.Precision == DatePrecision.Year && ReportsFigures(m),
            FullByHabit = point.Precision >= DatePrecision.Week && !Show(m).Any(IsChinese) || ContinuesASeries(m) || AsOf(m),
        };
    }

    /// <summary>截至2025年10月底: figures "as of" a time, whose year statistics write out even when it is the text's own.</summary>
    private bool AsOf(DateMention m) => _text.AsSpan(0, m.Start).TrimEnd().EndsWith("截至", StringComparison.Ordinal);

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>2017年11月，…；2018年7月，…: a full date after another in the same sentence, not far back.</summary>
    private bool ContinuesASeries(DateMention m)
    {
        for (var i = m.Start - 1; i >= Math.Max(0, m.Start - 120); i--)
        {
            if ("。！？\n".IndexOf(_text[i]) >= 0) return false;
            if (_text[i] == '年' && i > 0 && Numerals.IsNumeral(_text[i - 1])) return true;
        }
        return false;
    }

    [GeneratedRegex(@"[0-9０-９][0-9０-９.．,，]*\s*(?:%|％|‰|亿|万|元|美元|吨|个百分点|倍|percent|per cent|billion|million|trillion)|同比|全年|增长|下降|总额|总值|取得|完成|实现|突破|累计|\b(?:grew|rose|fell|totall?ed)\b")]
    private static partial Regex Figures();

    /// <summary>2022年，贸易额达到702亿美元; 1997年，改革取得重大进展; "In 2023, exports rose 5%": the clause after a year sums it up.</summary>
    private bool ReportsFigures(DateMention m)
    {
        var end = Math.Min(SentenceEnd(m.End), m.End + 60);
        var semicolon = _text.IndexOfAny(['；', ';'], m.End, end - m.End);
        return Figures().IsMatch(_text.AsSpan(m.End, (semicolon < 0 ? end : semicolon) - m.End));
    }

    /// <summary>The text gives a day of its own by a dateline (with or without its year).</summary>
    public bool HasDatelineDay => Days.Any(d => d.Kind == DayClue.Dateline);

    // ---- what the text places ahead ------------------------------------------------------------

    private static readonly string[] PlainlyAheadZh = ["将于", "将在", "即将", "届时", "有望", "预计", "计划于", "计划在", "拟于", "拟在"];

    /// <summary>
    /// 将于2025年, 2025年将, 预计2024年, "will meet in March 2025"; or a bound: a plan for a year (1998年工作要点), a
    /// deadline ("by 2035", "before the termination date of October 18, 2025"). 到1996年底 alone is no bound: Chinese
    /// news also writes it for a state reached (到1996年底，累计发展沼气28万户).
    /// </summary>
    private AheadPoint? AheadPointOf(DateMention m)
    {
        if (!m.From.HasExplicitYear || m.From.Lunar || _quotes.InTitleOrQuote(m.Start) || NamesAnEvent(m)) return null;
        if (DateResolver.Materialize(m.From, m.From.Year) is not { IsValid: true } point) return null;
        if (NamesAPlan(m)) return m.IsRange ? null : new AheadPoint(point, true, Show(m));
        if (PlainlyAhead(m)) return new AheadPoint(point, false, Show(m));
        return LooksAhead(m.Start) && EnglishDeadline(m.Start) ? new AheadPoint(point, true, Show(m)) : null;
    }

    private bool EnglishDeadline(int start)
    {
        var s = start;
        while (s > 0 && !char.IsAsciiLetter(_text[s - 1]) && _text[s - 1] is not ('.' or '\n')) s--;
        return s > 0 && char.IsAsciiLetter(_text[s - 1]);
    }

    /// <summary>
    /// Plain words for what is still to come, near the date: a bare 将 also marks the object of a verb (将关系提升为), so
    /// it counts only right before the date or right after it.
    /// </summary>
    private bool PlainlyAhead(DateMention m)
    {
        var before = _text.AsSpan(Math.Max(0, m.Start - 4), Math.Min(4, m.Start));
        if (before.Contains('将') || before.Contains('拟') || before.Contains("预计", StringComparison.Ordinal) || before.Contains("计划", StringComparison.Ordinal))
            return true;
        var after = _text.AsSpan(m.End, Math.Min(2, _text.Length - m.End));
        if (after.StartsWith("将") || after.StartsWith("，将") || after.StartsWith("要")) return true;
        var end = SentenceEnd(m.End);
        var comma = _text.IndexOfAny(['，', ','], m.End, end - m.End);
        var clause = _text.AsSpan(m.End, (comma < 0 ? end : comma) - m.End);
        foreach (var w in PlainlyAheadZh)
            if (clause.Contains(w, StringComparison.Ordinal)) return true;
        return EnglishTense.Around(_text, m.Start, m.End) == Tense.Future;
    }

    // ---- how the text names its own time --------------------------------------------------------

    /// <summary>
    /// 今年, 本月, 3月5日, "this year", "on May 19": the text names its own time without a year. 去年 and 明年 show the
    /// same habit in Chinese news, less surely; "last year" and "next year" are written as often beside full dates of
    /// the same year in English releases.
    /// </summary>
    private void NoteStyle(DateMention m)
    {
        if (Style.Strength >= 1 || m.Rule == DateRules.Ago || _quotes.InTitleOrQuote(m.Start)) return;
        var p = m.From;
        var own = p.Anchor == DateAnchor.YearRelative && p.Shift == 0 || p.Anchor == DateAnchor.MonthRelative
                  || p.Anchor == DateAnchor.YearMissing && p.Month > 0 && !p.Lunar && Dateline(m) is null;
        if (own) Style = new RelativeStyle(1, Show(m));
        else if (p.Anchor == DateAnchor.YearRelative && Style.Strength == 0 && Show(m).Any(IsChinese))
            Style = new RelativeStyle(0.5, Show(m));
    }

    /// <summary>"STRESA, Italy, May 25 (Reuters) - Finance ministers … said on Saturday": the first weekday of the lead.</summary>
    private LeadWeekday? WeekdayOfTheLead()
    {
        if (_yearlessDateline < 0) return null;
        var dateline = _mentions[_yearlessDateline];
        var start = dateline.End;
        while (start < _text.Length && (char.IsWhiteSpace(_text[start]) || _text[start] is '(' or ')' or '-' or '—' or '–' || char.IsAsciiLetter(_text[start]) && InBrackets(start)))
            start++;
        var end = _text.IndexOf('\n', start);
        if (end < 0) end = _text.Length;
        for (var j = _yearlessDateline + 1; j < _mentions.Count && _mentions[j].Start < end; j++)
        {
            var w = _mentions[j];
            if (w.From is { Anchor: DateAnchor.Weekday, Shift: 0 } && _quotes.QuotationAt(w.Start) is null)
                return new LeadWeekday(dateline.From.Month, dateline.From.Day, (DayOfWeek)(w.From.Day % 7), Show(dateline) + " … " + Show(w));
        }
        return null;
    }

    private bool InBrackets(int i)
    {
        var open = _text.LastIndexOf('(', i);
        return open >= 0 && _text.IndexOf(')', open) is var close && close > i;
    }

    private static readonly string[] ArrivalAfter = ["新年", "来临", "到来", "之际", "伊始", "即将", "前夕", "第一"];
    private static readonly string[] ArrivalBefore = ["进入", "迎来", "迎接", "迈向", "迈进", "跨入", "喜迎", "走进", "翻到", "步入", "踏进", "踏入"];

    /// <summary>
    /// 1998年新年讲话, 在2020年来临之际, 迎来了2016年, 2019年元旦前夕: a new year arriving. The text is written within days
    /// of its first day (before or after it), not a year after it, as a past "1998年" would suggest.
    /// </summary>
    private bool IsArrival(DateMention m, CalendarPoint point)
    {
        var yearStart = point.Precision == DatePrecision.Year || point is { Month: 1, Day: 1 } || m.From.Lunar && m.From is { Month: 1, Day: <= 1 };
        if (!yearStart) return false;
        var after = _text.AsSpan(m.End, Math.Min(4, _text.Length - m.End));
        if (after.StartsWith("的")) after = after[1..];
        foreach (var w in ArrivalAfter)
            if (after.StartsWith(w, StringComparison.Ordinal)) return true;
        var before = _text.AsSpan(Math.Max(0, m.Start - 4), Math.Min(4, m.Start));
        foreach (var w in ArrivalBefore)
            if (before.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private bool NamesAnEvent(DateMention m)
    {
        foreach (var w in EventNouns)
            if (_text.AsSpan(m.End).StartsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// 2024年是中巴建交50周年, 1998年，是全面贯彻…的一年: a statement about a year, mostly the document's own (true); 1998年将是,
    /// 1998年要: about a year ahead (false); null when the year is not described.
    /// </summary>
    private bool? DescribesTheYear(DateMention m)
    {
        if (m.From.Precision != DatePrecision.Year) return null;
        var after = _text.AsSpan(m.End, Math.Min(3, _text.Length - m.End));
        if (after.StartsWith("将是") || after.StartsWith("要")) return false;
        return after.StartsWith("是") || after.StartsWith("，是") || after.StartsWith(",是") ? true : null;
    }

    private static readonly string[] EventHeads =
        ["会议", "大会", "年会", "比赛", "大赛", "活动", "仪式", "典礼", "开幕式", "论坛", "峰会", "博览会", "展览", "运动会", "音乐会", "联赛", "评选",
         "奥运会", "冬奥会", "残奥会", "亚运会", "世博会", "世界杯", "锦标赛"];

    [GeneratedRegex(@"^\s+(?:[A-Z][a-z]+\s+){0,3}(?:summit|conference|session|meeting|forum|games|championships?|festival|assembly)\b")]
    private static partial Regex EnglishEventAfterYear();

    /// <summary>
    /// 1998年全国体委主任会议今天召开, "the 2019 summit opened today": an event labelled with its year that happens on
    /// the document's day is of the document's year.
    /// </summary>
    private YearClue? EventOfToday(DateMention m)
    {
        if (m.From is not { Anchor: DateAnchor.Absolute, Precision: DatePrecision.Year } p || m.IsRange || _quotes.InTitleOrQuote(m.Start)) return null;
        var sentenceStart = m.Start;
        while (sentenceStart > 0 && "。！？\n".IndexOf(_text[sentenceStart - 1]) < 0) sentenceStart--;
        var sentenceEnd = SentenceEnd(m.End);
        var labelsAnEvent = EnglishEventAfterYear().IsMatch(_text.AsSpan(m.End, Math.Min(40, _text.Length - m.End)));
        for (var i = m.End; !labelsAnEvent && i < Math.Min(sentenceEnd, m.End + 14); i++)
        {
            if ("，。；：、,;:".IndexOf(_text[i]) >= 0) break;
            foreach (var head in EventHeads)
                if (string.CompareOrdinal(_text, i, head, 0, head.Length) == 0)
                {
                    labelsAnEvent = true;
                    break;
                }
        }
        if (!labelsAnEvent) return null;
        foreach (var other in _mentions)
            if (other.Start >= sentenceStart && other.End <= sentenceEnd && (other.From is { Anchor: DateAnchor.DayRelative, Shift: >= -1 and <= 0 }
                    || OnTheDatelineDay(other)))
                return new YearClue(p.Year, Show(m) + "… " + Show(other));
        return null;
    }

    /// <summary>当地时间11日晚 under 新华社…8月12日电: a day of the month the dateline names, or the day before it.</summary>
    private bool OnTheDatelineDay(DateMention other)
    {
        if (_yearlessDateline < 0 || other.From is not { Anchor: DateAnchor.YearMissing, Month: 0, Precision: DatePrecision.Day } d) return false;
        var dateline = _mentions[_yearlessDateline].From;
        return d.Day == dateline.Day || d.Day == dateline.Day - 1;
    }

    /// <summary>自1998年1月1日起, 从2002年开始, 自2025年6月1日至2026年5月31日: when something takes effect, which may lie ahead as well as behind.</summary>
    private bool StartsAValidity(DateMention m)
    {
        if (m.IsRange && _text.AsSpan(Math.Max(0, m.Start - 2), Math.Min(2, m.Start)).IndexOfAny('自', '从') >= 0) return true;
        if (!(At(m.End) == '起' || _text.AsSpan(m.End).StartsWith("开始", StringComparison.Ordinal))) return false;
        var before = _text.AsSpan(Math.Max(0, m.Start - 3), Math.Min(3, m.Start));
        return before.Contains('自') || before.Contains('从') || before.Contains('由');
    }

    private bool NamesAPlan(DateMention m)
    {
        var end = Math.Min(_text.Length, m.End + 12);
        for (var i = m.End; i < end; i++)
        {
            if ("，。；、：！？,.;:!?\n（）()》”".Contains(_text[i])) break;
            foreach (var w in PlanWordsZh)
                if (string.CompareOrdinal(_text, i, w, 0, w.Length) == 0) return true;
        }
        var s = m.End;
        while (s < _text.Length && _text[s] == ' ') s++;
        var e = s;
        while (e < _text.Length && char.IsAsciiLetter(_text[e])) e++;
        return e > s && PlanWordsEn.Contains(_text[s..e]);
    }

    /// <summary>到2020年, 将于2018年10月, by 2030: a target or a plan, not something that happened.</summary>
    private bool LooksAhead(int start)
    {
        var from = Math.Max(0, start - 4);
        var before = _text[from..start];
        // 截至2025年10月 is "as of": figures counted up to a time already past, not a target.
        if (before.Contains('到') || before.Contains('将') || before.Contains('预') || before.Contains('拟')
            || before.EndsWith('至') && !before.EndsWith("截至") || before.Contains("计划"))
            return true;
        var s = start;
        while (s > 0 && _text[s - 1] == ' ') s--;
        var b = s;
        while (b > 0 && char.IsAsciiLetter(_text[b - 1])) b--;
        if (_text[b..s] is "by" or "until" or "till" or "before") return true;
        // "before the deal's termination date of October 18, 2025", "the deadline of June 30": a limit, not an event.
        for (var words = 0; words < 6 && b > 0; words++)
        {
            s = b;
            while (s > 0 && !char.IsAsciiLetter(_text[s - 1]) && _text[s - 1] is not ('.' or '\n' or ';')) s--;
            b = s;
            while (b > 0 && char.IsAsciiLetter(_text[b - 1])) b--;
            if (b == s) break;
            if (DeadlineWords.Contains(_text[b..s])) return true;
        }
        return false;
    }

    private static readonly HashSet<string> DeadlineWords = new(StringComparer.OrdinalIgnoreCase)
        { "before", "until", "deadline", "expire", "expires", "expiry", "termination", "due", "scheduled", "planned", "upcoming" };

    /// <summary>自1998年1月1日起，我国将…; "in 2025 the bank will": the rest of the sentence speaks of the future.</summary>
    private bool FutureAfter(DateMention m)
    {
        var end = m.End;
        while (end < _text.Length && end - m.End < 30 && "。；！？\n".IndexOf(_text[end]) < 0) end++;
        var clause = _text.AsSpan(m.End, end - m.End);
        foreach (var w in FutureWordsZh)
            if (clause.Contains(w, StringComparison.Ordinal)) return true;
        return EnglishTense.Around(_text, m.Start, m.End) == Tense.Future;
    }

    // ---- parts of the document's own year ------------------------------------------------------------

    // A report on this year's first N months or quarters exists only once they are over.
    private static readonly (string Words, int Month)[] ReportPeriods =
    [
        ("前三季度", 10), ("第三季度", 10), ("三季度", 10), ("上半年", 7), ("前两季度", 7), ("前二季度", 7), ("第二季度", 7),
        ("二季度", 7), ("第一季度", 4), ("一季度", 4),
    ];

    [GeneratedRegex(@"前([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})个月")]
    private static partial Regex FirstMonths();

    /// <summary>今年9月初 … 举办 (the document is from September on), 今年前三季度 (from October on).</summary>
    private YearFloor? Floor(DateMention m)
    {
        if (m.From is not { Anchor: DateAnchor.YearRelative, Shift: 0 } p || _quotes.InTitleOrQuote(m.Start) || FutureAfter(m) || LooksAhead(m.Start))
            return null;
        // 今年1—7月 with its figures: the period is over; without them it has at least begun.
        if (m.To is { Month: > 0, Lunar: false } to && !p.Lunar && to.Anchor is DateAnchor.YearRelative or DateAnchor.YearMissing)
            return ReportsFigures(m) && to.Precision == DatePrecision.Month
                ? to.Month < 12 ? new YearFloor(to.Month + 1, 1, false, Show(m)) : null
                : new YearFloor(to.Month, Math.Max(1, to.Day), true, Show(m));
        if (p.Month > 0 && !p.Lunar) return new YearFloor(p.Month, Math.Max(1, p.Day), true, Show(m));
        var words = Show(m);
        foreach (var (period, month) in ReportPeriods)
            if (words.EndsWith(period, StringComparison.Ordinal)) return new YearFloor(month, 1, false, words);
        if (FirstMonths().Match(words) is { Success: true } first && Numerals.TryRead(first.Groups[1].Value, 0, out var n) && n.Value is >= 1 and <= 11)
            return new YearFloor(n.Value + 1, 1, false, words);
        return null;
    }

    // ---- the document's year, stated -------------------------------------------------------------

    /// <summary>今年（2019年）, 今年是2019年, 去年（2018年）: the year of the document, said outright.</summary>
    private YearClue? StatedYear(int k)
    {
        var m = _mentions[k];
        if (m.From is not { Anchor: DateAnchor.YearRelative, Month: 0 } p || k + 1 >= _mentions.Count || _quotes.QuotationAt(m.Start) is not null)
            return null;
        var next = _mentions[k + 1];
        if (next.From is not { Anchor: DateAnchor.Absolute, Precision: DatePrecision.Year } y || next.IsRange) return null;
        var gap = _text.AsSpan(m.End, Math.Max(0, next.Start - m.End)).Trim();
        var bracketed = gap is "（" or "(" && At(next.End) is '）' or ')';
        if (!bracketed && !(gap is "是" or "为" && p.Shift == 0)) return null;
        return new YearClue(y.Year - p.Shift, Show(m) + (bracketed ? "（" : "是") + Show(next));
    }

    [GeneratedRegex(@"^([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|两)(?:年来|年以来|周年)")]
    private static partial Regex ChineseElapsed();

    [GeneratedRegex(@"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s+years\s+(?:ago|since|after|later|on)\b")]
    private static partial Regex EnglishElapsed();

    private static readonly string[] EnglishNumbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>
    /// 2013年，…。7年来，…; 1949年成立 … 70周年; "in 1996 … 25 years ago": the year written plus the years gone by.
    /// The count must come after the year, in the same or the next sentence.
    /// </summary>
    private YearClue? Elapsed(int k)
    {
        var m = _mentions[k];
        if (!m.From.HasExplicitYear || m.IsRange || _quotes.InTitleOrQuote(m.Start) || LooksAhead(m.Start) || NamesAPlan(m)) return null;
        // 今年（2021年）是成立三十周年: the year is the document's own, not where the count starts.
        if (k > 0 && _mentions[k - 1].From.Anchor == DateAnchor.YearRelative && _mentions[k - 1].End >= m.Start - 2) return null;
        // The count starts from something that happened in that year: 2013年，主席提出倡议。7年来….
        if (!OpensSomething(m)) return null;
        var limit = SentenceEnd(SentenceEnd(m.End) + 1);
        // A later written year starts its own count (2010年 … 2019年 … 10年来 counts from 2019).
        for (var j = k + 1; j < _mentions.Count && _mentions[j].Start < limit; j++)
            if (_mentions[j].From.HasExplicitYear)
            {
                limit = _mentions[j].Start;
                break;
            }
        for (var i = m.End; i < limit; i++)
        {
            var c = _text[i];
            if (Numerals.Arabic(c) < 0 && !Numerals.IsChineseNumeral(c) && c is not ('两' or 'o' or 't' or 'f' or 's' or 'e' or 'n')) continue;
            if (i > 0 && (Numerals.IsNumeral(_text[i - 1]) || _text[i - 1] is '近' or '多' or '几' or '第' || char.IsAsciiLetter(_text[i - 1]))) continue;
            var zh = ChineseElapsed().Match(_text, i, Math.Min(8, _text.Length - i));
            var count = zh.Groups[1].Value == "两" ? 2 : Numerals.TryRead(zh.Groups[1].Value, 0, out var n) && n.Length == zh.Groups[1].Length ? n.Value : 0;
            if (zh.Success && count is >= 1 and <= 200)
            {
                // 1999年建交 … 明年是建交25周年: the anniversary year is 2024, so the document's is 2023.
                var shift = zh.Value.EndsWith("周年") ? AnniversaryShift(i) : 0;
                if (shift is { } s) return new YearClue(m.From.Year + count - s, Show(m) + " … " + zh.Value);
                continue;
            }
            var en = EnglishElapsed().Match(_text, i, Math.Min(24, _text.Length - i));
            if (en.Success && en.Index == i)
            {
                var word = en.Groups[1].Value;
                var years = int.TryParse(word, out var v) ? v
                    : Array.IndexOf(EnglishNumbers, word) is var small and > 0 ? small
                    : word switch { "twenty" => 20, "thirty" => 30, "forty" => 40, "fifty" => 50, _ => 0 };
                if (years is >= 1 and <= 200) return new YearClue(m.From.Year + years, Show(m) + " … " + en.Value);
            }
        }
        return null;
    }

    private static readonly string[] Beginnings =
        ["提出", "成立", "建立", "建交", "创办", "创立", "创刊", "签署", "启动", "开通", "建成", "诞生", "开始", "实施", "发起", "举办", "开幕",
         "founded", "established", "launched", "signed", "began", "created", "opened"];

    private bool OpensSomething(DateMention m)
    {
        var end = SentenceEnd(m.End);
        var start = m.Start;
        while (start > 0 && "。！？\n".IndexOf(_text[start - 1]) < 0) start--;
        var sentence = _text.AsSpan(start, end - start);
        foreach (var w in Beginnings)
            if (sentence.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// 明年是建交30周年, 去年是…: the anniversary falls in another year than the document's, by this many years; null
    /// when the sentence names two of them (去年…明年).
    /// </summary>
    private int? AnniversaryShift(int at)
    {
        var start = at;
        while (start > 0 && "。！？\n".IndexOf(_text[start - 1]) < 0) start--;
        var clause = _text.AsSpan(start, at - start);
        int? shift = 0;
        foreach (var (word, years) in OtherYears)
            if (clause.Contains(word, StringComparison.Ordinal))
                shift = shift == 0 ? years : null;
        return shift;
    }

    private static readonly (string Word, int Years)[] OtherYears = [("明年", 1), ("去年", -1), ("后年", 2), ("前年", -2)];

    private int SentenceEnd(int from)
    {
        var i = Math.Min(from, _text.Length);
        while (i < _text.Length && "。！？\n".IndexOf(_text[i]) < 0 && !(_text[i] == '.' && At(i + 1) is ' ' or '\n')) i++;
        return i;
    }
}

/// <summary>Calendar arithmetic that answers null instead of throwing at the ends of the calendar or on a day a month lacks.</summary>
internal static class DocumentDateMath
{
    public static DateOnly? Day(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    public static DateOnly? AddDays(DateOnly day, long days)
    {
        var n = day.DayNumber + days;
        return n < DateOnly.MinValue.DayNumber || n > DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber((int)n);
    }
}

