using Pipeline.Model;
using static Pipeline.Model.RuleConfidence;

namespace Pipeline.Agreements;

/// <summary>The rules' guess at what a title is, how sure they are, and the instrument kind when it is one.</summary>
public sealed record TitleGuess(string Type, double Confidence, string? Kind);

/// <summary>
/// Decides a title's type from how it ends: Chinese titles name their genre in the last characters
/// (…公约, …法, …日报, …报告), English ones in the head noun (Convention on …, … Agreement).
/// </summary>
public static class TitleRules
{
    // Longest first: the first ending that matches wins.
    private static readonly (string Ending, string Kind, double Confidence)[] ChineseInstrumentEndings =
    [
        ("谅解备忘录", "memorandum", Strong), ("合作备忘录", "memorandum", Strong), ("备忘录", "memorandum", Strong),
        ("联合公报", "communique", Strong), ("联合声明", "statement", Strong), ("联合宣言", "declaration", Strong),
        ("主席声明", "statement", Strong), ("行动计划", "plan", Strong), ("行动纲领", "plan", Strong),
        ("高级原则", "principles", Strong), ("议定书", "protocol", Strong), ("公约", "convention", Strong),
        ("条约", "treaty", Strong), ("协定", "agreement", Strong), ("协议", "agreement", Strong), ("协议书", "agreement", Strong),
        ("契约", "agreement", Fair),
        ("宪章", "charter", Strong), ("宣言", "declaration", Strong), ("原则", "principles", Fair),
        ("声明", "statement", Fair), ("公报", "communique", Fair), ("框架", "framework", Fair),
        ("框架文件", "framework", Fair), ("愿景", "plan", Fair), ("路线图", "plan", Fair),
    ];

    // Plans and outlines are agreements only when a meeting or the parties adopt them.
    private static readonly (string Ending, string Kind)[] ConditionalPlanEndings =
        [("计划", "plan"), ("规划", "plan"), ("纲要", "plan"), ("纲领", "plan"), ("战略", "plan"),
         // A summit's list of outcomes and an initiative the meeting adopts are its outcome documents.
         ("成果清单", "plan"), ("倡议", "initiative")];

    private static readonly string[] LawEndings =
        ["法典", "宪法", "法", "条例", "规定", "办法", "细则", "规则", "准则", "章程", "决定", "通则", "法案", "守则"];

    private static readonly string[] MediaEndings =
        ["日报", "时报", "晚报", "早报", "晨报", "商报", "周刊", "周报", "月刊", "旬刊", "杂志", "画报", "邮报", "学报",
         "论坛报", "卫报", "新闻", "导报", "青年报", "法制报", "经济报", "导刊", "半月谈", "参考消息", "环球时报"];

    private static readonly HashSet<string> KnownMedia =
    [
        "求是", "瞭望", "财经", "财新", "经济学人", "时代", "人民论坛", "党建", "红旗文稿",
        "新华文摘", "读者", "三联生活周刊", "外交", "自然", "科学", "柳叶刀", "金融时报", "大公报",
    ];

    private static readonly string[] PublicationEndings =
        ["工作报告", "报告", "白皮书", "蓝皮书", "绿皮书", "年鉴", "文选", "选集", "文集", "全集", "治国理政", "学习纲要",
         "读本", "问答", "手册", "指南", "统计公报", "回忆录", "传", "史", "论", "记", "书", "集", "曲", "歌", "颂"];

    // Books whose title ends like an instrument.
    private static readonly HashSet<string> KnownPublications = ["共产党宣言", "新民主主义论", "论十大关系"];

    private static readonly string[] AdoptionVerbs =
        ["通过", "签署", "签订", "发表", "发布", "批准", "制定", "审议", "写入", "达成", "共同", "一致同意"];

    // A plan is an agreement when parties or a meeting of states adopt it, not when a ministry issues a national plan.
    private static readonly string[] InternationalSignals =
        ["峰会", "论坛", "领导人", "成员国", "双方", "两国", "各方", "部长级", "外长", "联合国", "国际", "多边", "签署", "元首"];

    private static readonly string[] DomesticPlanWords = ["全国", "国民经济", "五”", "五年", "国家", "省", "市"];

