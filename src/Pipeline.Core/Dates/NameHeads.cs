namespace Pipeline.Dates;

/// <summary>
/// A date is never cut out of a name. A century or a decade written straight before words that end in the head
/// word of an organisation or a publication (21世纪经济报道, 20世纪福克斯公司, 21世纪教育研究院) is the first word of
/// that name, not a time: as a time it is followed by a particle, a verb, a part of the period or punctuation
/// (21世纪的中国, 进入21世纪，, 20世纪80年代中期), or by words that name no body (21世纪海上丝绸之路). Years are left
/// alone: "2019年中国银行…" is mostly "in 2019, the Bank of China…".
/// </summary>
internal static class NameHeads
{
    private static readonly string[] Heads =
    [
        "报道", "日报", "时报", "晚报", "周报", "商报", "导报", "周刊", "月刊", "杂志", "画报", "报社", "通讯社", "网",
        "电视台", "电台", "出版社", "书店", "公司", "集团", "银行", "研究院", "研究所", "研究中心", "学院", "大学", "中学",
        "小学", "学校", "基金会", "协会", "学会", "促进会", "联合会", "俱乐部", "中心", "影业", "影城", "不动产", "议程",
    ];

    // What a time is followed by and a name's next character never is.
    private const string TimeFollowers = "的是在和与及或以来前后里内中初末上下到至起之将已为把被对向从由等并也都就而又于给让使，。；：、！？ ";

    private const int LongestName = 10;

    public static bool StartsAName(string text, DateMention m)
    {
        if (m.IsRange || m.From.Precision is not (DatePrecision.Century or DatePrecision.Decade)) return false;
        if (m.End >= text.Length || TimeFollowers.Contains(text[m.End]) || !IsHan(text[m.End])) return false;
        for (var end = m.End + 1; end <= text.Length && end - m.End <= LongestName && IsHan(text[end - 1]); end++)
            foreach (var head in Heads)
                if (end - head.Length >= m.End && string.CompareOrdinal(text, end - head.Length, head, 0, head.Length) == 0
                    && (end == text.Length || !IsHan(text[end]) || !ContinuesHead(head, text[end])))
                    return true;
        return false;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>网 in 网络, 中心 in 中心城市: the head character opens a longer common word.</summary>
    private static bool ContinuesHead(string head, char next) => head switch
    {
        "网" => "络友民点页站上".Contains(next),
        "中心" => "城地区位".Contains(next),
        _ => false,
    };
}
