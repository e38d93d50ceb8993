using static Pipeline.Dates.TextProbe;
namespace Pipeline.Dates;

/// <summary>
/// Festivals and lunar dates that name a calendar day: 国庆节 (10-01), 春节 and 正月初一 (lunar 1/1),
/// 除夕, 中秋节, 农历八月十五, 大年初三. A festival name alone often names the holiday rather than a day
/// (欢度春节, 五一劳动奖章, 八一飞行表演队), so alone it counts only where the text uses it as a time:
/// after a year (今年国庆节), before 期间/前夕/假期 and the like, or after 在/于/从. Names made of numerals
/// (五一, 八一, 十一) need the narrowest contexts (五一期间, 十一黄金周).
/// </summary>
internal static class ChineseFestivalParser
{
    private enum Use
    {
        Named,    // 国庆节, 春节: a time after a year, a time word, or 在/于
        Context,  // 国庆, 中秋: a time only before a time word or after a year
        Numeric,  // 五一, 八一: a time only before a holiday word, or after a year
        Strict,   // 十一: only 十一期间, 十一黄金周, 十一长假
    }

    private sealed record Festival(string Name, int Month, int Day, bool Lunar, Use Use);

    // Longer names first where one starts another (五一国际劳动节 before 五一).
    private static readonly Festival[] Festivals =
    [
        new("元旦", 1, 1, false, Use.Named),
        new("元宵节", 1, 15, true, Use.Named),
        new("春节", 1, 1, true, Use.Named),
        new("农历新年", 1, 1, true, Use.Named),
        new("除夕", 1, 0, true, Use.Named),
        new("大年三十", 1, 0, true, Use.Named),
        new("端午节", 5, 5, true, Use.Named),
        new("中秋节", 8, 15, true, Use.Named),
        new("中秋", 8, 15, true, Use.Context),
        new("重阳节", 9, 9, true, Use.Named),
        new("国庆节", 10, 1, false, Use.Named),
        new("国庆", 10, 1, false, Use.Context),
        new("国际劳动节", 5, 1, false, Use.Named),
        new("劳动节", 5, 1, false, Use.Named),
        new("五一国际劳动节", 5, 1, false, Use.Named),
        new("五一劳动节", 5, 1, false, Use.Named),
        new("五一", 5, 1, false, Use.Numeric),
        new("建党节", 7, 1, false, Use.Named),
        new("七一", 7, 1, false, Use.Numeric),
        new("建军节", 8, 1, false, Use.Named),
        new("八一建军节", 8, 1, false, Use.Named),
        new("八一", 8, 1, false, Use.Numeric),
        new("国际妇女节", 3, 8, false, Use.Named),
        new("妇女节", 3, 8, false, Use.Named),
        new("三八国际妇女节", 3, 8, false, Use.Named),
        new("三八妇女节", 3, 8, false, Use.Named),
        new("国际儿童节", 6, 1, false, Use.Named),
        new("儿童节", 6, 1, false, Use.Named),
        new("六一国际儿童节", 6, 1, false, Use.Named),
        new("六一儿童节", 6, 1, false, Use.Named),
        new("圣诞节", 12, 25, false, Use.Named),
        new("十一", 10, 1, false, Use.Strict),
    ];

    private static readonly string[] TimeWords =
    [
        "期间", "前夕", "前后", "假期", "长假", "小长假", "黄金周", "当天", "当日", "这天", "那天", "之际", "来临", "到来",
        "临近", "过后", "以来", "零时", "一早", "前", "后",
    ];

    private static readonly string[] HolidayWords = ["期间", "前夕", "前后", "假期", "长假", "小长假", "黄金周", "当天"];

    private static readonly string[] StrictWords = ["期间", "假期", "长假", "小长假", "黄金周"];

    // The characters a festival or a lunar date can start with (大年初, 农历, 正月, 冬月, 腊月): the parser is asked at
    // every date trigger that starts nothing else, so the rest are turned away at once.
    private static readonly System.Buffers.SearchValues<char> Starts =
        System.Buffers.SearchValues.Create(string.Concat(Festivals.Select(f => f.Name[0]).Distinct()) + "大农正冬腊");

    /// <summary>A festival or lunar date standing alone; its year comes from context.</summary>
    public static DateMention? TryParse(string t, int i)
    {
        if (i < 0 || i >= t.Length || !Starts.Contains(t[i])) return null;
        if (TryLunar(t, i, out var end, out var part) || TryFestival(t, i, afterYear: false, out end, out part))
            return new DateMention(i, end, "date:zh-festival", part);
        return null;
    }

    /// <summary>After a year (2018年, 今年): the festival or lunar day of that year; returns false if none.</summary>
    public static bool TryAfterYear(string t, int p, out int end, out int month, out int day, out bool lunar)
    {
        month = day = 0;
        lunar = false;
        if (!TryLunar(t, p, out end, out var part) && !TryFestival(t, p, afterYear: true, out end, out part)) return false;
        (month, day, lunar) = (part.Month, part.Day, part.Lunar);
        return true;
    }



