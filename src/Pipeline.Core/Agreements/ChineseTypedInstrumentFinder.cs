using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>
/// Unnamed but typed instruments in Chinese text (引渡条约, 刑事司法协助条约, 自贸协定, 联合公报): an agreement
/// only where the clause signs, negotiates, issues or brings it into force.
/// </summary>
public static partial class ChineseTypedInstrumentFinder
{
    // "中日和平友好条约": a two-country abbreviation in front belongs to the name.
    [GeneratedRegex("(?:[中美俄日英法德韩朝印巴越老柬泰缅蒙哈吉塔乌澳新墨古菲马文]{2}(?=[^条协]{2,}(?:条约|协定)))?(?:刑事司法协助|民事司法协助|民商事司法协助|司法协助|引渡|资产分享|移管被判刑人|被判刑人移管|避免双重征税|相互促进和保护投资|投资保护|双边投资|自由贸易|自贸|货币互换|本币互换|互免签证|边界|领事|航空运输|睦邻友好合作|友好合作|和平友好)(?:条约|协定)(?:升级议定书|议定书)?")]
    private static partial Regex TypedTreaty();

    // Cooperation agreements that governments, banks and companies sign (战略合作框架协议, 本币互换协议):
    // only a run of known modifiers before the head, so the name never swallows the parties in front.
    [GeneratedRegex("(?:深化|全面|战略|双边|本币|货币|融资|新闻|交流|警务|经贸|投资|技术|科技|能源|金融|贸易|执法|司法|研究生|学术|教育|人才|代销|授信|物流|供货|采购|销售|结算|区校|校企|银企|产能|长期|银团|联合融资|融资)*(?:合作框架|战略合作|合作|框架|互换|停火|和平|联合培养|投资|供货|贷款|采购)协议")]
    private static partial Regex TypedAccord();

    // 签署了关于开展可持续发展合作的谅解备忘录: a title without book marks, from 关于 (the last one) to the instrument word.
    [GeneratedRegex("关于(?:(?!关于)[^，。；！？：,;!?\n《》\"]){2,40}?的(?:合作)?(?:谅解备忘录|合作备忘录|联合声明|联合公报|联合宣言|协议|协定|条约|议定书)")]
    private static partial Regex AboutTitle();

    private static readonly string[] AboutContext = ["签署", "签订", "续签", "商签", "缔结", "发表", "发布", "通过", "达成"];

    [GeneratedRegex("(?:联合公报|联合声明|联合宣言|(?:(?:深化|全面|战略|经贸|投资|金融|科技|能源)*合作)?谅解备忘录|合作备忘录)")]
    private static partial Regex JointDocument();

    private static readonly string[] TreatyContext =
        ["签署", "签订", "缔结", "商签", "续签", "谈判", "生效", "批准", "加入", "达成", "签约", "升级", "修订", "磋商", "落实"];

    private static readonly string[] IssueContext = ["发表", "签署", "签订", "续签", "商签", "通过", "发布", "达成", "共同"];

