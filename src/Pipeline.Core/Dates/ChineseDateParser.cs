using static Pipeline.Dates.TextProbe;
namespace Pipeline.Dates;

/// <summary>
/// Reads one Chinese date expression forward from a trigger character: an optional year
/// (2014年, 一九九八年, 今年), month (9月, 十一月, 上月), day (3日, 二十三日, 今天), the part
/// of a month or year (初, 下旬, 上半年), a part of the day (下午), and a range tail (至30日).
/// Each step either consumes characters or leaves the cursor where it was: no backtracking.
/// </summary>
internal static class ChineseDateParser
{
    private const string RangeWords = "至到—–-－~～";

    public static DateMention? TryParse(string t, int i)
    {
        if (i > 0 && !CanStartAfter(t[i - 1], t[i])) return null;
        if (RelativeOnly.Contains(t[i]) && !CanFollowRelative(CharAt(t, i + 1))) return null;
        if (TryExpression(t, i, out var end, out var part, out var rule))
        {
            if (rule == "date:zh-range")
            {
                TryBareMonthRange(t, IndexAfterYear(t, i), out _, out _, out var last);
                return new DateMention(i, end, rule, part, DatePart.WithoutYear(last, 0));
            }
            if (part.Anchor is not (DateAnchor.DayRelative or DateAnchor.WeekRelative or DateAnchor.PreviousDay)
                && part.Precision >= DatePrecision.Year && TryRangeTail(t, end, part, out var rangeEnd, out var to))
                return new DateMention(i, rangeEnd, "date:zh-range", part, to);
            return new DateMention(i, end, rule, part);
        }
        return TryBareYearRange(t, i) ?? ChineseFestivalParser.TryParse(t, i);
    }

    // Characters that start a date only as the first of a relative word (今天, 上周, 同年, 年底): most of their
    // occurrences in news start none (这个, 上海, 同时, 青年), and every reading below needs, right after them, one of
    // the second characters: 今天 今晨 今晚 昨夜 (relative days), 上周 下星期 (weeks), 上世纪 上个世纪 (centuries), 去年 同年
    // (years), 上半年 前三季度 前两季度 前10个月 年底 (parts of a year), 同月 上月 下个月 (months). No numeral or festival
    // starts with them (元 and 两 do, and are not among them).
    private static readonly System.Buffers.SearchValues<char> RelativeOnly =
        System.Buffers.SearchValues.Create("今去明前后本上下当次同昨翌这年");

    private static readonly System.Buffers.SearchValues<char> RelativeSeconds =
        System.Buffers.SearchValues.Create("天日晨晚夜周星世个年半内底末初月两");

    private static bool CanFollowRelative(char next) => RelativeSeconds.Contains(next) || Numerals.IsNumeral(next);

    private static bool CanStartAfter(char previous, char c)
    {
        if (Numerals.Arabic(c) >= 0)
            return Numerals.Arabic(previous) < 0 && previous is not ('.' or '．' or '第' or ',' or '/' or ':');
        if (Numerals.IsChineseNumeral(c))
            return !Numerals.IsChineseNumeral(previous) && previous is not ('第' or '统' or '同' or '唯' or '每' or '单' or '逐' or '周' or '星' or '初');
        return true;
    }

