using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// Proposes organisation names the gazetteer does not know, from the words organisations end with
/// (…委员会, …银行, … Council, … Cartel) and from acronyms. The rules are sure of the end of a name but
/// rarely of its start, so each suffix yields several candidates with different left boundaries; the
/// one the rules prefer carries the higher rule confidence, and the classify stage picks among them.
/// </summary>
public sealed class OrgCandidateGenerator
{

    /// <summary>Longest name the rules propose, in characters (the longest real ones rarely exceed it).</summary>
    private const int MaxChineseLength = 14;
    private const int MaxEnglishWords = 8;

    // Suffix -> how much the suffix alone says "organisation" (used for the rules' own decision).
    private static readonly (string Suffix, double Strength)[] ChineseSuffixes =
    [
        ("委员会", 0.8), ("理事会", 0.75), ("常委会", 0.7), ("组织", 0.6), ("论坛", 0.55), ("工作组", 0.75),
        ("网络", 0.35), ("联盟", 0.6), ("协会", 0.8), ("学会", 0.7), ("联合会", 0.8), ("商会", 0.7), ("总会", 0.7),
        ("集团", 0.6), ("公司", 0.8), ("大学", 0.85), ("学院", 0.7), ("研究院", 0.75), ("研究所", 0.75),
        ("研究中心", 0.7), ("银行", 0.8), ("法院", 0.85), ("检察院", 0.85), ("政府", 0.6), ("部", 0.5), ("局", 0.55),
        ("署", 0.55), ("厅", 0.45), ("办公室", 0.5), ("基金会", 0.8), ("通讯社", 0.9), ("社", 0.45), ("日报", 0.7),
        ("时报", 0.7), ("晚报", 0.7), ("电视台", 0.8), ("电台", 0.7), ("队", 0.45), ("厂", 0.6), ("矿", 0.45),
        ("党", 0.55), ("军区", 0.7), ("党委", 0.5), ("纪委", 0.6), ("省委", 0.6), ("市委", 0.6), ("县委", 0.6),
        ("议会", 0.7), ("国会", 0.7), ("议院", 0.7), ("医院", 0.7), ("总局", 0.7), ("总署", 0.7), ("委", 0.4),
        ("办", 0.35), ("中心", 0.4), ("机构", 0.4), ("共同体", 0.5), ("合作社", 0.7), ("剧团", 0.7), ("乐团", 0.7),
        ("俱乐部", 0.7), ("交易所", 0.75), ("监狱", 0.5), ("舰队", 0.6), ("部队", 0.45), ("处", 0.35), ("所", 0.4),
        ("联", 0.4), ("协", 0.4), ("院", 0.45), ("台", 0.4), ("会", 0.3), ("团", 0.4), ("店", 0.4), ("馆", 0.4),
        ("校", 0.4), ("小学", 0.6), ("中学", 0.6), ("法庭", 0.6), ("分行", 0.6), ("军分区", 0.7), ("组委会", 0.7),
        ("女排", 0.6), ("男排", 0.6), ("女足", 0.6), ("男足", 0.6), ("女篮", 0.6), ("男篮", 0.6), ("油田", 0.4),
        ("指挥部", 0.6), ("使馆", 0.6), ("海关", 0.7), ("大使馆", 0.7), ("领事馆", 0.7), ("株式会社", 0.8), ("事务所", 0.7), ("工作室", 0.5),
    ];

    /// <summary>Shortest part before the suffix: one character (部 in 干部, 会 in 社会) is almost never a name.</summary>
    private const int MinPrefixLength = 2;