    /// <summary>Type of a title written in book marks, given the sentence around it.</summary>
    public static TitleGuess ForChineseTitle(string title, string sentence)
    {
        var core = TitleText.StripTrailingParenthetical(title).Trim();
        if (core.Length == 0) return new TitleGuess(EntityTypes.None, Unknown, null);
        if (core.EndsWith("统计公报")) return new(EntityTypes.Publication, Strong, null);
        if (KnownMedia.Contains(core)) return new(EntityTypes.Media, Strong, null);
        if (KnownPublications.Contains(core)) return new(EntityTypes.Publication, Strong, null);
        if (core.EndsWith("学习纲要") || core.EndsWith("工作报告") || core.EndsWith("白皮书"))
            return new(EntityTypes.Publication, Strong, null);
        foreach (var (ending, kind, confidence) in ChineseInstrumentEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal))
                return new(EntityTypes.Agreement, confidence, kind);
        if (IsArrangement(core)) return new(EntityTypes.Agreement, Strong, "agreement");
        if (IsInternationalCharter(core)) return new(EntityTypes.Agreement, Strong, "charter");
        foreach (var (ending, kind) in ConditionalPlanEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal))
                return AdoptionVerbs.Any(sentence.Contains) && InternationalSignals.Any(sentence.Contains)
                       && !DomesticPlanWords.Any(core.Contains)
                    ? new(EntityTypes.Agreement, Fair, kind)
                    : new(EntityTypes.None, Doubtful, kind);
        foreach (var ending in MediaEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal))
                return new(EntityTypes.Media, Strong, null);
        if (core.EndsWith('报') && !core.EndsWith("公报") && !core.EndsWith("通报") && !core.EndsWith("简报")
            && !core.EndsWith("情报") && !core.EndsWith("年报"))
            return new(EntityTypes.Media, Fair, null);
        foreach (var ending in LawEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal) && !core.EndsWith("方法") && !core.EndsWith("办法论"))
                return new(EntityTypes.Law, ending.Length >= 2 ? Strong : Fair, null);
        foreach (var ending in PublicationEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal))
                return new(EntityTypes.Publication, ending.Length >= 2 ? Strong : Doubtful, null);
        var english = ForEnglishTitle(core);
        return english.Type != EntityTypes.None ? english : new(EntityTypes.None, Unknown, null);
    }

    private static readonly (string Head, string Kind)[] EnglishHeads =
    [
        ("Memorandum of Understanding", "memorandum"), ("Joint Communique", "communique"), ("Joint Communiqué", "communique"),
        ("Joint Statement", "statement"), ("Joint Declaration", "declaration"), ("Plan of Action", "plan"),
        ("Action Plan", "plan"), ("Treaty", "treaty"), ("Treaties", "treaty"), ("Convention", "convention"),
        ("Agreement", "agreement"), ("Accord", "agreement"), ("Accords", "agreement"), ("Pact", "agreement"),
        ("Protocol", "protocol"), ("Protocols", "protocol"), ("Declaration", "declaration"),
        ("Statement", "statement"), ("Communique", "communique"), ("Communiqué", "communique"), ("Charter", "charter"),
        ("Memorandum", "memorandum"), ("Framework", "framework"), ("Principles", "principles"), ("Covenant", "convention"),
        ("Plan", "plan"), ("Roadmap", "plan"),
    ];

    /// <summary>The kind an English instrument head word names, or null.</summary>
    public static string? EnglishKind(string headWord)
    {
        foreach (var (head, kind) in EnglishHeads)
            if (head.Equals(headWord, StringComparison.OrdinalIgnoreCase)) return kind;
        return null;
    }

    public static bool IsEnglishHead(string word) => EnglishKind(word) is not null && word.Length > 0 && char.IsUpper(word[0]);

    /// <summary>An English title (inside book marks or found in running text): instrument when headed or ended by an instrument noun.</summary>
    public static TitleGuess ForEnglishTitle(string title)
    {
        var words = title.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return new(EntityTypes.None, Unknown, null);
        if (words[^1] is "Times" or "Post" or "Journal" or "Daily" or "Herald" or "Tribune" or "Gazette" or "Economist" or "Magazine")
            return new(EntityTypes.Media, Strong, null);
        if (words[^1] is "Act" or "Code" or "Law" or "Constitution" or "Regulation" or "Regulations")
            return new(EntityTypes.Law, Fair, null);
        if (words[^1] is "Report" or "Paper" or "Review" || title.Contains("White Paper"))
            return new(EntityTypes.Publication, Fair, null);
        // "Code of Conduct in the South China Sea": rules the parties agree on, unlike a law's "Code".
        if (title.StartsWith("Code of Conduct", StringComparison.Ordinal) || title.Contains(" Code of Conduct", StringComparison.Ordinal))
            return new(EntityTypes.Agreement, Fair, "principles");
        // "United Nations Convention against Corruption": the first instrument word not followed by another capitalised noun.
        for (var i = 0; i < words.Length; i++)
        {
            var kind = EnglishKind(words[i].TrimEnd(',', '.'));
            if (kind is null || !char.IsUpper(words[i][0])) continue;
            if (i + 1 < words.Length && char.IsUpper(words[i + 1][0]) && EnglishKind(words[i + 1]) is null
                && words[i + 1] is not ("U.S." or "US")) continue; // "Treaty Organization"
            return new(EntityTypes.Agreement, Strong, kind);
        }
        return new(EntityTypes.None, Unknown, null);
    }

    // 《内地与香港关于建立更紧密经贸关系的安排》 (CEPA), 《中美海关AEO互认安排》: an arrangement between parties is an
    // agreement; 《工作安排》 or a ministry's 《…安排》 for its own work is not.
    private static readonly string[] ArrangementSignals = ["关于", "互认", "合作", "两国", "双边", "双方", "两岸", "多边"];

    private static readonly string[] DomesticArrangementWords = ["工作", "节假日", "放假", "日程", "议程", "考试", "招生"];

    /// <summary>A title ending in 安排 that names its parties (X与Y, 两国, 双边) or is about 关于/互认/合作: an agreement.</summary>
    public static bool IsArrangement(string core) =>
        core.EndsWith("安排", StringComparison.Ordinal) && core.Length > 2
        && !DomesticArrangementWords.Any(core.Contains)
        && (ArrangementSignals.Any(core.Contains) || JoinsParties(core[..^2]));

    // 内地与香港, 中国和新西兰, 中国—东盟: two parties joined in front of the rest of the title.
    private static bool JoinsParties(string title)
    {
        foreach (var joint in new[] { '与', '和', '同', '—', '-', '－' })
        {
            var i = title.IndexOf(joint);
            if (i < 2 || i + 3 > title.Length) continue;
            if (IsParty(title[..i]) && Enumerable.Range(2, Math.Min(8, title.Length - i - 1) - 1)
                    .Any(n => IsParty(title.Substring(i + 1, n)))) return true;
        }
        return false;
    }

    private static bool IsParty(string s) =>
        s is "内地" or "大陆" || Pipeline.Organisations.Places.IsPlace(s) || Countries.IsCountryForm(s)
        || Countries.Name(s, chinese: true) is not null;

    // The bodies whose own rules (章程) are charters that their member states agreed on, not a domestic association's.
    private static readonly HashSet<string> InternationalBodyKinds = ["international", "regional", "grouping", "forum"];

    private static readonly string[] InternationalWords =
        ["国际", "世界", "全球", "联合国", "亚洲", "亚太", "欧洲", "非洲", "美洲", "拉美", "阿拉伯", "太平洋", "大西洋"];

    private static readonly string[] BodyHeads =
        ["组织", "联盟", "理事会", "委员会", "联合会", "协会", "论坛", "共同体", "机构", "银行", "同盟", "联合体", "大会"];

    private static readonly string[] DomesticPrefixes = ["中国", "中华", "全国", "国家", "中央", "我国", "中共"];

    /// <summary>
    /// 《亚奥理事会章程》, 《“一带一路”国际科学组织联盟章程》: the 章程 of an international body is a charter its members
    /// adopt, like 《联合国宪章》. The body is one the gazetteer lists as international (or regional, a grouping, a
    /// forum), or a name that says it is international (国际, 世界, 亚洲…) and ends as a body does, not opening with
    /// China or a place (《中国足球协会章程》, 《上海国际仲裁中心章程》 and 《中国共产党章程》 stay domestic rules).
    /// </summary>
    public static bool IsInternationalCharter(string core)
    {
        if (!core.EndsWith("章程", StringComparison.Ordinal) || core.Length <= 2) return false;
        var body = core[..^2].Trim('“', '”', '"', ' ');
        if (Pipeline.Organisations.Gazetteer.Default.Lookup(body) is { } entry) return InternationalBodyKinds.Contains(entry.Kind);
        var name = core[..^2];
        if (DomesticPrefixes.Any(name.StartsWith) || Pipeline.Organisations.Places.PlaceAt(name, 0, name.Length) > 0) return false;
        return InternationalWords.Any(name.Contains) && BodyHeads.Any(name.EndsWith);
    }

    /// <summary>The instrument kind a Chinese title's ending names, ignoring context (for records).</summary>
    public static string? ChineseKind(string title)
    {
        var core = TitleText.StripTrailingParenthetical(title);
        foreach (var (ending, kind, _) in ChineseInstrumentEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal)) return kind;
        if (IsArrangement(core)) return "agreement";
        if (IsInternationalCharter(core)) return "charter";
        foreach (var (ending, kind) in ConditionalPlanEndings)
            if (core.EndsWith(ending, StringComparison.Ordinal)) return kind;
        return null;
    }

    /// <summary>Kind of any instrument name, Chinese or English.</summary>
    public static string? KindOf(string name) =>
        Scripts.HasHan(name) ? ChineseKind(name) : ForEnglishTitle(name).Kind;
}

public static class TitleText
{
    /// <summary>"北京行动计划（2019—2021年）" → "北京行动计划": years in a title qualify it, they do not name its genre.</summary>
    public static string StripTrailingParenthetical(string title)
    {
        var t = title.TrimEnd();
        while (t.Length > 0 && (t[^1] == '）' || t[^1] == ')'))
        {
            var open = Math.Max(t.LastIndexOf('（'), t.LastIndexOf('('));
            if (open <= 0) break;
            t = t[..open].TrimEnd();
        }
        return t;
    }
}