    public static IEnumerable<Candidate> Find(string text, Func<int, int, bool> isTaken)
    {
        var found = new List<Candidate>();
        bool Taken(int s, int e) => isTaken(s, e) || found.Any(c => c.Start < e && s < c.End);
        foreach (Match m in AboutTitle().Matches(text))
        {
            if (Taken(m.Index, m.Index + m.Length)) continue;
            var (clauseStart, _) = Clause.Bounds(text, m.Index);
            if (!AboutContext.Any(text[clauseStart..m.Index].Contains)) continue;
            var candidate = new Candidate(m.Index, m.Index + m.Length, m.Value, EntityTypes.Agreement,
                RuleIds.AgreementTyped, RuleConfidence.Sure) { Canonical = m.Value, Kind = TitleRules.ChineseKind(m.Value) };
            found.Add(candidate);
            yield return candidate;
        }
        DomainPhrase? domain = null;
        foreach (Match m in MatchesIfAny(TypedTreaty(), text, "条约", "协定").Concat(MatchesIfAny(TypedAccord(), text, "协议")))
        {
            if (Taken(m.Index, m.Index + m.Length)) continue;
            var clause = Clause.Around(text, m.Index);
            if (!TreatyContext.Any(clause.Contains)) continue;
            // 加沙停火协议, 苏丹和平协议: a cease-fire or peace accord is named by the place it holds in.
            var start = m.Value.EndsWith("停火协议") || m.Value.EndsWith("和平协议") ? PlaceBefore(text, m.Index) : m.Index;
            // 民事和商事司法协助协定: the whole domain phrase in front of the typed words belongs to the name
            // (not a two-country abbreviation the pattern already took: 中日和平友好条约 is whole).
            if (start == m.Index && !PartyAbbreviation().IsMatch(m.Value))
            {
                domain ??= new DomainPhrase(text);
                var wider = domain.Start(m.Index);
                if (wider < start && !Taken(wider, m.Index + m.Length)) start = wider;
            }
            var name = text[start..(m.Index + m.Length)];
            var candidate = new Candidate(start, m.Index + m.Length, name, EntityTypes.Agreement,
                RuleIds.AgreementTyped, RuleConfidence.Sure) { Canonical = name, Kind = TitleRules.ChineseKind(name) };
            found.Add(candidate);
            yield return candidate;
        }
        foreach (Match m in MatchesIfAny(JointDocument(), text, "联合", "备忘录"))
        {
            if (Taken(m.Index, m.Index + m.Length)) continue;
            // The clause issues the document itself: 签署并发表联合公报, 签署关于…的谅解备忘录; not 根据联合声明.
            var (clauseStart, _) = Clause.Bounds(text, m.Index);
            var before = text[clauseStart..m.Index];
            if (!IssueContext.Any(before.Contains)) continue;
            var start = m.Index;
            // 空间科学合作谅解备忘录, 银行业监管合作谅解备忘录: a memorandum is named by what it is about. A joint
            // statement or communiqué is named by its parties, which stay outside.
            if (m.Value.EndsWith("备忘录"))
            {
                domain ??= new DomainPhrase(text);
                var wider = domain.Start(m.Index);
                if (wider < start && !Taken(wider, m.Index + m.Length)) start = wider;
            }
            var name = text[start..(m.Index + m.Length)];
            var kind = TitleRules.ChineseKind(name);
            var confidence = name.EndsWith("备忘录") ? RuleConfidence.Fair : RuleConfidence.Sure;
            var candidate = new Candidate(start, m.Index + m.Length, name, EntityTypes.Agreement,
                RuleIds.AgreementTyped, confidence) { Canonical = name, Kind = kind };
            found.Add(candidate);
            yield return candidate;
        }
    }

    /// <summary>
    /// The pattern's matches where the text holds one of <paramref name="words"/>, which every match contains. The
    /// patterns open with optional modifiers, so the engine would try them at almost every character of a Chinese
    /// text; a vectorised search for the words first costs little where they are absent, as they mostly are.
    /// </summary>
    private static IEnumerable<Match> MatchesIfAny(Regex pattern, string text, params string[] words) =>
        words.Any(w => text.Contains(w, StringComparison.Ordinal)) ? pattern.Matches(text) : [];

    [GeneratedRegex("^[中美俄日英法德韩朝印巴越老柬泰缅蒙哈吉塔乌澳新墨古菲马文]{2}(?=[^条协]{2,}(?:条约|协定))")]
    private static partial Regex PartyAbbreviation();

    /// <summary>The start of a place name ending right at <paramref name="end"/>, or <paramref name="end"/> itself.</summary>
    private static int PlaceBefore(string text, int end)
    {
        for (var length = 6; length >= 2; length--)
            if (end - length >= 0 && Pipeline.Organisations.Places.PlaceAt(text, end - length, end) == length) return end - length;
        return end;
    }
}

/// <summary>The comma-delimited clause around an offset (Chinese and Western punctuation).</summary>
public static class Clause
{
    private const string Stops = "，。；！？,;!?\n：:";

    public static string Around(string text, int offset)
    {
        var (s, e) = Bounds(text, offset);
        return text[s..e];
    }

    public static (int Start, int End) Bounds(string text, int offset)
    {
        var s = offset;
        while (s > 0 && !Stops.Contains(text[s - 1])) s--;
        var e = offset;
        while (e < text.Length && !Stops.Contains(text[e])) e++;
        return (s, e);
    }
}
