using Pipeline.Agreements;
using Pipeline.Model;

namespace Pipeline.Tests.Agreements;

/// <summary>
/// Chinese instruments whose span or type depends on more than their last words: a typed instrument keeps the whole
/// domain phrase in front of it (空间科学合作谅解备忘录) and stops at the verb, particle, number, date, party or body
/// before; a title headed by 安排 is an agreement between parties (CEPA); the 章程 of an international body is a
/// charter. Invented sentences in the style of the news; DATE and ORG markup as in <see cref="SentenceTableTests"/>.
/// </summary>
public class ChineseInstrumentTests
{
    public sealed record Expect(string Title, string Type, string? Kind = null, string? Canonical = null, int Occurrence = 0);

    private static TestCaseData Case(string marked, Expect expect) =>
        new TestCaseData(marked, expect).SetName($"{{m}}: {expect.Title} as {expect.Type}");

    private const string A = EntityTypes.Agreement;
    private const string Law = EntityTypes.Law;
    private const string None = EntityTypes.None;

    public static IEnumerable<TestCaseData> DomainPhrases()
    {
        // The modifier nouns that say what the instrument is about belong to it.
        yield return Case("[O:|国家航天局]与[O:|意大利航天局]当天续签了空间科学合作谅解备忘录。",
            new("空间科学合作谅解备忘录", A, "memorandum"));
        yield return Case("本月中旬，[O:|金融监管总局]与[O:|马来西亚国家银行]签署了银行业监管合作谅解备忘录。",
            new("银行业监管合作谅解备忘录", A, "memorandum"));
        yield return Case("我国对外缔结的第一项司法协助条约是1987年5月与法国签署的民事和商事司法协助协定。",
            new("民事和商事司法协助协定", A, "agreement"));
        yield return Case("华友钴业与匈牙利方面签署正极材料项目投资协议。",
            new("正极材料项目投资协议", A, "agreement"));
        yield return Case("演习期间，双方签署了联合训练合作谅解备忘录。",
            new("联合训练合作谅解备忘录", A, "memorandum"));
        yield return Case("今天两国主管部门将签署的旅游合作备忘录将为今后的合作打下基础。",
            new("旅游合作备忘录", A, "memorandum"));
        yield return Case("去年，哈萨克斯坦与中国签署了石油合作协议。",
            new("石油合作协议", A, "agreement"));
        yield return Case("安哥拉政府1994年在赞比亚首都签署了卢萨卡和平协议。",
            new("卢萨卡和平协议", A, "agreement"));
        // The phrase stops at a number or measure word, at parties and bodies, and at 和 joining two instruments.
        yield return Case("两国外长签署了两项合作谅解备忘录。", new("合作谅解备忘录", A, "memorandum"));
        yield return Case("双方签署了中俄能源合作协议。", new("能源合作协议", A, "agreement"));
        yield return Case("双方签署了中国劳动部和荷兰社会事务与就业部合作备忘录。", new("合作备忘录", A, "memorandum"));
        yield return Case("11月下旬，中国与乌拉圭在蒙得维的亚签署了引渡条约和刑事司法协助条约。",
            new("刑事司法协助条约", A, "treaty"));
        yield return Case("11月下旬，中国与乌拉圭在蒙得维的亚签署了引渡条约和刑事司法协助条约。",
            new("引渡条约", A, "treaty"));
        yield return Case("中国人民银行与印度尼西亚银行续签了双边本币互换协议。", new("双边本币互换协议", A, "agreement"));
        // A name the pattern already closed with its parties stays whole, and a word the rules do not know before the
        // phrase (纪念, 力促) leaves the span as the pattern found it rather than swallow a verb.
        yield return Case("两国举行活动，纪念中日和平友好条约缔结45周年。", new("中日和平友好条约", A, "treaty"));
        yield return Case("各方同意，力促自由贸易协定尽快签署。", new("自由贸易协定", A, "agreement"));
    }

