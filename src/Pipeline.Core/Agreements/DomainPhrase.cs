using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>
/// The domain phrase in front of a typed instrument: the modifier nouns that say what it is about (空间科学 in
/// 空间科学合作谅解备忘录, 民事和商事 in 民事和商事司法协助协定, 正极材料项目 in 正极材料项目投资协议). It reaches back to
/// the nearest word that cannot belong to a name: the verb that signs or issues it (签署, 续签, 达成, 举行), a
/// particle or function word (了, 的, 在, 关于), a number or measure word (一份, 两项), a date (5月, 今年), a
/// party (中俄, 两国, 双方, a country or place) or an organisation. Only where such a word is found within a
/// short reach is the phrase taken: punctuation or the start of the text first means the phrase may open with
/// a verb this list does not know (纪念, 争取), so the span stays what the pattern matched.
/// </summary>
internal sealed class DomainPhrase(string text)
{
    private const int MaxLength = 12;

    // Verbs, adverbs, time words and function words of two to four characters that end a name's left side.
    private static readonly HashSet<string> Words =
    [
        // Actions on an instrument.
        "签署", "签订", "签约", "续签", "草签", "商签", "重签", "补签", "缔结", "订立", "达成", "发表", "发布", "通过", "批准",
        "核准", "举行", "启动", "开启", "结束", "完成", "谈判", "磋商", "商谈", "讨论", "落实", "执行", "实施", "遵守", "履行",
        "推动", "推进", "加快", "加强", "见证", "交换", "修订", "修改", "加入", "退出", "宣布", "根据", "依据", "按照", "依照",
        "围绕", "涉及", "包括", "包含", "作为", "成为", "纪念", "庆祝", "恢复", "终止", "废除", "撕毁", "违反", "延长", "展期",
        "续约", "拟定", "起草", "制定", "审议", "研究", "探讨", "生效", "提出", "提交", "商定", "建立", "开展", "参与", "参加",
        "争取", "力争", "希望", "愿意", "同意", "决定", "计划", "准备", "正式", "共同", "分别", "相互", "一道", "一起",
        // Function words and connectives.
        "关于", "有关", "相关", "其他", "其它", "以及", "之间", "之后", "之前", "期间", "方面", "一系列", "系列", "一揽子",
        "多个", "多项", "这些", "那些", "此前", "目前", "日前", "近日", "随后", "此外", "同时", "并且", "而且", "还有", "其中",
        "已经", "业已", "曾经", "正在", "即将", "将要", "首次", "再次", "此次", "本次", "这次", "上述", "所述",
        "大量", "若干", "众多", "诸多", "一些", "更多", "具体", "重要", "等领域", "等方面",
        // Times.
        "今年", "去年", "明年", "前年", "当年", "同年", "近年", "年初", "年底", "年内", "年末", "本月", "上月", "下月", "当月",
        "同月", "当天", "当日", "同日", "今天", "昨天", "明天", "前天", "今日", "昨日", "届时", "今后",
        // Parties.
        "两国", "双方", "三方", "多方", "各方", "四方", "中方", "外方", "我方", "对方", "该国", "两军", "两党", "两地", "两岸",
        "两市", "两省", "两校", "两院", "两行", "两家", "两所", "两部", "两会", "各国",
        // A state by its form (厄瓜多尔共和国, 西班牙王国, 俄罗斯联邦).
        "共和国", "王国", "联邦", "合众国", "大公国", "苏丹国",
    ];

    // Bodies by their last words: 政府, 公司, 银行 (not 银行业, 银行间: banking itself is a domain).
    private static readonly string[] OrganSuffixes =
    [
        "政府", "公司", "集团", "大学", "学院", "委员会", "协会", "联合会", "商会", "银行", "央行", "总局", "管理局", "航天局",
        "科学院", "研究院", "研究所", "法院", "检察院", "总署", "足协", "外交部", "商务部", "财政部", "国防部", "司法部",
        "公安部", "教育部", "科技部",
    ];

    private static readonly Dictionary<string, string> SuffixNotBefore = new()
    {
        ["银行"] = "业间卡", ["央行"] = "间", ["大学"] = "生", ["政府"] = "间", ["公司"] = "债",
    };

    // Particles and short function words; 与, 同, 和, 跟, 及 and 、 only where they join parties (below).
    private const string Particles = "了过的并将已还也又均都就在是为被把由从于等之或而即该此这那其对向给";
    private const string Conjunctions = "与同和跟及、";

    // Two characters that form a word in which a particle or a measure word is not one: 和平, 平等, 自由, 项目, 就业.
    private static readonly HashSet<string> Protected =
    [
        "平等", "对等", "同等", "高等", "中等", "初等", "等级", "和平", "和谐", "共同", "合同", "协同", "相同", "不同", "同业",
        "同步", "同城", "双向", "面向", "方向", "导向", "对外", "对口", "对接", "在线", "行为", "为期", "了解", "目的", "的确",
        "普及", "及时", "首都", "都市", "成都", "京都", "就业", "成就", "自由", "经由", "理由", "从事", "过境", "偿还", "均衡",
        "供给", "项目", "个人", "条件", "部门", "部分", "家庭", "所有", "种类", "台湾", "之路", "于是", "其实",
    ];

