namespace Pipeline.Organisations;

/// <summary>
/// Country and province names: not organisations themselves, but the prefix that tells "中国政府" or
/// "美国司法部" (a state organ written with its country) from a name of its own.
/// </summary>
public static class Places
{
    public static readonly string[] CountryNames =
    [
        "中华人民共和国", "中国", "我国", "美国", "英国", "法国", "德国", "日本", "俄罗斯", "俄", "印度", "巴西", "南非", "加拿大",
        "澳大利亚", "新西兰", "意大利", "西班牙", "葡萄牙", "荷兰", "比利时", "瑞士", "瑞典", "挪威", "芬兰", "丹麦", "波兰",
        "奥地利", "希腊", "土耳其", "伊朗", "伊拉克", "叙利亚", "以色列", "巴勒斯坦", "埃及", "沙特", "沙特阿拉伯", "阿联酋",
        "卡塔尔", "科威特", "约旦", "黎巴嫩", "巴基斯坦", "阿富汗", "孟加拉国", "斯里兰卡", "尼泊尔", "缅甸", "泰国", "越南",
        "老挝", "柬埔寨", "马来西亚", "新加坡", "印度尼西亚", "印尼", "菲律宾", "文莱", "东帝汶", "朝鲜", "韩国", "蒙古",
        "哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "乌兹别克斯坦", "土库曼斯坦", "乌克兰", "白俄罗斯", "墨西哥", "古巴",
        "阿根廷", "智利", "秘鲁", "哥伦比亚", "委内瑞拉", "尼日利亚", "埃塞俄比亚", "肯尼亚", "坦桑尼亚", "安哥拉",
        "阿尔及利亚", "摩洛哥", "突尼斯", "利比亚", "苏丹", "津巴布韦", "赞比亚", "莫桑比克", "加纳", "塞内加尔",
        "斐济", "巴布亚新几内亚", "萨摩亚", "汤加", "瓦努阿图", "所罗门群岛", "爱尔兰", "匈牙利", "捷克", "罗马尼亚",
        "保加利亚", "塞尔维亚", "克罗地亚", "北京", "上海", "天津", "重庆", "香港", "澳门", "台湾", "广东", "江苏", "浙江",
        "山东", "河南", "河北", "湖南", "湖北", "四川", "福建", "安徽", "江西", "辽宁", "吉林", "黑龙江", "陕西", "山西",
        "甘肃", "青海", "云南", "贵州", "广西", "海南", "内蒙古", "宁夏", "新疆", "西藏", "华盛顿", "纽约", "伦敦", "巴黎",
        "东京", "莫斯科", "柏林", "加沙", "约旦河西岸", "也门", "索马里", "南苏丹", "刚果（金）", "纳卡", "顿巴斯", "克什米尔",
    ];

    private static readonly HashSet<string> Set = [.. CountryNames];

    private static readonly Dictionary<char, string[]> ByFirstChar =
        CountryNames.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.ToArray());

    public static bool IsPlace(string s) => Set.Contains(s);

    /// <summary>Length of the place name the text starts with at <paramref name="start"/> (longest), or 0.</summary>
    public static int PlaceAt(string text, int start, int limit)
    {
        var best = 0;
        if (start >= text.Length || !ByFirstChar.TryGetValue(text[start], out var names)) return 0;
        foreach (var p in names)
            if (p.Length > best && start + p.Length <= limit && string.CompareOrdinal(text, start, p, 0, p.Length) == 0)
                best = p.Length;
        return best;
    }
}
