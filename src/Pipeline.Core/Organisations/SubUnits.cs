namespace Pipeline.Organisations;

/// <summary>
/// A known body followed by the name of one of its units is one organisation: 公安部刑事侦查局,
/// 最高人民法院第一国际商事法庭, 中国科学院物理研究所. The unit's name is short, made of name characters and
/// ends in a unit word; job titles and verbs after the body (公安部部长, 外交部发言人表示) never start a unit.
/// </summary>
public static class SubUnits
{
    // Longest first, so the unit word found at an end is the whole one (法庭 before 庭).
    private static readonly string[] UnitWords =
    [
        "委员会", "理事会", "工作组", "办公室", "研究所", "研究院", "研究中心", "实验室", "秘书处", "分公司", "分会", "分院", "分局",
        "分行", "分校", "校区", "法庭", "学院", "中心", "总队", "支队", "局", "司", "厅", "处", "庭",
    ];

    private const int MinUnitPart = 2;
    private const int MaxUnitLength = 10;

    // Words that tell the characters after a body are a post, a person or a clause, not a unit's name.
    private static readonly string[] NotUnitWords =
    [
        "长", "副", "发言人", "主任", "书记", "主席", "总理", "官员", "负责人", "代表", "专家", "领导", "干部", "人员",
        "表示", "指出", "会见", "出席", "召开", "举行", "发布", "印发", "宣布", "介绍", "透露", "强调", "联合", "今天",
        "昨天", "日前", "近日", "已经", "设立", "成立", "批准", "要求", "推动", "支持", "部署", "组织", "牵头", "指导",
    ];

    /// <summary>The end of the unit name right after a body ending at <paramref name="bodyEnd"/>, or -1.</summary>
    /// <param name="nextKnownStart">start of the next known name: a unit never runs into another body (中央纪委国家监委).</param>
    public static int UnitEnd(string text, int bodyStart, int bodyEnd, int nextKnownStart)
    {
        // 中国—金砖国家…合作中心: the body is only part of a longer compound name, which the suffix rules propose.
        if (bodyStart > 0 && text[bodyStart - 1] is '—' or '-' or '－') return -1;
        var limit = Math.Min(Math.Min(text.Length, nextKnownStart), bodyEnd + MaxUnitLength);
        for (var end = bodyEnd + 1; end <= limit; end++)
        {
            var c = text[end - 1];
            // 第一国际商事法庭: an ordinal opens a unit's name, 第 is no name character elsewhere.
            var ordinal = c == '第' && end - 1 == bodyEnd;
            // 世界经济与政治研究所: 与 joins two fields inside a unit's name, never opens it.
            var joins = c == '与' && end - 1 > bodyEnd + 1;
            if (!ordinal && !joins && !OrgCandidateGenerator.IsNameChar(c) || c is '—' or '-' or '·') return -1;
            foreach (var word in UnitWords)
            {
                if (end - bodyEnd < word.Length + MinUnitPart ||
                    string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) != 0) continue;
                if (end < text.Length && (word.Length == 1 || word == "中心") && ContinuesWord(word, text[end])) break;
                // 公司 ends a company's own name (中国石油 + 天然气集团公司 is no unit of 中国石油).
                if (word == "司" && end - 2 >= bodyEnd && text[end - 2] == '公') return -1;
                // 拜仁主场首选平局, 工商银行营业大厅: an ordinary word (a draw, a hall) that ends in a unit word.
                if (OrgCandidateGenerator.EndsInCommonWord(text, end)) return -1;
                var unit = text.AsSpan(bodyEnd, end - bodyEnd);
                foreach (var w in NotUnitWords)
                    if (unit.Contains(w, StringComparison.Ordinal)) return -1;
                return end;
            }
        }
        return -1;
    }

    /// <summary>局长, 处理, 庭审: the unit word is the start of a longer ordinary word.</summary>
    private static bool ContinuesWord(string word, char next) => word[^1] switch
    {
        '局' => "长势面限部".Contains(next),
        '司' => "长法机令".Contains(next),
        '厅' => "长".Contains(next),
        '处' => "长理于在置罚分".Contains(next),
        '庭' => "长审院".Contains(next),
        '心' => "城区".Contains(next),
        '院' => "长士校".Contains(next),
        _ => false,
    };
}