    public static IEnumerable<TestCaseData> Titles()
    {
        // 安排 between parties is an agreement (CEPA), and its bracketed short name follows it.
        yield return Case("2003年6月，内地与香港签署《内地与香港关于建立更紧密经贸关系的安排》（CEPA）。",
            new("内地与香港关于建立更紧密经贸关系的安排", A, "agreement"));
        yield return Case("2003年6月，内地与香港签署《内地与香港关于建立更紧密经贸关系的安排》（CEPA）。",
            new("CEPA", A, "agreement", Canonical: "内地与香港关于建立更紧密经贸关系的安排"));
        yield return Case("同年10月，内地与澳门签署《内地与澳门关于建立更紧密经贸关系的安排》。",
            new("内地与澳门关于建立更紧密经贸关系的安排", A, "agreement"));
        yield return Case("[O:|海关总署]与新加坡海关签署《中新海关AEO互认安排》。",
            new("中新海关AEO互认安排", A, "agreement"));
        yield return Case("局党组审议了《2025年春节期间工作安排》。", new("2025年春节期间工作安排", None));
        yield return Case("[O:|国务院办公厅]印发《关于2025年部分节假日安排的通知》。", new("关于2025年部分节假日安排的通知", None));
        // The 章程 of an international body is a charter; a party's, a company's or a national association's is not.
        yield return Case("会议审议通过了《亚奥理事会章程》修正案。", new("亚奥理事会章程", A, "charter"));
        yield return Case("大会审议通过了修订后的《“一带一路”国际科学组织联盟章程》。",
            new("“一带一路”国际科学组织联盟章程", A, "charter"));
        yield return Case("[O:|中国足球协会]会员大会通过新修订的《中国足球协会章程》。", new("中国足球协会章程", Law));
        yield return Case("股东大会审议通过《华为投资控股有限公司章程》修订案。", new("华为投资控股有限公司章程", Law));
        yield return Case("理事会通过了《上海国际仲裁中心章程》。", new("上海国际仲裁中心章程", Law));
    }

    [TestCaseSource(nameof(DomainPhrases))]
    [TestCaseSource(nameof(Titles))]
    public void Instrument_has_the_expected_span_and_type(string marked, Expect expect)
    {
        var (text, given) = AgreementTestKit.Parse(marked);
        var article = AgreementTestKit.Run(text, given, "zh");
        var start = text.IndexOf(expect.Title, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "title not in sentence");
        var span = new TextSpan(start, start + expect.Title.Length);
        var scored = article.Entities.Where(e => e.Type is not EntityTypes.Date and not EntityTypes.Org).ToList();
        var found = string.Join(", ", scored.Select(e => $"{e.Type}:{e.Text}"));

        if (expect.Type == EntityTypes.None)
        {
            Assert.That(scored.Where(e => e.Span.Overlaps(span) && e.Type == EntityTypes.Agreement), Is.Empty, found);
            return;
        }
        var entity = scored.FirstOrDefault(e => e.Span == span);
        Assert.That(entity, Is.Not.Null, $"no entity at '{expect.Title}'; found: {found}");
        Assert.That(entity!.Type, Is.EqualTo(expect.Type));
        if (expect.Type != EntityTypes.Agreement) return;
        var record = article.Agreements.Single(r => r.Mentions.Contains(span));
        Assert.Multiple(() =>
        {
            Assert.That(record.Canonical, Is.EqualTo(expect.Canonical ?? expect.Title), "canonical");
            Assert.That(record.Kind, Is.EqualTo(expect.Kind), "kind");
        });
    }

    [Test]
    public void Cepa_is_known_by_its_full_names_but_not_by_an_acronym_other_agreements_share()
    {
        var cepa = KnownInstruments.All.Single(k => k.Chinese == "内地与香港关于建立更紧密经贸关系的安排");
        Assert.That(cepa.Kind, Is.EqualTo("agreement"));
        Assert.That(cepa.ShortNames, Does.Not.Contain("CEPA"));
        var english = AgreementTestKit.Run("The Closer Economic Partnership Arrangement took effect in 2004.", [], "en");
        Assert.That(english.Entities.Where(e => e.Type == EntityTypes.Agreement).Select(e => e.Canonical),
            Does.Contain("Mainland and Hong Kong Closer Economic Partnership Arrangement"));
    }
}