    private static bool TryFestival(string t, int p, bool afterYear, out int end, out DatePart part)
    {
        end = p;
        part = default;
        if (p >= t.Length) return false;
        var c = t[p];
        foreach (var f in Festivals)
        {
            if (f.Name[0] != c || !At(t, p, f.Name)) continue;
            var e = p + f.Name.Length;
            if (!Fits(t, p, e, f.Use, afterYear)) continue;
            part = new DatePart(DateAnchor.YearMissing, 0, 0, f.Month, f.Day, DatePrecision.Day) { Lunar = f.Lunar };
            end = ChineseDateParser.PartOfDay(t, e);
            return true;
        }
        return false;
    }

    private static bool Fits(string t, int start, int end, Use use, bool afterYear)
    {
        if (use is Use.Numeric or Use.Strict && Numerals.IsNumeral(CharAt(t, start - 1))) return false;
        // “五一”期间: the time word may follow the closing quote.
        var next = end;
        if (CharAt(t, next) is '”' or '』' or '」' && CharAt(t, start - 1) is '“' or '『' or '「') next++;
        switch (use)
        {
            case Use.Strict:
                return StrictWords.Any(w => At(t, next, w));
            case Use.Numeric:
                return afterYear || HolidayWords.Any(w => At(t, next, w));
            case Use.Context:
                return afterYear || TimeWords.Any(w => At(t, next, w)) || ChineseDateParser.PartOfDay(t, next) > next;
            default:
                return afterYear || TimeWords.Any(w => At(t, next, w)) || ChineseDateParser.PartOfDay(t, next) > next
                       || CharAt(t, start - 1) is '在' or '于' or '从' or '自' or '至' or '到';
        }
    }

    // ---- lunar dates --------------------------------------------------------------------------

    /// <summary>农历八月十五, 农历正月初一, 正月十五, 腊月二十三, 大年初一.</summary>
    private static bool TryLunar(string t, int p, out int end, out DatePart part)
    {
        end = p;
        part = default;
        int month, q;
        if (At(t, p, "大年初"))
        {
            if (!Numerals.TryRead(t, p + 3, out var n) || n.Value is < 1 or > 10 || n.Style == NumeralStyle.Arabic || n.Length != 1)
                return false;
            part = Lunar(1, n.Value);
            end = ChineseDateParser.PartOfDay(t, p + 4);
            return true;
        }
        if (At(t, p, "农历"))
        {
            if (!TryLunarMonth(t, p + 2, true, out q, out month)) return false;
        }
        else if (!TryLunarMonth(t, p, false, out q, out month)) return false;
        if (!TryLunarDay(t, q, out var e, out var day)) return false;
        part = Lunar(month, day);
        end = ChineseDateParser.PartOfDay(t, e);
        return true;
    }

    private static DatePart Lunar(int month, int day) =>
        new(DateAnchor.YearMissing, 0, 0, month, day, DatePrecision.Day) { Lunar = true };

    private static bool TryLunarMonth(string t, int p, bool afterNongli, out int end, out int month)
    {
        end = p + 2;
        month = CharAt(t, p + 1) != '月' ? 0 : CharAt(t, p) switch { '正' => 1, '冬' => 11, '腊' => 12, _ => 0 };
        if (month > 0) return true;
        if (!afterNongli || !Numerals.TryRead(t, p, out var n) || n.Value is < 1 or > 12 || CharAt(t, p + n.Length) != '月') return false;
        if (n.Style == NumeralStyle.ChineseDigits && n.Length > 1 || n.Style == NumeralStyle.Arabic && n.Length > 2) return false;
        month = n.Value;
        end = p + n.Length + 1;
        return true;
    }

    /// <summary>初一…初十, 十一…三十, 廿三, 15 (with or without 日).</summary>
    private static bool TryLunarDay(string t, int p, out int end, out int day)
    {
        end = p;
        day = 0;
        if (CharAt(t, p) == '初')
        {
            if (!Numerals.TryRead(t, p + 1, out var n) || n.Length != 1 || n.Value is < 1 or > 10 || n.Style == NumeralStyle.Arabic)
                return false;
            day = n.Value;
            end = p + 2;
        }
        else if (CharAt(t, p) == '廿')
        {
            var d = Numerals.ChineseDigit(CharAt(t, p + 1));
            (day, end) = d >= 1 ? (20 + d, p + 2) : (20, p + 1);
        }
        else if (Numerals.TryRead(t, p, out var n) && n.Value is >= 1 and <= 30)
        {
            var plain = n.Style == NumeralStyle.ChineseCounted || n.Style == NumeralStyle.Arabic && n.Length <= 2;
            // A lone Chinese digit is a day only with 日 (正月五日), not as the start of a count (腊月三个).
            if (!plain && !(n.Style == NumeralStyle.ChineseDigits && n.Length == 1 && CharAt(t, p + 1) == '日')) return false;
            day = n.Value;
            end = p + n.Length;
        }
        else return false;
        if (CharAt(t, end) == '日') end++;
        return true;
    }
}
