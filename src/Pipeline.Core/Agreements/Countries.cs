using Pipeline.Model;
using System.Text.RegularExpressions;

namespace Pipeline.Agreements;

/// <summary>General knowledge: country names (Chinese and English), their short forms and adjectives, mapped to one name per language.</summary>
public static partial class Countries
{
    // Chinese name | English name | other Chinese forms | other English forms (names and adjectives)
    private const string Table = """
        中国|China|中华人民共和国,我国,中方|People's Republic of China,Chinese,PRC
        美国|United States|美利坚合众国,美方|United States of America,U.S.,US,USA,U.S.A.,America,American
        俄罗斯|Russia|俄罗斯联邦,俄方|Russian Federation,Russian
        加拿大|Canada||Canadian
        墨西哥|Mexico|墨方|Mexican
        日本|Japan|日方|Japanese
        韩国|South Korea|大韩民国,韩方|Republic of Korea,ROK,Korean
        朝鲜|North Korea|朝鲜民主主义人民共和国|DPRK
        印度|India|印方|Indian
        巴基斯坦|Pakistan||Pakistani
        英国|United Kingdom|英方|UK,U.K.,Britain,Great Britain,British
        法国|France|法方|French
        德国|Germany|德方|German
        意大利|Italy||Italian
        西班牙|Spain||Spanish
        葡萄牙|Portugal||Portuguese
        荷兰|Netherlands||Dutch
        比利时|Belgium||Belgian
        瑞士|Switzerland||Swiss
        瑞典|Sweden|瑞典王国|Kingdom of Sweden,Swedish
        芬兰|Finland|芬兰共和国|Republic of Finland,Finnish
        挪威|Norway||Norwegian
        丹麦|Denmark||Danish
        波兰|Poland||Polish
        匈牙利|Hungary||Hungarian
        捷克|Czech Republic||Czech
        希腊|Greece||Greek
        土耳其|Turkey|土耳其共和国|Türkiye,Turkish
        乌克兰|Ukraine||Ukrainian
        白俄罗斯|Belarus||Belarusian
        哈萨克斯坦|Kazakhstan||Kazakh
        吉尔吉斯斯坦|Kyrgyzstan||Kyrgyz
        塔吉克斯坦|Tajikistan||Tajik
        乌兹别克斯坦|Uzbekistan||Uzbek
        土库曼斯坦|Turkmenistan||Turkmen
        蒙古国|Mongolia|蒙古|Mongolian
        阿富汗|Afghanistan||Afghan
        伊朗|Iran||Iranian
        伊拉克|Iraq||Iraqi
        沙特阿拉伯|Saudi Arabia|沙特|Saudi
        阿联酋|United Arab Emirates|阿拉伯联合酋长国|UAE
        以色列|Israel||Israeli
        埃及|Egypt||Egyptian
        南非|South Africa||South African
        尼日利亚|Nigeria||Nigerian
        埃塞俄比亚|Ethiopia||Ethiopian
        肯尼亚|Kenya||Kenyan
        巴西|Brazil||Brazilian
        阿根廷|Argentina||Argentine
        智利|Chile||Chilean
        秘鲁|Peru||Peruvian
        哥伦比亚|Colombia||Colombian
        古巴|Cuba||Cuban
        委内瑞拉|Venezuela||Venezuelan
        澳大利亚|Australia|澳洲|Australian
        新西兰|New Zealand||New Zealander
        印度尼西亚|Indonesia|印尼|Indonesian
        马来西亚|Malaysia||Malaysian
        新加坡|Singapore||Singaporean
        泰国|Thailand||Thai
        越南|Vietnam|越方|Viet Nam,Vietnamese
        菲律宾|Philippines||Philippine,Filipino
        柬埔寨|Cambodia||Cambodian
        老挝|Laos||Lao
        缅甸|Myanmar||Burmese
        文莱|Brunei||Bruneian
        斐济|Fiji||Fijian
        巴布亚新几内亚|Papua New Guinea||
        萨摩亚|Samoa||Samoan
        汤加|Tonga||Tongan
        瓦努阿图|Vanuatu||
        所罗门群岛|Solomon Islands||
        基里巴斯|Kiribati||
        图瓦卢|Tuvalu||
        瑙鲁|Nauru||
        帕劳|Palau||
        马绍尔群岛|Marshall Islands|马绍尔群岛共和国|Republic of the Marshall Islands
        库克群岛|Cook Islands||
        纽埃|Niue||
        格鲁吉亚|Georgia||Georgian
        塞尔维亚|Serbia||Serbian
        奥地利|Austria||Austrian
        爱尔兰|Ireland||Irish
        孟加拉国|Bangladesh||Bangladeshi
        斯里兰卡|Sri Lanka||Sri Lankan
        尼泊尔|Nepal||Nepalese
        阿尔及利亚|Algeria||Algerian
        摩洛哥|Morocco||Moroccan
        叙利亚|Syria||Syrian
        约旦|Jordan||Jordanian
        卡塔尔|Qatar||Qatari
        科威特|Kuwait||Kuwaiti
        阿曼|Oman||Omani
        克罗地亚|Croatia||Croatian
        厄瓜多尔|Ecuador||Ecuadorian
        洪都拉斯|Honduras||Honduran
        尼加拉瓜|Nicaragua||Nicaraguan
        毛里求斯|Mauritius||Mauritian
        马尔代夫|Maldives||Maldivian
        罗马尼亚|Romania||Romanian
        保加利亚|Bulgaria||Bulgarian
        斯洛文尼亚|Slovenia||Slovenian
        阿塞拜疆|Azerbaijan||Azerbaijani
        亚美尼亚|Armenia||Armenian
        塞浦路斯|Cyprus||Cypriot
        冰岛|Iceland||Icelandic
        爱沙尼亚|Estonia||Estonian
        拉脱维亚|Latvia||Latvian
        立陶宛|Lithuania||Lithuanian
        乌拉圭|Uruguay||Uruguayan
        巴拿马|Panama||Panamanian
        哥斯达黎加|Costa Rica||Costa Rican
        坦桑尼亚|Tanzania||Tanzanian
        安哥拉|Angola||Angolan
        塞内加尔|Senegal||Senegalese
        加纳|Ghana||Ghanaian
        """;