    // Common words that end in a suffix character without being an organisation's ending (社会, 举办, 东部, 签署).
    private static readonly HashSet<string> NotNameEndings =
    [
        "社会", "干部", "全部", "晚会", "举办", "不会", "内部", "机会", "部署", "乐会", "东部", "西部", "南部", "北部", "中部",
        "主办", "格局", "舞台", "当局", "一部", "大部", "创办", "签署", "全会", "大局", "谈会", "全党", "场所", "大厅", "出台",
        "一台", "春联", "定会", "外部", "布局", "地处", "话会", "乐厅", "拜会", "体会", "万台", "住院", "待会", "到处", "开会",
        "某部", "好处", "深处", "局部", "处处", "开办", "一会", "兴办", "众所", "排队", "关联", "承办", "开馆", "无所", "动会",
        "运会", "才会", "民办", "前所", "擂台", "人所", "实处", "聚会", "登台", "领会", "欢会", "随处", "判处", "么办", "然会",
        "来所", "互联", "高校", "院校", "政党", "政委", "评委", "连队", "野党", "治党", "彻党", "实党", "发店", "各部", "总部",
        "命运共同体", "利益共同体", "责任共同体",
        // 局 and 厅 end many ordinary words: a game's result, a situation, a room.
        "平局", "和局", "开局", "结局", "出局", "胜局", "败局", "残局", "棋局", "僵局", "骗局", "饭局", "牌局", "赌局",
        "变局", "时局", "战局", "全局", "定局", "困局", "迷局", "危局", "破局", "终局", "对局", "客厅",
        "展厅", "门厅", "营业厅", "宴会厅",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameEndingLookup =
        NotNameEndings.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that introduce a name and are never inside one: the left extension stops before them.
    private static readonly HashSet<string> LeftStopWords =
    [
        "包括", "包含", "除了", "通过", "根据", "按照", "作为", "成为", "来自", "加入", "参加", "会见", "会晤", "访问", "收购",
        "并购", "旗下", "隶属", "邀请", "宣布", "表示", "认为", "指出", "透露", "介绍", "强调", "获得", "经过", "出席", "前往",
        "抵达", "致电", "致函", "联手", "携手", "牵头", "委托", "要求", "呼吁", "批评", "起诉", "控告", "入股", "注资",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeftStopWordLookup =
        LeftStopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Does an ordinary word that merely ends in a suffix character (社会, 格局, 大厅) end at <paramref name="end"/>?</summary>
    public static bool EndsInCommonWord(string text, int end)
    {
        for (var length = 2; length <= 5 && length <= end; length++)
            if (NotNameEndingLookup.Contains(text.AsSpan(end - length, length))) return true;
        return false;
    }

    // Indexed by the suffix's last character: one array read per character of the text.
    private static readonly (string Suffix, double Strength)[]?[] SuffixesByLastChar = BuildSuffixTable();

    private static (string, double)[]?[] BuildSuffixTable()
    {
        var table = new (string, double)[]?[char.MaxValue + 1];
        foreach (var g in ChineseSuffixes.GroupBy(s => s.Suffix[^1])) table[g.Key] = [.. g];
        return table;
    }

    /// <summary>The longest suffix of the rules' list ending at <paramref name="end"/> (exclusive), with its strength; null when none.</summary>
    // Asked at every character by the rules and by the recogniser's features, and most characters end no suffix: that
    // test is inlined into the callers, the search among the suffixes that do end there is not.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static (string Suffix, double Strength)? SuffixEndingAt(string text, int end) =>
        end >= 1 && SuffixesByLastChar[text[end - 1]] is { } options ? LongestSuffix(options, text, end) : null;

    private static (string Suffix, double Strength)? LongestSuffix((string Suffix, double Strength)[] options, string text, int end)
    {
        (string, double)? best = null;
        foreach (var (s, w) in options)
            if (s.Length > (best?.Item1.Length ?? 0) && end >= s.Length &&
                string.CompareOrdinal(text, end - s.Length, s, 0, s.Length) == 0)
                best = (s, w);
        return best;
    }

    // Characters that never belong to a Chinese name: they end the left extension.
    private const string ChineseStops =
        "的了在和与及同对是为把被将向从由等并或也都就而又于以给让使跟之其这那该各每我你他她它们说称据位名年月个已曾正仍均还即与着过届第";

    private static readonly bool[] IsStop = BuildStops();

    private static bool[] BuildStops()
    {
        var table = new bool[char.MaxValue + 1];
        foreach (var c in ChineseStops) table[c] = true;
        return table;
    }

    /// <summary>A particle, pronoun or measure word that never sits inside a Chinese name.</summary>
    public static bool IsChineseStop(char c) => IsStop[c];

    private static readonly HashSet<string> EnglishHeads =
    [
        "Organization", "Organisation", "Association", "Council", "Forum", "Bank", "University", "Cartel",
        "Committee", "Commission", "Agency", "Institute", "Party", "Department", "Ministry", "Office", "Bureau",
        "Fund", "Federation", "Union", "Court", "Assembly", "Parliament", "Group", "Corporation", "Company",
        "Inc.", "Ltd", "Ltd.", "Foundation", "Authority", "Administration", "Service", "Network", "Alliance",
        "Secretariat", "Center", "Centre", "Police", "Army", "Navy", "Times", "Post", "News", "Journal",
        "Agency", "Board", "Society", "League", "Coalition", "Movement", "Front", "Guard", "Academy", "College",
        "Institution", "Programme", "Program", "Task Force", "Cabinet", "Senate", "Congress", "Tribunal",
    ];

    private static readonly HashSet<string> EnglishOrgOpeners =
        ["Ministry", "Department", "Secretariat", "Office", "Bureau", "Embassy", "Government", "Commission", "Council"];

    private static readonly HashSet<string> Connectors = ["of", "for", "and", "on", "the", "de", "&", "in"];

    // Capitalised, but never a word of an organisation's name: "the Department of Transport on Friday".
    private static readonly HashSet<string> TimeWords =
    [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "June", "July", "August", "September", "October", "November", "December", "Jan.", "Feb.", "Aug.",
        "Sept.", "Oct.", "Nov.", "Dec.",
    ];

    private static readonly HashSet<string> AcronymStoplist =
    [
        "US", "USA", "UK", "PRC", "ROC", "EU27", "ID", "TV", "GDP", "GNP", "CEO", "CFO", "AM", "PM", "OK", "AI", "IT",
        "COVID", "HIV", "AIDS", "SARS", "DNA", "RNA", "PPE", "VAT", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
        "XII", "FY", "Q1", "Q2", "Q3", "Q4", "USD", "EUR", "RMB", "CNY", "JPY", "GBP", "PDF", "URL", "FAQ", "NO", "MR",
        "MRS", "DR", "THE", "AND", "FOR", "OF", "IN", "ON", "TO", "BY", "AT", "AN", "OR", "IS", "BE", "AS", "WE", "IF",
        "DC", "NY", "LA", "SE", "NE", "SW", "NW", "KM", "KG", "MW", "GW", "CO2", "GMT", "UTC", "EST", "PST", "ASAP",
        "LGBT", "LGBTQ", "NGO", "NGOs", "SME", "SMEs", "MOU", "FTA", "BRI", "R&D", "ICT", "5G", "4G", "3G", "EV", "EVs",
        "LDC", "LDCs", "SIDS", "GNI", "FDI", "IPO", "ETF", "LNG", "U", "S", "A", "I",
    ];

    /// <summary>An acronym of a thing, not a body (GDP, NGO, LDC): no organisation, whoever proposes it.</summary>
    public static bool IsCommonAcronym(string word) => AcronymStoplist.Contains(word);

    public ImmutableArray<Candidate> Generate(string text, IReadOnlyList<GazetteerMatch> known)
    {
        var covered = CoverageMap(text.Length, known);
        var result = ImmutableArray.CreateBuilder<Candidate>();
        AddChinese(text, covered, known, result);
        AddEnglish(text, covered, result);
        return result.ToImmutable();
    }

    /// <summary>For each index, the index+1 of the gazetteer match covering it, or 0: lets extension skip whole names.</summary>
    private static int[] CoverageMap(int length, IReadOnlyList<GazetteerMatch> known)
    {
        var map = new int[length + 1];
        foreach (var m in known)
            for (var i = m.Start; i < m.End; i++) map[i] = m.Start + 1;
        return map;
    }

    private static void AddChinese(string text, int[] covered, IReadOnlyList<GazetteerMatch> known,
        ImmutableArray<Candidate>.Builder result)
    {
        var boundaries = new List<int>(MaxChineseLength);
        for (var end = 1; end <= text.Length; end++)
        {
            // Longest suffix ending here wins (委员会 over 会-less 委), so each end is proposed once.
            if (SuffixEndingAt(text, end) is not var (suffix, strength)) continue;
            var suffixStart = end - suffix.Length;
            // A suffix inside a known name is already decided by the gazetteer.
            if (covered[end - 1] != 0) continue;
            if (EndsInCommonWord(text, end)) continue;
            // The name continues past this suffix (委 in 委员会 was handled as 委员会; 部 in 部分 is no end).
            if (end < text.Length && ContinuesWord(suffix, text[end])) continue;

            LeftBoundaries(text, covered, suffixStart, end, boundaries);
            if (boundaries.Count == 0) continue;
            var preferred = PreferredBoundary(boundaries, text, suffixStart);
            var divisionOrgan = IsDivisionOrgan(text, preferred, suffixStart, end);
            foreach (var start in boundaries)
            {
                if (GenericOrgans.IsGeneric(text.AsSpan(start, end - start))) continue;
                var confidence = start == preferred ? divisionOrgan ? DivisionOrganConfidence : strength : strength * 0.5;
                var name = text[start..end];
                result.Add(new Candidate(start, end, name, EntityTypes.Org, RuleIds.OrgChineseSuffix, Math.Round(confidence, 3))
                    { Canonical = ChineseCanonicalNames.Expand(name) });
            }
        }
    }

    private static bool ContinuesWord(string suffix, char next) => suffix switch
    {
        "部" => "分长门署委件位下内队署落".Contains(next),
        "局" => "长势面限部".Contains(next),
        "社" => "会长区员交".Contains(next),
        "队" => "员长伍列".Contains(next),
        "委" => "员托屈婉".Contains(next),
        "办" => "法理事公学".Contains(next),
        "处" => "长理于在置罚分".Contains(next),
        "所" => "有以长得在谓属".Contains(next),
        "党" => "员委组章性风建史内外政".Contains(next),
        "署" => "长名".Contains(next),
        "厅" => "长".Contains(next),
        "中心" => "城区".Contains(next),
        "政府" => "间".Contains(next),
        "组织" => "者部法".Contains(next),
        "会" => "议见谈上长员后同计晤场期址所".Contains(next),
        "院" => "长士校子内落".Contains(next),
        "台" => "湾上下阶风词".Contains(next),
        "团" => "长结员队体聚拜".Contains(next),
        "联" => "合系手播赛络欢盟".Contains(next),
        "协" => "议调商会作助定同".Contains(next),
        "店" => "长员面铺".Contains(next),
        "馆" => "长藏".Contains(next),
        "校" => "长园友区方".Contains(next),
        _ => false,
    };

    /// <summary>Every start from one character before the suffix back to the first character that cannot be in a name.</summary>
    private static void LeftBoundaries(string text, int[] covered, int suffixStart, int end, List<int> list)
    {
        list.Clear();
        var i = suffixStart;
        while (i > 0 && end - i < MaxChineseLength)
        {
            var c = text[i - 1];
            // A bracketed part inside a name (华安工业（集团）公司, 美赞臣（中国）基金会) is skipped whole.
            if (c == '）' && BracketOpening(text, i - 1) is var open && open >= 0)
            {
                i = open;
                continue;
            }
            if (covered[i - 1] != 0)
            {
                // A known name inside a longer one (上合组织 in 上合组织成员国元首理事会): take it whole.
                var knownStart = covered[i - 1] - 1;
                if (end - knownStart > MaxChineseLength) break;
                i = knownStart;
                list.Add(i);
                continue;
            }
            // 和 right before the suffix is part of the name (大和银行, 共和党), elsewhere a conjunction.
            // 与 joining two fields of a name (中国物流与采购联合会) may start a longer candidate; the classifier judges it.
            if (!IsNameChar(c) && !InsideWord(text, i - 1) && !(c == '和' && i == suffixStart) && !JoinsFields(text, i - 1, suffixStart)) break;
            // A verb or preposition written right before a name is no part of it (包括交通银行, 除中信银行).
            if (i - 2 >= 0 && LeftStopWordLookup.Contains(text.AsSpan(i - 2, 2)) || c == '除') break;
            i--;
            // A start inside a number (１２０２钻井队) is never a name's start.
            if (suffixStart - i >= MinPrefixLength && !(IsDigit(text[i]) && i > 0 && IsDigit(text[i - 1]))) list.Add(i);
        }
    }

    private const string AdministrativeDivisions = "省市县区州旗盟";

    // Sure enough that the classifier keeps it unless it is very sure of the opposite (ClassifyStage.trustedRule).
    private const double DivisionOrganConfidence = RuleConfidence.Strong;

    // The organs every province, city and county has, named "<place><organ>" (广东省人民政府, 南宁市公安局).
    private static readonly HashSet<string> DivisionOrgans =
    [
        "人民政府", "政府", "委", "党委", "人大常委会", "人民代表大会常务委员会", "政协", "人民法院", "中级人民法院",
        "高级人民法院", "人民检察院", "纪委", "监委", "发展和改革委员会", "发展改革委", "发改委", "卫生健康委员会", "卫健委",
        "外事办公室", "新闻办公室", "人民政府新闻办公室", "人民政府办公厅", "委办公厅", "委宣传部", "委组织部",
    ];

    /// <summary>
    /// A place ending in 省/市/县/区/州 (南京市, 南京市鼓楼区) right before one of the organs each such division has, or a
    /// bureau named by its portfolio (住房和城乡建设局, 文化和旅游局).
    /// </summary>
    private static bool IsDivisionOrgan(string text, int start, int suffixStart, int end)
    {
        for (var p = start + 2; p < suffixStart && p - start <= 7; p++)
        {
            if (!AdministrativeDivisions.Contains(text[p])) continue;
            var organ = text[(p + 1)..end];
            if (DivisionOrgans.Contains(organ) || organ[^1] is '厅' or '局' && (organ.Length is >= 3 and <= 6
                    || organ.Length <= 10 && organ.IndexOf('和') is var joint and > 0 && InsideWord(text, p + 1 + joint)))
                return true;
            // 南京市鼓楼区: the first division named a larger one; the organ may follow the next.
        }
        return false;
    }

    private static bool IsDigit(char c) => c is >= '０' and <= '９' or >= '0' and <= '9';

    /// <summary>The index of the （ that opens a short bracket of name characters closed at <paramref name="close"/>, or -1.</summary>
    private static int BracketOpening(string text, int close)
    {
        for (var j = close - 1; j >= 0 && close - j <= 5; j--)
        {
            if (text[j] == '（') return j < close - 1 && j > 0 && IsNameChar(text[j - 1]) ? j : -1;
            if (!IsNameChar(text[j])) return -1;
        }
        return -1;
    }

    /// <summary>与 between two words of at least two name characters, the second reaching the suffix (物流与采购联合会).</summary>
    private static bool JoinsFields(string text, int i, int suffixStart) =>
        text[i] == '与' && i >= 2 && suffixStart - i - 1 >= 2 && IsNameChar(text[i - 1]) && IsNameChar(text[i - 2])
        // 中国化学会与德国化学会, 洋山海关与…: a name ending before 与 makes it a conjunction between two bodies.
        && !NameEnds.Contains(text[i - 1]);

    private const string NameEnds = "会院部局委所行司社团校馆厅处署办室组队关盟党署";

    /// <summary>和 inside 共和国, or joining the two fields of an organ's portfolio (发展和改革, 住房和城乡建设, 文化和旅游), is part of
    /// a name, not a conjunction between two bodies.</summary>
    private static bool InsideWord(string text, int i) =>
        text[i] == '和' && i > 0 && i + 1 < text.Length && (text[i - 1] == '共' && text[i + 1] == '国'
            || i >= 2 && i + 2 < text.Length && JoinedFields.Contains(string.Concat(text.AsSpan(i - 2, 2), text.AsSpan(i + 1, 2))));

    // The fields the organs of China's governments join with 和 (住房和城乡建设局, 人力资源和社会保障厅, 工业和信息化部), and
    // a few names of the world's bodies (奥林匹克和体育委员会, 拉美和加勒比经济委员会): the two characters on each side.
    private static readonly HashSet<string> JoinedFields =
    [
        "发展改革", "住房城乡", "文化旅游", "资源社会", "工业信息", "资源规划", "民族宗教", "科学技术", "教育体育", "卫生计划",
        "新闻出版", "广播电视", "安全生产", "商务投资", "经济信息", "匹克体育", "拉美加勒", "交通水利", "农业农村", "生态环境",
    ];

    /// <summary>Can this character be part of a Chinese organisation name (not a particle, digit or punctuation)?</summary>
    public static bool IsNameChar(char c) => NameChars[c];

    // Asked of nearly every character of every article (the recogniser's features, the rules' left edges): one look-up.
    private static readonly bool[] NameChars = BuildNameChars();

    private static bool[] BuildNameChars()
    {
        var table = new bool[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = Scripts.IsHan(c) && !IsStop[c] || c is '·' or '—' or '-' ||
                       c is >= '\uFF21' and <= '\uFF3A' || c is >= 'A' and <= 'Z' || c is >= '０' and <= '９' || c is >= '0' and <= '9';
        }
        return table;
    }

    /// <summary>
    /// The rules' own guess: from the last place name in reach (中国政府, 伊拉克国民议会), else at most
    /// four characters before the suffix, never splitting a known name.
    /// </summary>
    private static int PreferredBoundary(List<int> boundaries, string text, int suffixStart)
    {
        for (var i = boundaries.Count - 1; i >= 0; i--)
            if (Places.PlaceAt(text, boundaries[i], suffixStart) > 0) return boundaries[i];
        // An administrative division no list holds (崇左市人民政府, 自治区商务厅): the name starts two to four
        // characters before the 省/市/县/区/州 that ends the place's name.
        for (var i = boundaries.Count - 1; i >= 0; i--)
            for (var p = boundaries[i] + 2; p < suffixStart && p - boundaries[i] <= 4; p++)
                if (AdministrativeDivisions.Contains(text[p]) && p + 1 <= suffixStart)
                    return boundaries[i];
        var preferred = boundaries[0];
        foreach (var b in boundaries)
            if (suffixStart - b <= 4) preferred = b;
        return preferred;
    }

    private static void AddEnglish(string text, int[] covered, ImmutableArray<Candidate>.Builder result)
    {
        var words = EnglishWords.Tokenize(text);
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            var token = text[word.Start..word.End];
            if (covered[word.Start] != 0) continue;
            if (IsAcronym(token) && !InCapsHeading(text, words, w))
            {
                result.Add(new Candidate(word.Start, word.End, token, EntityTypes.Org, RuleIds.OrgAcronym, RuleConfidence.Doubtful) { Canonical = token });
                continue;
            }
            if (EnglishHeads.Contains(token) && char.IsUpper(token[0]))
                AddEnglishEndingAt(text, words, w, covered, result);
            if (EnglishOrgOpeners.Contains(token) && w + 2 < words.Count && text[words[w + 1].Start..words[w + 1].End] == "of")
                AddEnglishStartingAt(text, words, w, covered, result);
        }
    }

    /// <summary>"… Cartel", "… Council": every capitalised run ending at the head word.</summary>
    private static void AddEnglishEndingAt(string text, List<TextSpan> words, int head, int[] covered,
        ImmutableArray<Candidate>.Builder result)
    {
        var starts = new List<int>();
        var w = head;
        while (w > 0 && head - w < MaxEnglishWords)
        {
            var prev = words[w - 1];
            if (!SameSpan(text, prev, words[w])) break;
            var t = text[prev.Start..prev.End];
            if (covered[prev.Start] != 0 && !char.IsUpper(t[0])) break;
            if (TimeWords.Contains(t)) break;
            if (char.IsUpper(t[0]) || char.IsDigit(t[0])) { w--; starts.Add(w); }
            else if (Connectors.Contains(t) && w - 2 >= 0 && char.IsUpper(text[words[w - 2].Start]) && SameSpan(text, words[w - 2], prev)) w--;
            else break;
        }
        if (starts.Count == 0) return;
        var end = words[head].End;
        var preferred = starts[^1];
        // "The" at a sentence start is not part of the name.
        if (text[words[preferred].Start..words[preferred].End] is "The" or "A" or "An" or "We" or "In" or "On" && starts.Count > 1)
            preferred = starts[^2];
        foreach (var s in starts)
        {
            var start = words[s].Start;
            var name = text[start..end];
            var confidence = s == preferred ? RuleConfidence.Plausible : RuleConfidence.Unknown;
            result.Add(new Candidate(start, end, name, EntityTypes.Org, RuleIds.OrgEnglishName, confidence) { Canonical = name });
        }
    }

    /// <summary>"Ministry of …", "Department of …": every capitalised run after "of".</summary>
    private static void AddEnglishStartingAt(string text, List<TextSpan> words, int opener, int[] covered,
        ImmutableArray<Candidate>.Builder result)
    {
        var ends = new List<int>();
        var w = opener + 1; // "of"
        // "Ministry of Economy, Trade and Industry": a comma list inside the name, closed by "and".
        var openList = false;
        while (w + 1 < words.Count && w - opener < MaxEnglishWords)
        {
            var next = words[w + 1];
            var t = text[next.Start..next.End];
            if (TimeWords.Contains(t)) break;
            var comma = w > opener + 1 && ListComma(text, words[w], next) && char.IsUpper(t[0]);
            if (!comma && !SameSpan(text, words[w], next)) break;
            if (comma) { openList = true; w++; continue; }
            if (char.IsUpper(t[0])) { w++; if (!openList) ends.Add(w); }
            else if (Connectors.Contains(t) && t != "of" && w + 2 < words.Count && char.IsUpper(text[words[w + 2].Start]) &&
                     !TimeWords.Contains(text[words[w + 2].Start..words[w + 2].End]))
            {
                if (t == "and") openList = false;
                w++;
            }
            else break;
        }
        if (ends.Count == 0) return;
        var start = words[opener].Start;
        foreach (var e in ends)
        {
            var end = words[e].End;
            var name = text[start..end];
            result.Add(new Candidate(start, end, name, EntityTypes.Org, RuleIds.OrgEnglishName, e == ends[^1] ? RuleConfidence.Plausible : RuleConfidence.Unknown) { Canonical = name });
        }
    }

    private static bool ListComma(string text, TextSpan a, TextSpan b) =>
        b.Start - a.End == 2 && text[a.End] == ',' && text[a.End + 1] == ' ';

    /// <summary>Two words belong to one name only when nothing but spaces separates them.</summary>
    private static bool SameSpan(string text, TextSpan a, TextSpan b)
    {
        for (var i = a.End; i < b.Start; i++)
            if (text[i] != ' ') return false;
        return b.Start - a.End <= 1;
    }

    private static bool IsAcronym(string token)
    {
        if (token.Length is < 2 or > 6 || AcronymStoplist.Contains(token)) return false;
        var letters = 0;
        foreach (var c in token)
        {
            if (c is >= 'A' and <= 'Z') letters++;
            else if (c is not (>= '0' and <= '9' or '&' or '-')) return false;
        }
        return letters >= 2 && token[0] is >= 'A' and <= 'Z';
    }

    /// <summary>ALL-CAPS headings ("THE WHITE HOUSE") are not acronyms.</summary>
    private static bool InCapsHeading(string text, List<TextSpan> words, int w)
    {
        bool Caps(int i) => i >= 0 && i < words.Count && IsAllCapsWord(text[words[i].Start..words[i].End]) &&
                            SameSpan(text, words[Math.Min(i, w)], words[Math.Max(i, w)]);
        return Caps(w - 1) || Caps(w + 1);
    }

    private static bool IsAllCapsWord(string t) => t.Length >= 2 && t.All(c => c is >= 'A' and <= 'Z' or '\'' or '.');
}

/// <summary>Latin word tokens (letters, digits, inner dots/apostrophes/ampersands/hyphens) of a text.</summary>
public static class EnglishWords
{
    public static List<TextSpan> Tokenize(string text)
    {
        var words = new List<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLatin(text[i]) && text[i] != '&') { i++; continue; }
            var s = i;
            while (i < text.Length && (IsLatin(text[i]) || text[i] == '&' ||
                   (text[i] is '.' or '\'' or '-' or '’') && i + 1 < text.Length && IsLatin(text[i + 1])))
                i++;
            // Keep the final dot of an abbreviation like "Inc." or "U.S." when a dot is already inside.
            if (i < text.Length && text[i] == '.' && (text[s..i].Contains('.') || text[s..i] is "Inc" or "Ltd" or "Co")) i++;
            words.Add(new TextSpan(s, i));
        }
        return words;
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