    private static bool TryExpression(string t, int p, out int end, out DatePart part, out string rule)
    {
        if (TryImpossible(t, p, out end, out part))
        {
            rule = "date:zh-impossible";
            return true;
        }
        rule = "date:relative";
        if (TryRelativeDay(t, p, out end, out part)) return true;
        if (TryRelativeWeek(t, p, out end, out part)) return true;
        if (TryCenturyOrDecade(t, p, out end, out part))
        {
            rule = "date:zh-decade";
            return true;
        }
        if (TryYear(t, p, out var q, out part))
        {
            var relative = part.Anchor is DateAnchor.YearRelative or DateAnchor.PreviousPoint;
            if (TryMonth(t, q, out var q2, out var month))
            {
                if (TryDay(t, q2, true, out var q3, out var day))
                {
                    part = part with { Month = month, Day = day, Precision = DatePrecision.Day };
                    end = PartOfDay(t, q3);
                    rule = relative ? "date:relative" : "date:zh-ymd";
                }
                else
                {
                    part = part with { Month = month, Precision = DatePrecision.Month };
                    end = MonthPart(t, q2);
                    rule = relative ? "date:relative" : "date:zh-ym";
                }
            }
            else if (part.Anchor != DateAnchor.YearMissing && TryBareMonthRange(t, q, out var rangeEnd, out var first, out var last))
            {
                // 今年1至3月, 2019年1—5月: one range of months.
                part = part with { Month = first, Precision = DatePrecision.Month };
                end = rangeEnd;
                rule = "date:zh-range";
                return true;
            }
            else
            {
                end = YearPart(t, q, ref part);
                rule = relative ? "date:relative" : "date:zh-y";
            }
            return true;
        }
        if (TryBareYearPart(t, p, out end))
        {
            // 前三季度, 一季度, 上半年, 前10个月 opening a clause of a report: this year's part, like 今年前三季度.
            part = new DatePart(DateAnchor.YearRelative, 0, 0, 0, 0, DatePrecision.Year);
            return true;
        }
        if (TryAgo(t, p, out end, out part))
        {
            rule = DateRules.Ago;
            return true;
        }
        // 同月, 同月15日: the month of the date before.
        if (CharAt(t, p) == '同' && CharAt(t, p + 1) == '月' && CharAt(t, p - 1) is not ('不' or '相' or '共') && CharAt(t, p + 2) != '份')
        {
            part = new DatePart(DateAnchor.PreviousPoint, 0, 0, 0, 0, DatePrecision.Month);
            if (TryDay(t, p + 2, true, out var q3, out var day))
            {
                part = part with { Day = day, Precision = DatePrecision.Day };
                end = PartOfDay(t, q3);
            }
            else end = MonthPart(t, p + 2);
            return true;
        }
        if (TryRelativeMonth(t, p, out q, out var shift))
        {
            part = new DatePart(DateAnchor.MonthRelative, shift, 0, 0, 0, DatePrecision.Month);
            if (TryDay(t, q, true, out var q3, out var day))
            {
                part = part with { Day = day, Precision = DatePrecision.Day };
                end = PartOfDay(t, q3);
            }
            else end = MonthPart(t, q);
            return true;
        }
        if (TryBareMonthRange(t, p, out var monthRangeEnd, out var firstMonth, out _))
        {
            // 1至5月: the year comes from context like any month without one.
            part = DatePart.WithoutYear(firstMonth, 0);
            end = monthRangeEnd;
            rule = "date:zh-range";
            return true;
        }
        if (TryMonth(t, p, out q, out var m))
        {
            if (TryDay(t, q, true, out var q3, out var day))
            {
                part = DatePart.WithoutYear(m, day);
                end = PartOfDay(t, q3);
                rule = "date:zh-md";
                return true;
            }
            // A bare Chinese-numeral month must not be the tail of a word (统一月).
            var e = MonthPart(t, q);
            if (Numerals.IsChineseNumeral(t[p]) && e == q && q < t.Length && t[q - 1] == '月' && !IsBoundary(t, p - 1))
            {
                part = default;
                return false;
            }
            // 十月革命, 十二月事变: a month naming an event.
            if (At(t, e, "革命") || At(t, e, "事变"))
            {
                part = default;
                return false;
            }
            part = DatePart.WithoutYear(m, 0);
            end = e;
            rule = "date:zh-m";
            return true;
        }
        if (TryDay(t, p, false, out q, out var d))
        {
            part = DatePart.WithoutYear(0, d);
            end = PartOfDay(t, q);
            rule = "date:zh-d";
            return true;
        }
        part = default;
        end = p;
        return false;
    }