    private const string Measures = "份项个件批部套台家所条种架艘座款轮";
    private const string Numerals = "0123456789０１２３４５６７８９一二两三四五六七八九十百千万几多数首这该此那每各另";
    private const string DateNumerals = "0123456789０１２３４５６７８９一二三四五六七八九十〇零";
    private const string Abbreviations = "中美俄日英法德韩朝印巴越老柬泰缅蒙哈吉塔乌澳新墨古菲马";

    private static readonly string[] InstrumentHeads =
        ["条约", "协定", "协议", "备忘录", "声明", "公报", "宣言", "议定书", "安排", "文件", "合同", "公约"];

    private HashSet<int>? _organisationEnds;

    /// <summary>Where the domain phrase ending at <paramref name="head"/> starts, or <paramref name="head"/> itself.</summary>
    public int Start(int head)
    {
        var limit = Math.Max(0, head - MaxLength);
        for (var p = head; p > 0 && p >= limit; p--)
        {
            if (EndsName(p, conjunctions: true)) return p;
            if (!IsDomainChar(text[p - 1])) return head;
        }
        return head;
    }

    private static bool IsDomainChar(char c) =>
        Scripts.IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    /// <summary>Does a word that cannot be part of a name end right before <paramref name="p"/>?</summary>
    private bool EndsName(int p, bool conjunctions)
    {
        if (p <= 0) return false;
        for (var length = 2; length <= 4 && length <= p; length++)
            if (Words.Contains(text.Substring(p - length, length))) return true;
        if (Organ(p) || Party(p)) return true;
        var c = text[p - 1];
        var before = p >= 2 ? text[p - 2] : '\0';
        if (Measures.Contains(c) && Numerals.Contains(before) && !ProtectedAt(p - 1)) return true;
        if ("年月日号".Contains(c) && DateNumerals.Contains(before)) return true;
        if (Particles.Contains(c)) return !ProtectedAt(p - 1);
        // 民事和商事: 和 joins two domain nouns; 中国和新西兰, 引渡条约和…: it joins parties or instruments.
        if (conjunctions && Conjunctions.Contains(c) && !ProtectedAt(p - 1))
            return EndsName(p - 1, conjunctions: false) || InstrumentHeads.Any(h => EndsWithAt(p - 1, h));
        return false;
    }

    /// <summary>The character at <paramref name="i"/> is inside a two-character word with the one before or after it.</summary>
    private bool ProtectedAt(int i) =>
        i >= 1 && Protected.Contains(text.Substring(i - 1, 2)) || i + 2 <= text.Length && Protected.Contains(text.Substring(i, 2));

    private bool EndsWithAt(int p, string word) =>
        p >= word.Length && string.CompareOrdinal(text, p - word.Length, word, 0, word.Length) == 0;

    // 社会事务与就业部, 劳动部, 商务厅, 海关总署: an organ's one-character head after a name of two characters or more,
    // unless the two make a common word (西部, 布局, 部署) or the head begins the next word (部门, 局势).
    private const string OrganHeads = "部局厅署委";
    private const string NotOrganBefore = "东西南北中内外全干总上下前后本分头俱格布结大当饭";
    private const string NotOrganAfter = "门分件队署落长势面";

    private bool Organ(int p)
    {
        foreach (var suffix in OrganSuffixes)
            if (EndsWithAt(p, suffix) && !(p < text.Length && SuffixNotBefore.TryGetValue(suffix, out var next) && next.Contains(text[p])))
                return true;
        if (p >= 3 && OrganHeads.Contains(text[p - 1]) && Scripts.IsHan(text[p - 2]) && Scripts.IsHan(text[p - 3])
            && !NotOrganBefore.Contains(text[p - 2]) && !(p < text.Length && NotOrganAfter.Contains(text[p])))
            return true;
        _organisationEnds ??= [.. Pipeline.Organisations.Gazetteer.Default.FindAll(text).Select(m => m.End)];
        return _organisationEnds.Contains(p);
    }

    /// <summary>A country or place (中国, 意大利, 香港) or a run of country initials (中俄, 中日韩) ends here.</summary>
    private bool Party(int p)
    {
        for (var length = 1; length <= 8 && length <= p; length++)
        {
            var s = text.Substring(p - length, length);
            if (Pipeline.Organisations.Places.IsPlace(s) || length >= 2 && Countries.IsCountryForm(s)) return true;
        }
        var run = 0;
        var china = false;
        for (var i = p - 1; i >= 0 && Abbreviations.Contains(text[i]); i--)
        {
            run++;
            china |= text[i] == '中';
        }
        return run >= 2 && china;
    }
}