    private sealed record Country(string Chinese, string English);

    private static readonly List<(string Form, Country Country)> Forms = Parse();

    private static List<(string, Country)> Parse()
    {
        var forms = new List<(string, Country)>();
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            var country = new Country(f[0], f[1]);
            forms.Add((f[0], country));
            forms.Add((f[1], country));
            foreach (var extra in f[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Concat(f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)))
                forms.Add((extra.Trim(), country));
        }
        return forms.OrderByDescending(x => x.Item1.Length).ToList();
    }

    /// <summary>A country mention found in text, with its name in the requested language.</summary>
    public readonly record struct CountryMention(int Start, int End, string Name);

    private static readonly NameOccurrences FormOccurrences = new(Forms.Select(f => f.Form));

    /// <summary>Countries named in text[start..end), longest form first, non-overlapping, in text order.</summary>
    public static List<CountryMention> FindIn(string text, int start, int end, bool chinese)
    {
        var found = new List<CountryMention>();
        // Mentions found never overlap, so the characters they cover answer "does this one overlap a found one?".
        System.Collections.BitArray? covered = null;
        // Form by form in the list's order (the longest first), each form's occurrences from the left.
        foreach (var (s, index) in FormOccurrences.In(text, start, end).OrderBy(o => o.Name).ThenBy(o => o.Start))
        {
            var (form, country) = Forms[index];
            var i = s - start;
            if (!Scripts.HasHan(form) && !IsWholeWord(text.AsSpan(start, end - start), i, form.Length)) continue;
            covered ??= new System.Collections.BitArray(end - start);
            if (AnyCovered(covered, i, i + form.Length)) continue;
            for (var k = i; k < i + form.Length; k++) covered[k] = true;
            found.Add(new CountryMention(s, s + form.Length, chinese ? country.Chinese : country.English));
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    private static bool AnyCovered(System.Collections.BitArray covered, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (covered[i]) return true;
        return false;
    }

    /// <summary>The country a whole phrase names ("the United States of America" → "United States"), or null.</summary>
    public static string? Name(string phrase, bool chinese)
    {
        var p = phrase.Trim();
        if (p.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) p = p[4..];
        if (Exact(p, chinese) is { } exact) return exact;
        if (!Scripts.HasHan(p)) return Exact(StateFormStripped(p), chinese);
        // 中华人民共和国政府 → 中华人民共和国 → 中国; 哈萨克斯坦共和国政府 → 哈萨克斯坦共和国 → 哈萨克斯坦.
        var envoy = ChineseEnvoy().Match(p);
        var state = envoy.Success && envoy.Index >= 2 ? p[..envoy.Index] : p;
        if (state != p && Exact(state, chinese) is { } named) return named;
        return Exact(StateFormStripped(state), chinese);
    }

    private static readonly Lazy<HashSet<string>> FormSet = new(() => [.. Forms.Select(f => f.Item1)]);

    /// <summary>Is the phrase exactly a country's name, short form or adjective (中国, Philippines, British)?</summary>
    public static bool IsCountryForm(string phrase) => FormSet.Value.Contains(phrase);

    private static string? Exact(string p, bool chinese)
    {
        foreach (var (form, country) in Forms)
            if (form == p) return chinese ? country.Chinese : country.English;
        return null;
    }

    [GeneratedRegex(@"^(?:(?:the\s+)?(?:Government|Governments|Republic|Kingdom|State|Federal Republic|Socialist Republic|Commonwealth|Federation|Islamic Republic|Democratic Republic|Grand Duchy|Principality|Sultanate)\s+of\s+(?:the\s+)?)+")]
    private static partial Regex EnglishStateForm();

    // 哈萨克斯坦共和国政府, 塞尔维亚方, 白俄罗斯外长: the country with its form of state, its government or its envoy.
    [GeneratedRegex("(?:政府|方面|方|外长|外交部长|外交部|总统|总理|首相|元首|领导人|代表团|代表|大使|部长)+$")]
    private static partial Regex ChineseEnvoy();

    [GeneratedRegex("(?:共和国|王国|联邦|合众国|大公国|苏丹国)$")]
    private static partial Regex ChineseStateForm();

    /// <summary>"Government of the Republic of Croatia" → "Croatia"; "哈萨克斯坦共和国政府" → "哈萨克斯坦".</summary>
    public static string StateFormStripped(string phrase)
    {
        if (Scripts.HasHan(phrase))
        {
            var m = ChineseStateForm().Match(phrase);
            return m.Success && m.Index >= 2 ? phrase[..m.Index] : phrase;
        }
        return EnglishStateForm().Replace(phrase, "");
    }

    /// <summary>"哈": the country of the document whose Chinese name begins with the character (中 is China).</summary>
    public static string? ByInitial(char initial, IEnumerable<string> documentCountries) =>
        initial == '中' ? "中国" : documentCountries.FirstOrDefault(c => c[0] == initial);

    // A word of the text searched (text[start..end) of FindIn): its edges are the edges of words.
    private static bool IsWholeWord(ReadOnlySpan<char> s, int i, int length)
    {
        static bool Word(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);
        if (i > 0 && (Word(s[i - 1]) || s[i - 1] == '.')) return false;
        var after = i + length;
        if (after < s.Length && Word(s[after])) return false;
        // "U.S.-Pacific" names the United States; "US-based" too, but not "USA" inside a longer word.
        return true;
    }
}