    /// <summary>
    /// 13月5日, 2023年0月5日, 1月32日, 2023年13月: written as a date, with a month or day no calendar has. Read whole,
    /// so that no part of it (5日) passes for a date; the resolver gives it no value and the stage a warning.
    /// </summary>
    private static bool TryImpossible(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        var q = p;
        var year = 0;
        if (TryYear(t, p, out var afterYear, out var y) && y.Anchor == DateAnchor.Absolute)
        {
            year = y.Year;
            q = afterYear;
        }
        if (!Numerals.TryRead(t, q, out var month) || month.Length > 2 || month.Style == NumeralStyle.ChineseDigits && month.Length > 1
            || CharAt(t, q + month.Length) != '月')
            return false;
        q += month.Length + 1;
        var day = 0;
        var dayEnd = q;
        if (Numerals.TryRead(t, q, out var d) && d.Length <= 2 && !(d.Style == NumeralStyle.ChineseDigits && d.Length > 1)
            && CharAt(t, q + d.Length) is '日' or '号')
        {
            day = d.Value;
            dayEnd = q + d.Length + 1;
        }
        var badMonth = month.Value is 0 or > 12;
        var badDay = dayEnd > q && day is 0 or > 31;
        // A bad month needs a year or a day beside it to be read as a date at all (13月 alone may be anything).
        if (!(badMonth && (year > 0 || dayEnd > q) || badDay)) return false;
        part = new DatePart(year > 0 ? DateAnchor.Absolute : DateAnchor.YearMissing, 0, year, month.Value, day,
            dayEnd > q ? DatePrecision.Day : DatePrecision.Month);
        end = dayEnd;
        return true;
    }

    private static bool IsBoundary(string t, int i) => i < 0 || t[i] < 0x4E00 || t[i] > 0x9FFF || "在于从自到至是和与及或的年较比同".Contains(t[i]);



    // ---- relative words -------------------------------------------------------------------

    private static readonly (string Word, DateAnchor Anchor, int Shift)[] RelativeDays =
    [
        ("今天", DateAnchor.DayRelative, 0), ("今日", DateAnchor.DayRelative, 0), ("今晨", DateAnchor.DayRelative, 0),
        ("今晚", DateAnchor.DayRelative, 0), ("昨天", DateAnchor.DayRelative, -1), ("昨日", DateAnchor.DayRelative, -1),
        ("昨晚", DateAnchor.DayRelative, -1), ("昨夜", DateAnchor.DayRelative, -1), ("明天", DateAnchor.DayRelative, 1),
        ("明日", DateAnchor.DayRelative, 1), ("明晚", DateAnchor.DayRelative, 1), ("前天", DateAnchor.DayRelative, -2),
        ("后天", DateAnchor.DayRelative, 2), ("当天", DateAnchor.PreviousDay, 0), ("当日", DateAnchor.PreviousDay, 0),
        ("同日", DateAnchor.PreviousDay, 0), ("次日", DateAnchor.PreviousDay, 1), ("翌日", DateAnchor.PreviousDay, 1),
    ];

    // 天然, 天下, 天津 ...: the 天 starts another word.
    private const string NotAfterTian = "然下空文使才津堂涯地鹅性价线坛桥际灾职";

    private static bool TryRelativeDay(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        var c = t[p];
        if (c is not ('今' or '昨' or '明' or '前' or '后' or '当' or '同' or '次' or '翌')) return false;
        foreach (var (word, anchor, shift) in RelativeDays)
        {
            if (word[0] != c || !At(t, p + 1, word[1..])) continue;
            var next = CharAt(t, p + 2);
            var prev = CharAt(t, p - 1);
            if (word[1] == '天' && NotAfterTian.Contains(next) && PartOfDay(t, p + 2) == p + 2) return false;
            if (word[1] == '日' && next is '之' or '元' or '报' or '头') return false;
            // 美好的明天, 中国的今天: figurative, not a day.
            if (word is "明天" or "今天" && (prev == '的' || prev == '好')) return false;
            // 目前天然, 之后天, 雪后天晴: 前/后 closing another word. After a noun (会议前天举行) 前 opens the day; 后 stays
            // doubtful (两岸后天的创造: 后天 is also "acquired").
            if (c == '后' && !IsBoundary(t, p - 1) || c == '前' && !IsBoundary(t, p - 1) && WordsWithQian.Contains(prev)) return false;
            if (word == "同日" && (prev == '不' || next is '而' or '本')) return false; // 不同日, 同日本方
            if (word == "次日" && Numerals.IsNumeral(prev)) return false;                 // 第二十六次日本
            if (word == "今日" && prev == '至' && CharAt(t, p - 2) == '时') return false;   // 时至今日: up to now
            part = new DatePart(anchor, shift, 0, 0, 0, DatePrecision.Day);
            end = word[1] is '天' or '日' ? PartOfDay(t, p + 2) : p + 2;
            return true;
        }
        return false;
    }

