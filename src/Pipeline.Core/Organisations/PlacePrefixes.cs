using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// Whether a place written before a Chinese organisation name is part of it. 埃及国民银行, 非洲进出口银行, 希腊议会: an
/// institution whose name is a kind (a national bank, an export-import bank, a parliament) has its place as the only
/// proper part of its name, so the place belongs to the span (<see cref="Extend"/>; where the spec makes a state organ
/// with its country optional, 中国外交部, the longer span costs nothing). A name of its own after a foreign country stays
/// without it, as the spec's 英国路透社 → 路透社 (<see cref="WithoutForeignCountry"/>: 德国舍弗勒集团 → 舍弗勒集团), unless
/// it is that country's own institution or industry (德国电信, 法国电力公司).
/// </summary>
public static class PlacePrefixes
{
    // Kinds of institution every country or region may have one of, longest first.
    private static readonly string[] Kinds =
    [
        "国家石油公司", "社会科学院", "国家博物馆", "国家图书馆", "国家美术馆", "进出口银行", "国民银行", "中央银行", "国家银行",
        "储备银行", "开发银行", "发展银行", "国民议会", "最高法院", "宪法法院", "国家电视台", "广播公司", "通讯社", "科学院",
        "工程院", "议会", "国会", "参议院", "众议院",
    ];

    // Regions that own such institutions as countries do (非洲开发银行, 亚洲开发银行, 泛美开发银行).
    private static readonly string[] Regions = ["非洲", "亚洲", "欧洲", "美洲", "拉美", "泛美", "加勒比", "中东", "东非", "西非", "南部非洲"];

    // Foreign countries whose name, written before a name of the body's own, is no part of it (德国舍弗勒集团 → 舍弗勒集团).
    private static readonly HashSet<string> ForeignCountries =
    [
        "美国", "英国", "法国", "德国", "日本", "俄罗斯", "印度", "巴西", "加拿大", "澳大利亚", "意大利", "西班牙", "荷兰", "比利时",
        "瑞士", "瑞典", "挪威", "芬兰", "丹麦", "奥地利", "韩国", "新加坡", "以色列", "土耳其", "沙特", "阿联酋", "卡塔尔",
    ];

    // First words of a name that is the country's own institution or industry (德国电信, 法国电力公司, 英国保守党), which keeps its country.
    private static readonly string[] NationalStems =
    [
        "电信", "电力", "航空", "石油", "天然气", "铁路", "邮政", "电视", "广播", "国家", "国民", "中央", "联邦", "皇家", "国际", "能源",
        "核", "钢铁", "汽车", "银行", "保险", "农业", "工业", "商业", "开发", "发展", "进出口", "投资", "电气", "人民", "共产", "社会",
        "民主", "自由", "工党", "保守", "绿党", "议会", "外交", "国防", "驻", "大使馆", "领事馆", "政府", "总统", "首相", "内阁", "军",
        "海军", "空军", "陆军", "商会", "工商", "中华", "华人", "华侨", "科学", "工程", "医学", "红十字", "通讯", "通信", "传媒",
        "新闻", "全国",
    ];

    private static readonly string[] CompanyEndings = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司"];

    /// <summary>
    /// The ORG entities the rules and models were unsure of (not the gazetteer's), with a foreign country written before a
    /// name of the body's own left out of the span.
    /// </summary>
    public static ImmutableArray<Entity> WithoutForeignCountry(string text, ImmutableArray<Entity> entities)
    {
        ImmutableArray<Entity>.Builder? changed = null;
        for (var i = 0; i < entities.Length; i++)
        {
            var e = entities[i];
            if (e.Type != EntityTypes.Org || e.Source is RuleIds.OrgGazetteer or RuleIds.OrgSubUnit) continue;
            var place = Places.PlaceAt(text, e.Start, e.End);
            if (place == 0 || !ForeignCountries.Contains(text.Substring(e.Start, place))) continue;
            var rest = text.AsSpan(e.Start + place, e.End - e.Start - place);
            var stem = rest;
            foreach (var ending in CompanyEndings)
                if (stem.EndsWith(ending, StringComparison.Ordinal))
                {
                    stem = stem[..^ending.Length];
                    break;
                }
            if (stem.Length < 2 || stem.Length == rest.Length || IsKind(rest) || Places.PlaceAt(text, e.Start + place, e.End) > 0) continue;
            var national = false;
            foreach (var word in NationalStems)
                if (stem.StartsWith(word, StringComparison.Ordinal))
                {
                    national = true;
                    break;
                }
            if (national) continue;
            changed ??= entities.ToBuilder();
            var span = rest.ToString();
            changed[i] = e with { Start = e.Start + place, Text = span, Canonical = span, CanonicalEn = null };
        }
        return changed?.ToImmutable() ?? entities;
    }

    private static bool IsKind(ReadOnlySpan<char> name)
    {
        foreach (var kind in Kinds)
            if (name.SequenceEqual(kind)) return true;
        return false;
    }

    /// <summary>The ORG entities with the place before a kind-named institution taken into the span (others unchanged).</summary>
    public static ImmutableArray<Entity> Extend(string text, ImmutableArray<Entity> entities)
    {
        ImmutableArray<Entity>.Builder? changed = null;
        for (var i = 0; i < entities.Length; i++)
        {
            var e = entities[i];
            if (e.Type != EntityTypes.Org || PlaceBefore(text, e) is not { } start) continue;
            // Nothing else may lie on the place (an entity of its own there keeps it).
            if (entities.Any(o => !ReferenceEquals(o, e) && o.End > start && o.Start < e.Start)) continue;
            changed ??= entities.ToBuilder();
            var span = text[start..e.End];
            changed[i] = e with { Start = start, Text = span, Canonical = span, CanonicalEn = null };
        }
        return changed?.ToImmutable() ?? entities;
    }

    private static int? PlaceBefore(string text, Entity e)
    {
        if (!IsKind(text.AsSpan(e.Start, e.End - e.Start))) return null;
        foreach (var region in Regions)
            if (e.Start >= region.Length && text.AsSpan(e.Start - region.Length, region.Length).SequenceEqual(region))
                return e.Start - region.Length;
        // The longest place that ends right before the name.
        for (var start = Math.Max(0, e.Start - 8); start < e.Start; start++)
            if (Places.PlaceAt(text, start, e.Start) == e.Start - start && text[start..e.Start] != "我国")
                return start;
        return null;
    }
}
