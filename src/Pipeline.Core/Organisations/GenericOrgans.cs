namespace Pipeline.Organisations;

/// <summary>
/// A kind of organ named without the body it belongs to: 人民法院 in 移交人民法院审理, 上级人民法院, 当地公安机关,
/// 中央政府. Every county has a 人民法院 and every city a 公安局, so the words name a class, not an organisation;
/// ANNOTATION.md makes such generic descriptions optional and the annotated news (People's Daily) leaves them out.
/// (It annotates 人民检察院 alone as a body, so that one is not on the list.)
/// The organ is generic when nothing before it in the span names whose it is: only a rank or level (上级, 二审,
/// 省), or the end of a verb or preposition that introduced it (移交, 申请, 经). A place, a name or a number before
/// it makes it one body: 北京市第二中级人民法院, 南宁市公安局, 香港特区政府.
/// </summary>
public static class GenericOrgans
{
    // Longest first, so the organ found at the end is the whole one (中级人民法院 before 人民法院).
    private static readonly string[] Organs =
    [
        "中级人民法院", "高级人民法院", "基层人民法院", "农村信用社", "人大常委会", "人民法院", "人民政府",
        "公安机关", "司法机关", "中央政府", "地方政府", "特区政府", "武警部队", "公安分局", "集团公司", "航空公司",
        "研究中心", "公安局", "税务局", "工商局", "卫生局", "检察院", "信用社", "常委会", "派出所", "分公司", "博物院", "博物馆",
        "奥组委", "组委会", "法院", "政府", "公司",
    ];

    // A rank, level or pointer before an organ: which court, not whose.
    private static readonly string[] Modifiers =
    [
        "上级", "下级", "同级", "本级", "各级", "一审", "二审", "终审", "基层", "当地", "地方", "有关", "省级", "市级",
        "县级", "中央", "农村", "省", "市", "县", "区", "乡", "镇",
    ];

    // Last characters of the verbs and prepositions that introduce an organ (移交, 申请, 起诉, 经, 待, 送至).
    private const string VerbEnds = "交请诉经待到往赴送至";

    /// <summary>Is the span a generic organ (人民法院, 上级人民法院, 交人民法院 cut from 移交人民法院)?</summary>
    public static bool IsGeneric(ReadOnlySpan<char> name)
    {
        var organ = OrganAtEnd(name);
        if (organ == 0) return false;
        var rest = name[..^organ];
        while (ModifierAtEnd(rest) is var m && m > 0) rest = rest[..^m];
        if (rest.IsEmpty) return true;
        var last = rest[^1];
        return VerbEnds.Contains(last) || OrgCandidateGenerator.IsChineseStop(last) && !EndsWithPlace(rest);
    }

    /// <summary>埃及 ends in 及 but is a place: 中建埃及分公司 is a body.</summary>
    private static bool EndsWithPlace(ReadOnlySpan<char> rest)
    {
        for (var n = 2; n <= Math.Min(4, rest.Length); n++)
            if (Places.IsPlace(rest[^n..].ToString())) return true;
        return false;
    }

    private static int OrganAtEnd(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty) return 0;
        var last = name[^1];
        // Asked of every candidate span: the last character rules out most organs before a string comparison.
        foreach (var o in Organs)
            if (o[^1] == last && name.EndsWith(o, StringComparison.Ordinal)) return o.Length;
        return 0;
    }

    private static int ModifierAtEnd(ReadOnlySpan<char> rest)
    {
        foreach (var m in Modifiers)
            if (rest.Length >= m.Length && rest.EndsWith(m, StringComparison.Ordinal)) return m.Length;
        return 0;
    }
}