    // The characters that make a word with 前 (目前, 之前, 提前, 当前): there 前天 is no day.
    private const string WordsWithQian = "目之以此事提当空面眼跟生从日年史向超领先";

    private static bool TryRelativeWeek(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        var shift = t[p] switch { '上' => -1, '本' => 0, '下' => 1, '这' => 0, _ => 9 };
        if (shift == 9) return false;
        // 一下, 留下: 下 closing a verb (体味一下周总理的话).
        if (t[p] == '下' && "一留剩放打写记拿定立落倒躺坐停降".Contains(CharAt(t, p - 1))) return false;
        int q;
        if (At(t, p + 1, "周")) q = p + 2;
        else if (At(t, p + 1, "星期")) q = p + 3;
        else return false;
        if (WeekdayAt(t, q, At(t, p + 1, "星期")) is var weekday and > 0)
        {
            // 本周一, 上周三, 下星期五: that day of the calendar week (weeks start on Monday); Day is 1 (Monday) to 7.
            part = new DatePart(DateAnchor.WeekRelative, shift, 0, 0, weekday, DatePrecision.Day);
            end = PartOfDay(t, q + 1);
            return true;
        }
        if ("年期边围转刊岁报".Contains(CharAt(t, q)) || Numerals.IsNumeral(CharAt(t, q)) || CharAt(t, q) is '一' or '日' or '天')
            return false;
        if (CharAt(t, q) == '末') q++;
        part = new DatePart(DateAnchor.WeekRelative, shift, 0, 0, 0, DatePrecision.Week);
        end = q;
        return true;
    }

    /// <summary>一 to 六, 日 (and 天 after 星期) naming a weekday, 1 = Monday … 7 = Sunday; 0 when the character opens another word (这周一直, 本周日益).</summary>
    private static int WeekdayAt(string t, int q, bool afterXingqi)
    {
        var c = CharAt(t, q);
        var day = "一二三四五六日".IndexOf(c) + 1;
        if (day == 0 && afterXingqi && c == '天') day = 7;
        if (day == 0) return 0;
        var next = CharAt(t, q + 1);
        if (c == '一' && "直起些样般切度同道定致边天年次周个".Contains(next)) return 0;
        if (c == '日' && "益趋常前后渐夜".Contains(next)) return 0;
        if (c is not ('一' or '日' or '天') && "十百千万个年次周天".Contains(next)) return 0; // 上周三十, 本周五个
        return day;
    }

    /// <summary>三年前, 10年前, 两个月前, 五天前: counted back from the document's day (年前后 and 年前夕 are not).</summary>
    private static bool TryAgo(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        var (count, length) = CharAt(t, p) == '两' ? (2, 1) : Numerals.TryRead(t, p, out var n) ? (n.Value, n.Length) : (0, 0);
        if (count is < 1 or > 200) return false;
        var q = p + length;
        var (unitLength, anchor, precision) = CharAt(t, q) switch
        {
            '年' => (1, DateAnchor.YearRelative, DatePrecision.Year),
            '天' => (1, DateAnchor.DayRelative, DatePrecision.Day),
            '个' when CharAt(t, q + 1) == '月' => (2, DateAnchor.MonthRelative, DatePrecision.Month),
            _ => (0, DateAnchor.Absolute, DatePrecision.Year),
        };
        if (unitLength == 0 || CharAt(t, q + unitLength) != '前' || CharAt(t, q + unitLength + 1) is '后' or '夕') return false;
        part = new DatePart(anchor, -count, 0, 0, 0, precision);
        end = q + unitLength + 1;
        return true;
    }

    private static bool TryRelativeMonth(string t, int p, out int end, out int shift)
    {
        end = p;
        shift = t[p] switch { '上' => -1, '本' => 0, '下' => 1, _ => 9 };
        if (shift == 9) return false;
        int q;
        if (At(t, p + 1, "月")) q = p + 2;
        else if (At(t, p + 1, "个月")) q = p + 3;
        else return false;
        if ("球亮光台色饼".Contains(CharAt(t, q))) return false;
        end = q;
        return true;
    }

    // ---- year, month, day -------------------------------------------------------------------

    private static bool TryYear(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        var shift = 9;
        if (CharAt(t, p + 1) == '年')
        {
            shift = t[p] switch { '今' => 0, '去' => -1, '明' => 1, '前' => -2, '后' => 2, _ => 9 };
            if (shift is -2 or 2 && !IsBoundary(t, p - 1)) shift = 9;
            if (CharAt(t, p + 2) is '代' or '级' or '龄' or '轻' or '纪' or '华') shift = 9;
        }
        if (shift != 9)
        {
            part = new DatePart(DateAnchor.YearRelative, shift, 0, 0, 0, DatePrecision.Year);
            end = p + 2;
            return true;
        }
        // 同年11月, 同年底, 当年: the year of the date before; 不同年, 同年龄, 相当年轻 and 想当年 are not.
        if (CharAt(t, p + 1) == '年' && CharAt(t, p + 2) is not ('龄' or '级' or '代' or '轻' or '纪')
            && (CharAt(t, p) == '同' && CharAt(t, p - 1) is not ('不' or '相' or '共')
                || CharAt(t, p) == '当' && CharAt(t, p - 1) is not ('相' or '应' or '每' or '想' or '适' or '恰')))
        {
            part = new DatePart(DateAnchor.PreviousPoint, 0, 0, 0, 0, DatePrecision.Year);
            end = p + 2;
            return true;
        }
        if (!Numerals.TryRead(t, p, out var n) || n.Style == NumeralStyle.ChineseCounted) return false;
        var q = p + n.Length;
        if (CharAt(t, q) != '年') return false;
        var after = CharAt(t, q + 1);
        // A written-out year stays a year before 来 (1995年来), 多 (比1996年多) and 代表 (1994年代表国家).
        var fullYear = n.Length == 4 && n.Value is >= 1000 and <= 2199 && n.Value % 1000 != 0;
        var staysYear = fullYear && (after is '来' or '多' || after == '代' && CharAt(t, q + 2) == '表');
        if (!staysYear && (after is '代' or '多' or '级' or '龄' or '度' || after == '来' && CharAt(t, q + 2) != '临')) return false;
        // 5000年文明, 1000年历史: a round or early number before these is a length of time.
        if ((At(t, q + 1, "之久") || At(t, q + 1, "历史") || At(t, q + 1, "文明")) && (n.Value % 1000 == 0 || n.Value < 1800))
            return false;
        int year;
        if (n.Length == 4 && n.Value is >= 1000 and <= 2199) year = n.Value;
        else if (n.Length == 2 && TwoDigitYearInContext(t, p, q)) year = n.Value; // century filled in by the resolver
        else return false;
        part = year >= 1000
            ? DatePart.Absolute(year)
            : new DatePart(DateAnchor.YearMissing, 0, year, 0, 0, DatePrecision.Year);
        end = q + 1;
        return true;
    }

    /// <summary>98年 is a year after 在/于/从 or before a month; 30年 alone is a duration.</summary>
    private static bool TwoDigitYearInContext(string t, int p, int yearChar)
    {
        if (TryMonth(t, yearChar + 1, out _, out _)) return true;
        var after = CharAt(t, yearChar + 1);
        if ("间内里后前左之中的".Contains(after)) return false;
        var before = CharAt(t, p - 1);
        return before is '在' or '于' or '从' or '自' or '至' or '到' or '是';
    }

    private static bool TryMonth(string t, int p, out int end, out int month)
    {
        end = p;
        month = 0;
        int q;
        if (At(t, p, "元月")) { month = 1; q = p + 2; }
        else
        {
            if (!Numerals.TryRead(t, p, out var n) || n.Value is < 1 or > 12) return false;
            if (n.Style == NumeralStyle.Arabic ? n.Length > 2 : n.Style == NumeralStyle.ChineseDigits && n.Length > 1) return false;
            q = p + n.Length;
            if (CharAt(t, q) != '月') return false;
            month = n.Value;
            q++;
        }
        if ("球亮光台饼薪票".Contains(CharAt(t, q))) return false;
        if (CharAt(t, q) == '份') q++;
        end = q;
        return true;
    }

    private static bool TryDay(string t, int p, bool afterMonth, out int end, out int day)
    {
        end = p;
        day = 0;
        if (!Numerals.TryRead(t, p, out var n) || n.Value is < 1 or > 31) return false;
        if (n.Style == NumeralStyle.Arabic ? n.Length > 2 : n.Style == NumeralStyle.ChineseDigits && n.Length > 1) return false;
        // 一日三餐, 五日游: a lone Chinese digit is a count unless a month precedes it or the context dates it
        // (于三日, 三日晚, or a news verb right after it: 政府二日发表声明).
        if (!afterMonth && n.Style == NumeralStyle.ChineseDigits && !(CharAt(t, p - 1) is '于' or '自' or '从' or '至' or '到')
            && PartOfDay(t, p + 2) == p + 2 && !StartsNewsVerb(t, p + 2))
            return false;
        var q = p + n.Length;
        var c = CharAt(t, q);
        if (c == '号' ? !afterMonth : c != '日') return false;
        // 十五日内: a time limit, not a day.
        if (!afterMonth && (CharAt(t, q + 1) == '内' || At(t, q + 1, "以内") || At(t, q + 1, "之内"))) return false;
        if (CharAt(t, q + 1) is '元' or '游' or '制' || At(t, q + 1, "以上") && !afterMonth) return false;
        day = n.Value;
        end = q + 1;
        return true;
    }

    private static readonly string[] NewsVerbs =
        ["发表", "发布", "宣布", "表示", "报道", "举行", "会见", "抵达", "签署", "致电", "召开", "公布", "通过", "指出", "强调", "在"];

    private static bool StartsNewsVerb(string t, int p)
    {
        foreach (var v in NewsVerbs)
            if (At(t, p, v)) return true;
        return false;
    }

    // ---- parts of a year, a month, a day -----------------------------------------------------

    private static readonly string[] YearParts =
    [
        "上半年", "下半年", "前三季度", "前两季度", "前二季度", "第一季度", "第二季度", "第三季度", "第四季度",
        "一季度", "二季度", "三季度", "四季度", "年初", "年底", "年末", "年中", "年内", "全年", "同期", "初", "底", "末",
        "春季", "夏季", "秋季", "冬季", "春天", "夏天", "秋天", "冬天", "岁末",
    ];

    private static readonly string[] BareYearParts =
    [
        "上半年", "下半年", "前三季度", "前两季度", "前二季度", "第一季度", "第二季度", "第三季度", "第四季度",
        "一季度", "二季度", "三季度", "四季度", "年内", "年底", "年末", "年初",
    ];

    /// <summary>A part of a year with no year written, only where a clause or a 在/从-phrase opens (not 同一季度).</summary>
    private static bool TryBareYearPart(string t, int p, out int end)
    {
        end = p;
        var before = CharAt(t, p - 1);
        if (p > 0 && before >= 0x4E00 && before <= 0x9FFF && !"在于从自到至和与及或的较比".Contains(before)) return false;
        foreach (var word in BareYearParts)
            if (At(t, p, word))
            {
                // 年初以来, 年初至今: a stretch from an unnamed point (optional in the spec), not the year. ３年内 is a time
                // limit, 一年的年末 any year's.
                if (word == "年初" && (At(t, p + 2, "以来") || At(t, p + 2, "至今"))) return false;
                if (word[0] == '年' && (char.IsLetterOrDigit(before) && before is < '\u4E00' or > '\u9FFF' || before == '的')) return false;
                end = p + word.Length;
                return true;
            }
        if (CharAt(t, p) == '前' && Numerals.TryRead(t, p + 1, out var n) && n.Value is >= 2 and <= 11 && At(t, p + 1 + n.Length, "个月"))
        {
            end = p + 1 + n.Length + 2;
            return true;
        }
        return false;
    }

    // 初步, 初次: 初 opens another word.
    private const string NotAfterChu = "步次级衷心期审稿选赛中始创见学者";

    private static int YearPart(string t, int p, ref DatePart part)
    {
        // 2018年元旦, 今年春节, 2019年农历正月初一: the festival's day in that year.
        if (ChineseFestivalParser.TryAfterYear(t, p, out var festivalEnd, out var month, out var day, out var lunar))
        {
            part = part with { Month = month, Day = day, Precision = DatePrecision.Day, Lunar = lunar };
            return festivalEnd;
        }
        foreach (var word in YearParts)
        {
            if (!At(t, p, word)) continue;
            if (word[^1] == '初' && NotAfterChu.Contains(CharAt(t, p + word.Length))) return p;
            return p + word.Length;
        }
        // 前10个月, 前三个月
        if (CharAt(t, p) == '前' && Numerals.TryRead(t, p + 1, out var n) && At(t, p + 1 + n.Length, "个月"))
            return p + 1 + n.Length + 2;
        return p;
    }

    private static readonly string[] MonthParts = ["中下旬", "上中旬", "上旬", "中旬", "下旬", "初", "底", "末"];

    private static int MonthPart(string t, int p)
    {
        foreach (var word in MonthParts)
        {
            if (!At(t, p, word)) continue;
            if (word == "初" && NotAfterChu.Contains(CharAt(t, p + 1))) return p;
            return p + word.Length;
        }
        return p;
    }

    private static readonly string[] DayParts =
    [
        "上午", "下午", "中午", "晚上", "晚间", "早上", "早晨", "清晨", "凌晨", "傍晚", "夜间", "夜里", "深夜", "白天", "午夜", "晚",
    ];

    internal static int PartOfDay(string t, int p)
    {
        foreach (var word in DayParts)
        {
            if (!At(t, p, word)) continue;
            if (word == "晚" && "会报宴餐饭年辈期清霞".Contains(CharAt(t, p + 1))) return p;
            return p + word.Length;
        }
        return p;
    }

    // ---- centuries and decades ---------------------------------------------------------------

    private static bool TryCenturyOrDecade(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        int q;
        if (At(t, p, "上世纪") || At(t, p, "本世纪"))
        {
            part = new DatePart(DateAnchor.CenturyRelative, t[p] == '上' ? -1 : 0, 0, 0, 0, DatePrecision.Century);
            q = p + 3;
        }
        else if (At(t, p, "上个世纪"))
        {
            part = new DatePart(DateAnchor.CenturyRelative, -1, 0, 0, 0, DatePrecision.Century);
            q = p + 4;
        }
        else if (Numerals.TryRead(t, p, out var n) && n.Value is >= 1 and <= 22 && n.Style != NumeralStyle.ChineseDigits
                 && At(t, p + n.Length, "世纪"))
        {
            part = new DatePart(DateAnchor.Absolute, 0, (n.Value - 1) * 100, 0, 0, DatePrecision.Century);
            q = p + n.Length + 2;
        }
        else if (Numerals.TryRead(t, p, out n) && At(t, p + n.Length, "年代") && n.Value % 10 == 0)
        {
            if (n.Length == 4 && n.Style != NumeralStyle.ChineseCounted && n.Value is >= 1000 and <= 2190)
                part = new DatePart(DateAnchor.Absolute, 0, n.Value, 0, 0, DatePrecision.Decade);
            else if (n.Value is >= 10 and <= 90 && (n.Style == NumeralStyle.ChineseCounted || n.Length == 2))
                part = new DatePart(DateAnchor.YearMissing, 0, n.Value, 0, 0, DatePrecision.Decade);
            else return false;
            end = DecadePart(t, p + n.Length + 2);
            return true;
        }
        else return false;

        // 上世纪90年代, 20世纪八十年代
        if (Numerals.TryRead(t, q, out var d) && d.Value is >= 0 and <= 90 && d.Value % 10 == 0
            && (d.Style == NumeralStyle.ChineseCounted || d.Length == 2) && At(t, q + d.Length, "年代"))
        {
            part = part.Anchor == DateAnchor.Absolute
                ? part with { Year = part.Year + d.Value, Precision = DatePrecision.Decade }
                : part with { Year = d.Value, Precision = DatePrecision.Decade };
            end = DecadePart(t, q + d.Length + 2);
            return true;
        }
        foreach (var word in (string[])["上半叶", "下半叶", "中叶", "初", "末", "中期", "初期", "末期"])
            if (At(t, q, word) && !(word == "初" && NotAfterChu.Contains(CharAt(t, q + 1))))
            {
                q += word.Length;
                break;
            }
        end = q;
        return true;
    }

    private static int DecadePart(string t, int p)
    {
        foreach (var word in (string[])["中后期", "中期", "初期", "末期", "后期", "前期", "初", "末", "中"])
            if (At(t, p, word) && !(word == "初" && NotAfterChu.Contains(CharAt(t, p + 1))) && !(word == "中" && CharAt(t, p + 1) != '，'))
                return p + word.Length;
        return p;
    }

    // ---- ranges ------------------------------------------------------------------------------

    private static bool TryRangeTail(string t, int p, DatePart from, out int end, out DatePart to)
    {
        end = p;
        to = default;
        if (p >= t.Length || !RangeWords.Contains(t[p])) return false;
        var q = p + 1;
        if (t[p] == '—' && CharAt(t, q) == '—') q++;
        if (q >= t.Length) return false;
        // 2016年3月至2017年5月; 今年7月至明年6月 (a relative end only after a relative start: both count from the same date).
        if (TryYear(t, q, out var q2, out var year) &&
            (year.Anchor == DateAnchor.Absolute || year.Anchor == DateAnchor.YearRelative && from.Anchor == DateAnchor.YearRelative))
        {
            if (TryMonth(t, q2, out var q3, out var month))
            {
                if (TryDay(t, q3, true, out var q4, out var day))
                {
                    to = year with { Month = month, Day = day, Precision = DatePrecision.Day };
                    end = PartOfDay(t, q4);
                }
                else
                {
                    to = year with { Month = month, Precision = DatePrecision.Month };
                    end = MonthPart(t, q3);
                }
            }
            else
            {
                to = year;
                end = YearPart(t, q2, ref to);
            }
            return from.Precision >= DatePrecision.Year;
        }
        if (from.Precision < DatePrecision.Month) return false;
        if (TryMonth(t, q, out var r, out var m))
        {
            if (TryDay(t, r, true, out var r2, out var d))
            {
                to = DatePart.WithoutYear(m, d);
                end = PartOfDay(t, r2);
                return from.Precision == DatePrecision.Day;
            }
            to = DatePart.WithoutYear(m, 0);
            end = MonthPart(t, r);
            return from.Precision == DatePrecision.Month;
        }
        if (from.Precision == DatePrecision.Day && TryDay(t, q, true, out var r3, out var day2) && day2 > from.Day)
        {
            to = DatePart.WithoutYear(0, day2);
            end = PartOfDay(t, r3);
            return true;
        }
        return false;
    }

    private static int IndexAfterYear(string t, int p) => TryYear(t, p, out var q, out _) ? q : p;

    /// <summary>1至3月, 1—5月: the first month has no 月.</summary>
    private static bool TryBareMonthRange(string t, int p, out int end, out int first, out int last)
    {
        end = p;
        first = last = 0;
        if (!Numerals.TryRead(t, p, out var a) || a.Value is < 1 or > 12 || a.Length > 2) return false;
        var q = p + a.Length;
        if (q >= t.Length || !RangeWords.Contains(t[q])) return false;
        q++;
        if (!TryMonth(t, q, out var e, out var m) || m <= a.Value) return false;
        first = a.Value;
        last = m;
        end = MonthPart(t, e);
        return true;
    }

    /// <summary>2019—2021年, 2019-2021年, 2019至2021年: the first year has no 年.</summary>
    private static DateMention? TryBareYearRange(string t, int p)
    {
        if (!Numerals.TryRead(t, p, out var a) || a.Style == NumeralStyle.ChineseCounted || a.Length != 4
            || a.Value is < 1000 or > 2199)
            return null;
        var q = p + 4;
        if (q >= t.Length || !RangeWords.Contains(t[q])) return null;
        q++;
        if (t[q - 1] == '—' && CharAt(t, q) == '—') q++;
        if (!TryYear(t, q, out var end, out var to) || to.Anchor != DateAnchor.Absolute || to.Year <= a.Value) return null;
        return new DateMention(p, end, "date:zh-range", DatePart.Absolute(a.Value), to);
    }
}
