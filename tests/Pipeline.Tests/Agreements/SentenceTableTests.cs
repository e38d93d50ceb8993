using Pipeline.Model;

namespace Pipeline.Tests.Agreements;

/// <summary>
/// Invented sentences in the style of Chinese and English news, each with what an analyst expects:
/// the title's type, and for agreements the kind, date, forum or parties, and action.
/// DATE and ORG entities are marked inline: [D:value|text], [O:canonical|text].
/// A null date or action means the sentence must NOT give one (a nearby date is not an adoption date).
/// </summary>
public class SentenceTableTests
{
    public sealed record Expect(string Title, string Type, string? Kind = null, string? Date = null, string? Forum = null,
        string? Parties = null, string? Action = null, string? Canonical = null);

    private static TestCaseData Case(string marked, Expect expect) =>
        new TestCaseData(marked, expect).SetName($"{{m}}: {expect.Title} as {expect.Type}");

    private const string A = EntityTypes.Agreement;
    private const string Law = EntityTypes.Law;
    private const string Media = EntityTypes.Media;
    private const string Pub = EntityTypes.Publication;
    private const string None = EntityTypes.None;

    public static IEnumerable<TestCaseData> Chinese()
    {
        // Treaties, conventions, declarations, statements with their dates and bodies.
        yield return Case("[D:2001-07-16|2001年7月16日]，中俄两国元首在莫斯科签署《中俄睦邻友好合作条约》。",
            new("中俄睦邻友好合作条约", A, "treaty", "2001-07-16", Action: "signed"));
        yield return Case("[D:2002-06|2002年6月]，[O:上海合作组织|上合组织]成员国元首在圣彼得堡签署《上海合作组织宪章》。",
            new("上海合作组织宪章", A, "charter", "2002-06", "上海合作组织", Action: "signed"));
        yield return Case("[D:2015-12|2015年12月]，《巴黎协定》在巴黎气候变化大会上通过。",
            new("巴黎协定", A, "agreement", "2015-12", Action: "adopted"));
        yield return Case("[D:2016-11-04|2016年11月4日]，《巴黎协定》正式生效。",
            new("巴黎协定", A, "agreement", "2016-11-04", Action: "in force"));
        yield return Case("《联合国宪章》于[D:1945-10-24|1945年10月24日]生效。",
            new("联合国宪章", A, "charter", "1945-10-24", Action: "in force"));
        yield return Case("[D:1982|1982年]通过的《联合国海洋法公约》确立了现代海洋法律秩序。",
            new("联合国海洋法公约", A, "convention", "1982", Action: "adopted"));
        yield return Case("中国是《联合国海洋法公约》缔约国，始终维护公约的权威性。",
            new("联合国海洋法公约", A, "convention"));
        yield return Case("[D:1972-02|1972年2月]，中美双方在上海发表《中美联合公报》。",
            new("中美联合公报", A, "communique", "1972-02", Action: "issued"));
        yield return Case("[D:1978-08-12|1978年8月12日]，中日两国在北京签署《中日和平友好条约》。",
            new("中日和平友好条约", A, "treaty", "1978-08-12", Action: "signed"));
        yield return Case("[D:2023-03-21|2023年3月21日]，两国元首签署并发表《中华人民共和国和俄罗斯联邦关于新时代全面战略协作伙伴关系的联合声明》。",
            new("中华人民共和国和俄罗斯联邦关于新时代全面战略协作伙伴关系的联合声明", A, "statement", "2023-03-21", Action: "issued"));
        yield return Case("双方发表了《中华人民共和国和法兰西共和国联合声明》。",
            new("中华人民共和国和法兰西共和国联合声明", A, "statement", Action: "issued"));
        yield return Case("[D:2017-09|2017年9月]，[O:|金砖国家]领导人第九次会晤在厦门举行，会晤通过《金砖国家领导人厦门宣言》。",
            new("金砖国家领导人厦门宣言", A, "declaration", "2017-09", "金砖国家", Action: "adopted"));
        yield return Case("[D:2018-11|2018年11月]，第21次中国—[O:东南亚国家联盟|东盟]领导人会议通过《中国—东盟战略伙伴关系2030年愿景》。",
            new("中国—东盟战略伙伴关系2030年愿景", A, "plan", "2018-11", "东南亚国家联盟", Action: "adopted"));
        yield return Case("[D:2021-11|2021年11月]，[O:|中非合作论坛]第八届部长级会议通过《中非合作论坛—达喀尔行动计划（[D:2022/2024|2022—2024年]）》。",
            new("中非合作论坛—达喀尔行动计划（2022—2024年）", A, "plan", "2021-11", "中非合作论坛", Action: "adopted"));
        yield return Case("中方愿同各方一道，全面有效落实《南海各方行为宣言》。",
            new("南海各方行为宣言", A, "declaration"));
        yield return Case("[D:2020-11-15|2020年11月15日]，东盟10国和中国、日本、韩国、澳大利亚、新西兰正式签署《区域全面经济伙伴关系协定》。",
            new("区域全面经济伙伴关系协定", A, "agreement", "2020-11-15", Action: "signed"));
        yield return Case("[D:2022-01-01|2022年1月1日]，RCEP正式生效。",
            new("RCEP", A, "agreement", "2022-01-01", Action: "in force", Canonical: "区域全面经济伙伴关系协定"));
        yield return Case("日前签署的RCEP将为地区经济复苏注入动力。",
            new("RCEP", A, "agreement", Action: "signed", Canonical: "区域全面经济伙伴关系协定"));
        yield return Case("中国已正式提出申请加入CPTPP。",
            new("CPTPP", A, "agreement", Action: "planned", Canonical: "全面与进步跨太平洋伙伴关系协定"));
        yield return Case("美国[D:2018|2018年]宣布退出伊核协议，引发国际社会普遍担忧。",
            new("伊核协议", A, "agreement", Canonical: "伊朗核问题全面协议"));
        yield return Case("[D:2019-06|2019年6月]，[O:上海合作组织|上合组织]比什凯克峰会发表《比什凯克宣言》；[D:2020-11|2020年11月]，[O:上海合作组织|上合组织]成员国元首签署《莫斯科宣言》。",
            new("比什凯克宣言", A, "declaration", "2019-06", "上海合作组织", Action: "issued"));
        yield return Case("[D:2019-06|2019年6月]，[O:上海合作组织|上合组织]比什凯克峰会发表《比什凯克宣言》；[D:2020-11|2020年11月]，[O:上海合作组织|上合组织]成员国元首签署《莫斯科宣言》。",
            new("莫斯科宣言", A, "declaration", "2020-11", "上海合作组织", Action: "signed"));
        yield return Case("中国于[D:1992|1992年]加入《不扩散核武器条约》，并于[D:1996|1996年]签署《全面禁止核试验条约》。",
            new("不扩散核武器条约", A, "treaty", "1992", Action: "acceded"));
        yield return Case("中国于[D:1992|1992年]加入《不扩散核武器条约》，并于[D:1996|1996年]签署《全面禁止核试验条约》。",
            new("全面禁止核试验条约", A, "treaty", "1996", Action: "signed"));
        yield return Case("[D:2014-05|2014年5月]，亚信第四次峰会在上海举行。与会各方通过了《亚信第四次峰会上海宣言》。",
            new("亚信第四次峰会上海宣言", A, "declaration", "2014-05", Action: "adopted"));
        yield return Case("[D:2022-09-16|9月16日]，[O:上海合作组织成员国元首理事会|上合组织成员国元首理事会]第二十二次会议在撒马尔罕举行。与会领导人签署并发表《撒马尔罕宣言》。",
            new("撒马尔罕宣言", A, "declaration", "2022-09-16", "上海合作组织成员国元首理事会", Action: "issued"));
        yield return Case("[D:2016-09|2016年9月]，[O:二十国集团|G20]杭州峰会发表《二十国集团领导人杭州峰会公报》。",
            new("二十国集团领导人杭州峰会公报", A, "communique", "2016-09", "二十国集团", Action: "issued"));
        yield return Case("[D:2005|2005年]，[O:|联合国大会]通过《世界首脑会议成果》，[D:2006|2006年]又通过《联合国全球反恐战略》。",
            new("联合国全球反恐战略", A, "plan", "2006", Action: "adopted"));
        yield return Case("[D:2003|2003年]，[O:|联合国大会]审议通过了《联合国反腐败公约》。",
            new("联合国反腐败公约", A, "convention", "2003", "联合国大会", Action: "adopted"));
        yield return Case("[D:2021-10|2021年10月]，两国外长签署了《中国—柬埔寨自由贸易协定》议定书。",
            new("中国—柬埔寨自由贸易协定", A, "agreement", "2021-10", Action: "signed"));
        yield return Case("双方同意尽快完成《中欧地理标志协定》谈判。",
            new("中欧地理标志协定", A, "agreement", Action: "negotiating"));
        yield return Case("两国领导人见证签署《关于共同推进“一带一路”建设的谅解备忘录》。",
            new("关于共同推进“一带一路”建设的谅解备忘录", A, "memorandum", Action: "signed"));
        yield return Case("[D:2000-10|2000年10月]，首届中非合作论坛部长级会议通过《中非合作论坛北京宣言》和《中非经济和社会发展合作纲领》。",
            new("中非合作论坛北京宣言", A, "declaration", "2000-10", Action: "adopted"));
        yield return Case("[D:2000-10|2000年10月]，首届中非合作论坛部长级会议通过《中非合作论坛北京宣言》和《中非经济和社会发展合作纲领》。",
            new("中非经济和社会发展合作纲领", A, "plan", "2000-10", Action: "adopted"));
        yield return Case("该议定书明确了《京都议定书》第二承诺期的减排目标。",
            new("京都议定书", A, "protocol"));
        yield return Case("《禁止化学武器公约》缔约国大会第二十七届会议在海牙召开。",
            new("禁止化学武器公约", A, "convention"));

        // Typed instruments without a title.
        yield return Case("[D:2019-04|2019年4月]，我国与阿根廷签署了引渡条约。",
            new("引渡条约", A, "treaty", "2019-04", Parties: "中国+阿根廷", Action: "signed"));
        yield return Case("近年来，我国与20余个国家签署了刑事司法协助条约，合作网络不断扩大。",
            new("刑事司法协助条约", A, "treaty", Parties: "20余个国家+中国", Action: "signed"));
        yield return Case("中国已与多个国家商签资产分享条约。",
            new("资产分享条约", A, "treaty", Parties: "中国+多个国家", Action: "negotiating"));
        yield return Case("两国外长表示，将尽快签署避免双重征税协定。",
            new("避免双重征税协定", A, "agreement", Action: "planned"));
        yield return Case("[D:2017-05-13|2017年5月13日]，中国与格鲁吉亚签署自由贸易协定。",
            new("自由贸易协定", A, "agreement", "2017-05-13", Parties: "中国+格鲁吉亚", Action: "signed"));
        yield return Case("双方同意尽快启动自贸协定谈判。",
            new("自贸协定", A, "agreement", Action: "negotiating"));
        yield return Case("俄罗斯与白俄罗斯签订了边界条约。",
            new("边界条约", A, "treaty", Parties: "俄罗斯+白俄罗斯", Action: "signed"));
        yield return Case("[D:2019-03-23|2019年3月23日]，中国与意大利签署关于共同推进“一带一路”建设的谅解备忘录。",
            new("关于共同推进“一带一路”建设的谅解备忘录", A, "memorandum", "2019-03-23", Parties: "中国+意大利", Action: "signed"));
        // A summit's list of outcomes and an initiative a meeting adopts are its outcome documents.
        yield return Case("峰会期间，各国领导人通过《中国—非洲峰会成果清单》。",
            new("中国—非洲峰会成果清单", A, "plan", Action: "adopted"));
        yield return Case("[O:|金砖国家]领导人会晤通过《关于加强全球粮食安全合作的倡议》。",
            new("关于加强全球粮食安全合作的倡议", A, "initiative", Forum: "金砖国家", Action: "adopted"));
        // A title without book marks runs from its 关于; a cease-fire accord is named by its place.
        yield return Case("两国政府签署了关于互免持外交护照人员签证的协定。",
            new("关于互免持外交护照人员签证的协定", A, "agreement", Action: "signed"));
        yield return Case("两国外长发表了关于加强海上合作的联合声明。",
            new("关于加强海上合作的联合声明", A, "statement", Action: "issued"));
        yield return Case("两所大学续签谅解备忘录，继续联合培养研究生。",
            new("谅解备忘录", A, "memorandum", Action: "signed"));
        yield return Case("联合国呼吁冲突各方切实落实也门停火协议。",
            new("也门停火协议", A, "agreement"));
        yield return Case("会议结束时，各国外长共同签署并发表联合声明。",
            new("联合声明", A, "statement", Action: "issued"));
        yield return Case("[D:2023-05-19|5月19日]，中国—中亚峰会在西安举行。峰会期间，六国元首签署了联合宣言。",
            new("联合宣言", A, "declaration", "2023-05-19", Action: "signed"));

        // Parties: a pair abbreviation, a partner's envoy, a title that names its parties.
        yield return Case("[D:2023-10-17|2023年10月17日]，中塞两国签署《中华人民共和国政府和塞尔维亚共和国政府自由贸易协定》。",
            new("中华人民共和国政府和塞尔维亚共和国政府自由贸易协定", A, "agreement", "2023-10-17", Parties: "中国+塞尔维亚", Action: "signed"));
        yield return Case("中方还同白俄罗斯外长签署《关于加强国际信息安全领域合作的联合声明》。",
            new("关于加强国际信息安全领域合作的联合声明", A, "statement", Parties: "中国+白俄罗斯", Action: "signed"));
        yield return Case("会谈后，两国元首共同签署并发表《中华人民共和国和哈萨克斯坦共和国联合声明》。",
            new("中华人民共和国和哈萨克斯坦共和国联合声明", A, "statement", Parties: "中国+哈萨克斯坦", Action: "issued"));
        yield return Case("我国已与29个国家和地区签署22个自贸协定。",
            new("自贸协定", A, "agreement", Parties: "29个国家和地区+中国", Action: "signed"));
        yield return Case("[O:|上海合作组织]成员国外交部长理事会会议[D:2025-06-12|12日]在青岛举行。会议还批准了《〈上海合作组织成员国长期睦邻友好合作条约〉实施纲要（[D:2025/2029|2025—2029年]）》。",
            new("〈上海合作组织成员国长期睦邻友好合作条约〉实施纲要（2025—2029年）", A, "plan", "2025-06-12", "上海合作组织成员国外交部长理事会", Action: "approved"));

        // Titles that are not agreements.
        yield return Case("[D:2018-03|2018年3月]，十三届全国人大一次会议表决通过《中华人民共和国监察法》。", new("中华人民共和国监察法", Law));
        yield return Case("[D:2021-06-10|2021年6月10日]，全国人大常委会通过《中华人民共和国反外国制裁法》。", new("中华人民共和国反外国制裁法", Law));
        yield return Case("[D:2019-06|2019年6月]，[O:|上海合作组织]成员国元首理事会就深化合作达成共识，并将其写入《比什凯克宣言》。",
            new("比什凯克宣言", A, "declaration", "2019-06", "上海合作组织成员国元首理事会", Action: "adopted"));
        yield return Case("“反腐败国际合作”被写入《监察法》。", new("监察法", Law));
        yield return Case("[D:2021-01-01|2021年1月1日]起，《中华人民共和国民法典》正式施行。", new("中华人民共和国民法典", Law));
        yield return Case("修订后的《中国共产党纪律处分条例》印发实施。", new("中国共产党纪律处分条例", Law));
        yield return Case("党的二十大通过了关于《中国共产党章程（修正案）》的决议。", new("中国共产党章程（修正案）", Law));
        yield return Case("《中华人民共和国香港特别行政区维护国家安全法》公布施行。", new("中华人民共和国香港特别行政区维护国家安全法", Law));
        yield return Case("《行政许可法》对许可程序作了详细规定。", new("行政许可法", Law));
        yield return Case("国务院公布《优化营商环境条例》。", new("优化营商环境条例", Law));
        yield return Case("新修订的《中华人民共和国外商投资法实施细则》明确了有关程序。", new("中华人民共和国外商投资法实施细则", Law));
        yield return Case("据《人民日报》报道，会议在北京举行。", new("人民日报", Media));
        yield return Case("美国《华尔街日报》刊文称，两国达成重要共识。", new("华尔街日报", Media));
        yield return Case("《求是》杂志发表习近平总书记的重要文章。", new("求是", Media));
        yield return Case("《纽约时报》援引消息人士的话说，谈判仍在进行。", new("纽约时报", Media));
        yield return Case("英国《经济学人》杂志发表评论文章。", new("经济学人", Media));
        yield return Case("《光明日报》《经济日报》同时刊发评论员文章。", new("光明日报", Media));
        yield return Case("《环球时报》记者在现场采访了多位与会代表。", new("环球时报", Media));
        yield return Case("《参考消息》转引外媒报道称，协定谈判取得进展。", new("参考消息", Media));
        yield return Case("《党的十九大报告》指出，中国特色社会主义进入新时代。", new("党的十九大报告", Pub));
        yield return Case("国务院总理在十四届全国人大一次会议上作《政府工作报告》。", new("政府工作报告", Pub));
        yield return Case("《习近平谈治国理政》第四卷出版发行。", new("习近平谈治国理政", Pub));
        yield return Case("国务院新闻办公室发表《新时代的中国国防》白皮书。", new("新时代的中国国防", None));
        yield return Case("[D:2023-02|2023年2月]，国家统计局发布《2022年国民经济和社会发展统计公报》。", new("2022年国民经济和社会发展统计公报", Pub));
        yield return Case("国际货币基金组织发布《世界经济展望报告》。", new("世界经济展望报告", Pub));
        yield return Case("《邓小平文选》第三卷收录了这篇讲话。", new("邓小平文选", Pub));
        yield return Case("《中国统计年鉴》显示，对外贸易持续增长。", new("中国统计年鉴", Pub));
        yield return Case("电视剧《觉醒年代》在多国热播。", new("觉醒年代", None));
        yield return Case("电影《战狼2》票房突破50亿元。", new("战狼2", None));
        yield return Case("《红楼梦》被译成多种语言。", new("红楼梦", None));
        yield return Case("他发表题为《携手构建人类命运共同体》的主旨演讲。", new("携手构建人类命运共同体", None));
        yield return Case("[D:2015|2015年]，联合国通过了《2030年可持续发展议程》。", new("2030年可持续发展议程", None));
        yield return Case("《中国制造2025》提出了制造强国战略。", new("中国制造2025", None));
        yield return Case("香港《大公报》发表社评。", new("大公报", Media));
        yield return Case("[D:1996|1996年]全国人大审议通过的《国民经济和社会发展“九五”计划和2010年远景目标纲要》提出了发展目标。",
            new("国民经济和社会发展“九五”计划和2010年远景目标纲要", None));
        yield return Case("今年是中日和平友好条约缔结45周年。",
            new("中日和平友好条约", A, "treaty", Action: "signed"));
        // 协议书 and 契约 end instruments, not books; typed instruments keep their modifiers and their protocol.
        yield return Case("两市市长签署《江西省景德镇市与意大利法恩扎市建立友好城市关系协议书》。",
            new("江西省景德镇市与意大利法恩扎市建立友好城市关系协议书", A, "agreement", Action: "signed"));
        yield return Case("[O:联合国大会|联合国大会]通过《未来契约》。",
            new("未来契约", A, "agreement", Forum: "联合国大会", Action: "adopted"));
        yield return Case("中国银行与埃及国民银行签署战略合作谅解备忘录。",
            new("战略合作谅解备忘录", A, "memorandum", Action: "signed"));
        yield return Case("双方宣布实质性结束中国—秘鲁自由贸易协定升级议定书谈判。",
            new("自由贸易协定升级议定书", A, "protocol", Action: "negotiating"));
        yield return Case("中国科学院大学与肯尼亚一所大学续签了研究生联合培养协议。",
            new("研究生联合培养协议", A, "agreement", Action: "signed"));
        yield return Case("该行与省内12家企业签署授信合作协议。",
            new("授信合作协议", A, "agreement", Action: "signed"));
    }

    public static IEnumerable<TestCaseData> English()
    {
        yield return Case("The Paris Agreement was adopted by 196 Parties at COP21 in Paris on [D:2015-12-12|December 12, 2015].",
            new("Paris Agreement", A, "agreement", "2015-12-12", Action: "adopted"));
        yield return Case("On [D:2022-07-05|July 5, 2022], NATO Allies signed the Accession Protocols for Finland and Sweden.",
            new("Accession Protocols for Finland and Sweden", A, "protocol", "2022-07-05", Action: "signed"));
        yield return Case("The United States and Mexico signed an extradition treaty in [D:1978|1978].",
            new("extradition treaty", A, "treaty", "1978", Parties: "Mexico+United States", Action: "signed"));
        yield return Case("The [O:United Nations General Assembly|UN General Assembly] adopted the United Nations Convention against Corruption on [D:2003-10-31|October 31, 2003].",
            new("United Nations Convention against Corruption", A, "convention", "2003-10-31", "United Nations General Assembly", Action: "adopted"));
        yield return Case("China ratified the UNCAC in [D:2005-10|October 2005].",
            new("UNCAC", A, "convention", "2005-10", Action: "approved", Canonical: "United Nations Convention against Corruption"));
        yield return Case("Leaders issued the Joint Statement on Strengthening Cooperation after the meeting on [D:2023-05-20|May 20, 2023].",
            new("Joint Statement on Strengthening Cooperation", A, "statement", "2023-05-20", Action: "issued"));
        yield return Case("The Treaty on the Non-Proliferation of Nuclear Weapons entered into force in [D:1970|1970].",
            new("Treaty on the Non-Proliferation of Nuclear Weapons", A, "treaty", "1970", Action: "in force"));
        yield return Case("Both countries will sign a free trade agreement next year.",
            new("free trade agreement", A, "agreement", Action: "planned"));
        // Typed instruments of business news, between named parties, after a possessive or a headline's verb.
        yield return Case("The two carmakers aim to sign a merger agreement in [D:2025-06|June next year].",
            new("merger agreement", A, "agreement", "2025-06", Action: "planned"));
        yield return Case("The EU-Mercosur trade agreement has been stalled for years.",
            new("EU-Mercosur trade agreement", A, "agreement", Canonical: "EU-Mercosur trade agreement"));
        yield return Case("India, UAE sign investment treaty.",
            new("investment treaty", A, "treaty", Action: "signed"));
        yield return Case("The two bodies signed a co-operation agreement in Nyon.",
            new("co-operation agreement", A, "agreement", Action: "signed"));
        // A word between the determiner or verb and the instrument stays out; an instrument "with" a named party needs no verb.
        yield return Case("JICA signed the related loan agreement in Dhaka.",
            new("loan agreement", A, "agreement", Action: "signed"));
        yield return Case("Yemen's warring parties sign UN-backed ceasefire road map in Muscat.",
            new("ceasefire road map", A, "plan", Action: "signed"));
        yield return Case("The deal keeps the terms of a bilateral security agreement with Ukraine.",
            new("bilateral security agreement", A, "agreement"));
        yield return Case("ADNOC Gas signed a liquefied natural gas supply agreement with Indian Oil Corporation.",
            new("liquefied natural gas supply agreement", A, "agreement", Action: "signed"));
        yield return Case("Officials on both sides began drafting an electricity trading agreement.",
            new("electricity trading agreement", A, "agreement"));
        yield return Case("The plan builds on last summer's joint statement with Washington, which capped tariffs.",
            new("joint statement", A, "statement"));
        yield return Case("Bank Indonesia and the Ministry of Finance also signed a memorandum of cooperation on local currency settlement.",
            new("memorandum of cooperation", A, "memorandum", Action: "signed"));
        // British style writes a known name's last noun in lower case.
        yield return Case("The deal makes the commitments of the Paris agreement enforceable.",
            new("Paris agreement", A, "agreement", Canonical: "Paris Agreement"));
        yield return Case("The Joint Comprehensive Plan of Action was concluded in Vienna in [D:2015-07|July 2015] between Iran and the P5+1.",
            new("Joint Comprehensive Plan of Action", A, "agreement", "2015-07", Parties: "Iran+P5+1", Action: "signed"));
        yield return Case("The [O:United States Senate|Senate] ratified the New START treaty in [D:2010-12|December 2010].",
            new("New START", A, "treaty", "2010-12", "United States Senate", Action: "approved", Canonical: "New Strategic Arms Reduction Treaty"));
        yield return Case("We support the 2050 Strategy for the Blue Pacific Continent adopted by [O:|Pacific Islands Forum] leaders.",
            new("2050 Strategy for the Blue Pacific Continent", None));
        yield return Case("We welcome the Kigali Amendment to the Montreal Protocol.",
            new("Montreal Protocol", A, "protocol"));
        yield return Case("In [D:2021-09|September 2021], Australia, the United Kingdom and the United States announced the AUKUS partnership.",
            new("AUKUS", None));
        yield return Case("The Camp David Accords were signed by Egypt and Israel in [D:1978-09|September 1978].",
            new("Camp David Accords", A, "agreement", "1978-09", Parties: "Egypt+Israel", Action: "signed"));
        yield return Case("The Good Friday Agreement was signed in Belfast on [D:1998-04-10|April 10, 1998].",
            new("Good Friday Agreement", A, "agreement", "1998-04-10", Action: "signed"));
        yield return Case("The two sides signed a memorandum of understanding on digital trade on [D:2023-06-01|June 1, 2023].",
            new("memorandum of understanding", A, "memorandum", "2023-06-01", Action: "signed"));
        yield return Case("In [D:1949|1949], twelve countries signed the North Atlantic Treaty in Washington.",
            new("North Atlantic Treaty", A, "treaty", "1949", Action: "signed"));
        yield return Case("The Charter of the United Nations was signed in San Francisco on [D:1945-06-26|June 26, 1945].",
            new("Charter of the United Nations", A, "charter", "1945-06-26", Action: "signed"));
        yield return Case("Members of the European Parliament debated the Digital Services Act.",
            new("Digital Services Act", None));
        yield return Case("The Minsk agreements were never implemented.",
            new("Minsk agreements", None));
        yield return Case("The Kyoto Protocol, adopted in [D:1997|1997], set binding targets for industrialised countries.",
            new("Kyoto Protocol", A, "protocol", "1997", Action: "adopted"));
        yield return Case("Under the USMCA, which entered into force on [D:2020-07-01|July 1, 2020], dairy quotas were expanded.",
            new("USMCA", A, "agreement", "2020-07-01", Action: "in force", Canonical: "United States-Mexico-Canada Agreement"));
        yield return Case("The leaders endorsed the Bali Declaration at the summit.",
            new("Bali Declaration", A, "declaration", Action: "adopted"));
        yield return Case("In [D:2015|2015], the parties adopted the Paris Agreement, and in [D:2021|2021] they agreed the Glasgow Climate Pact.",
            new("Paris Agreement", A, "agreement", "2015", Action: "adopted"));
        yield return Case("In [D:2015|2015], the parties adopted the Paris Agreement, and in [D:2021|2021] they agreed the Glasgow Climate Pact.",
            new("Glasgow Climate Pact", A, "agreement", "2021", Action: "adopted"));
        yield return Case("Japan and Australia signed the Reciprocal Access Agreement in Tokyo on [D:2022-01-06|January 6, 2022].",
            new("Reciprocal Access Agreement", A, "agreement", "2022-01-06", Parties: "Australia+Japan", Action: "signed"));
        yield return Case("The Declaration on the Conduct of Parties in the South China Sea was signed in [D:2002|2002].",
            new("Declaration on the Conduct of Parties in the South China Sea", A, "declaration", "2002", Action: "signed"));
        yield return Case("The ASEAN Charter entered into force in [D:2008-12|December 2008].",
            new("ASEAN Charter", A, "charter", "2008-12", Action: "in force"));
        yield return Case("China and Russia issued a joint statement on [D:2023-03-21|March 21, 2023].",
            new("joint statement", A, "statement", "2023-03-21", Parties: "China+Russia", Action: "issued"));
        yield return Case("The statement did not mention the treaty.", new("treaty", None));
        yield return Case("The Collective Security Treaty Organization held its summit in [D:2022-11|November 2022].",
            new("Collective Security Treaty", None));
        yield return Case("The United States has negotiated a bilateral investment treaty with India.",
            new("bilateral investment treaty", A, "treaty", Action: "negotiating"));
        yield return Case("The Abraham Accords were signed on [D:2020-09-15|September 15, 2020].",
            new("Abraham Accords", A, "agreement", "2020-09-15", Action: "signed"));
        yield return Case("The Convention on Biological Diversity and the Paris Agreement were discussed at length.",
            new("Convention on Biological Diversity", A, "convention"));
        yield return Case("The Convention on Biological Diversity and the Paris Agreement were discussed at length.",
            new("Paris Agreement", A, "agreement"));
        yield return Case("The Comprehensive and Progressive Agreement for Trans-Pacific Partnership was signed in Santiago in [D:2018-03|March 2018].",
            new("Comprehensive and Progressive Agreement for Trans-Pacific Partnership", A, "agreement", "2018-03", Action: "signed"));
        yield return Case("The parties signed the Doha Framework for a Comprehensive Peace Agreement last year.",
            new("Doha Framework for a Comprehensive Peace Agreement", A, "framework", Action: "signed"));
        yield return Case("The Treaty of Amity and Cooperation in Southeast Asia was signed in Bali in [D:1976|1976].",
            new("Treaty of Amity and Cooperation in Southeast Asia", A, "treaty", "1976", Action: "signed"));
        // A verb shared by two instruments, each with its own date.
        yield return Case("The Mutual Defense Treaty was signed in [D:1951|1951] and the Visiting Forces Agreement in [D:1998|1998].",
            new("Visiting Forces Agreement", A, "agreement", "1998", Action: "signed"));
        yield return Case("The Mutual Defense Treaty was signed in [D:1951|1951] and the Visiting Forces Agreement in [D:1998|1998].",
            new("Mutual Defense Treaty", A, "treaty", "1951", Action: "signed"));
        // A short name defined in parentheses takes the full title as canonical.
        yield return Case("The Enhanced Defense Cooperation Agreement (EDCA), signed on [D:2014-04-28|April 28, 2014], gives U.S. forces access to nine EDCA locations.",
            new("EDCA", A, "agreement", "2014-04-28", Action: "signed", Canonical: "Enhanced Defense Cooperation Agreement"));
        yield return Case("They looked forward to the Agreement for Cooperation Concerning Peaceful Uses of Nuclear Energy, known as the 123 Agreement, which the two governments signed in [D:2023-11|November 2023].",
            new("123 Agreement", A, "agreement", "2023-11", Action: "signed", Canonical: "Agreement for Cooperation Concerning Peaceful Uses of Nuclear Energy"));
        // Title boundaries: a body named with "of", a nested instrument's parties, "beyond", a new clause after ", and".
        yield return Case("The United States signed the Council of Europe Convention on Cybercrime in [D:2001|2001].",
            new("Council of Europe Convention on Cybercrime", A, "convention", "2001", Action: "signed"));
        yield return Case("I transmit the Protocol Amending the Convention between the United States of America and the Kingdom of Norway for the Avoidance of Double Taxation, signed at Oslo on [D:2022-06-14|June 14, 2022].",
            new("Protocol Amending the Convention between the United States of America and the Kingdom of Norway for the Avoidance of Double Taxation",
                A, "protocol", "2022-06-14", Parties: "Norway+United States", Action: "signed"));
        yield return Case("The [O:|Pacific Islands Forum] and the [O:|European Union] signed a Joint Declaration on Ocean Governance, and small island states issued a communiqué on climate finance.",
            new("Joint Declaration on Ocean Governance", A, "declaration", Parties: "European Union+Pacific Islands Forum", Action: "signed"));
        yield return Case("The [O:|Pacific Islands Forum] and the [O:|European Union] signed a Joint Declaration on Ocean Governance, and small island states issued a communiqué on climate finance.",
            new("communiqué", A, "communique", Parties: "", Action: "issued"));
        // A body in a relative clause adopts the instrument before it.
        yield return Case("Several speakers referred to the Agreement on Fisheries Subsidies, which the [O:|World Trade Organization] adopted in [D:2022-06|June 2022].",
            new("Agreement on Fisheries Subsidies", A, "agreement", "2022-06", "World Trade Organization", Action: "adopted"));
        // "adopted under the Convention": the Convention is only referred to.
        yield return Case("Delegates recalled the Global Biodiversity Framework, adopted in [D:2022-12|December 2022] under the Convention on Biological Diversity.",
            new("Convention on Biological Diversity", A, "convention"));
        yield return Case("The two presidents reaffirmed the Framework for Security, Trade, and Investment between the United States and Kenya.",
            new("Framework for Security, Trade, and Investment", A, "framework", Parties: "Kenya+United States"));
        yield return Case("The Wall Street Journal reported that the two sides had reached a consensus.",
            new("Wall Street Journal", None));
        yield return Case("The Treaty of Rome, signed in [D:1957|1957], founded the European Economic Community.",
            new("Treaty of Rome", A, "treaty", "1957", Action: "signed"));
        yield return Case("Finland acceded to the North Atlantic Treaty on [D:2023-04-04|April 4, 2023].",
            new("North Atlantic Treaty", A, "treaty", "2023-04-04", Action: "acceded"));
        yield return Case("Article 5 of the North Atlantic Treaty was invoked after the attacks of [D:2001-09-11|September 11, 2001].",
            new("North Atlantic Treaty", A, "treaty"));
        yield return Case("The Beijing Declaration and Platform for Action was adopted in [D:1995-09|September 1995].",
            new("Beijing Declaration", A, "declaration", "1995-09", Action: "adopted"));
        yield return Case("Officials discussed the Memorandum of Understanding on Critical Minerals, which was signed in [D:2023-03|March 2023].",
            new("Memorandum of Understanding on Critical Minerals", A, "memorandum", "2023-03", Action: "signed"));
        // Typed instruments under negotiation or to be signed, a headline without its article, a sentence-initial "The".
        yield return Case("The two sides resumed talks on a free trade agreement in Brussels.",
            new("free trade agreement", A, "agreement", Action: "negotiating"));
        yield return Case("They aim to sign an investment protection agreement this year.",
            new("investment protection agreement", A, "agreement", Action: "planned"));
        yield return Case("Chile and South Korea signed a comprehensive economic partnership agreement in [D:2023-10|October 2023].",
            new("comprehensive economic partnership agreement", A, "agreement", "2023-10", Parties: "Chile+South Korea", Action: "signed"));
        yield return Case("Foreign ministers adopt joint communiqué, call for restraint",
            new("joint communiqué", A, "communique", Action: "adopted"));
        yield return Case("The communiqué, adopted on [D:2024-05-25|May 25], called for more support.",
            new("communiqué", A, "communique", "2024-05-25", Action: "adopted"));
        // Title boundaries: "and" between two modifiers, formal parties after "between", a place named with "The",
        // a year in front, a year after a plan's head, a possessive.
        yield return Case("India signed a Trade and Economic Partnership Agreement with four European states.",
            new("Trade and Economic Partnership Agreement", A, "agreement", Action: "signed"));
        yield return Case("Canada concluded a Comprehensive Economic and Trade Agreement with the European Union.",
            new("Comprehensive Economic and Trade Agreement", A, "agreement", Action: "signed"));
        yield return Case("The Economic Partnership Agreement with Japan predates the Trade and Economic Partnership Agreement with Norway.",
            new("Economic Partnership Agreement", A, "agreement"));
        yield return Case("They reaffirmed the Treaty of Mutual Cooperation and Security between the United States and Japan, signed in [D:1960|1960].",
            new("Treaty of Mutual Cooperation and Security between the United States and Japan", A, "treaty", "1960",
                Parties: "Japan+United States", Action: "signed"));
        yield return Case("The Treaty of Friendship between the two countries was signed in [D:1950|1950].",
            new("Treaty of Friendship", A, "treaty", "1950", Action: "signed"));
        yield return Case("Leaders adopted a short The Hague Summit Declaration on [D:2025-06-25|June 25, 2025].",
            new("The Hague Summit Declaration", A, "declaration", "2025-06-25", Action: "adopted"));
        yield return Case("Ministers upheld the 1982 United Nations Convention on the Law of the Sea.",
            new("United Nations Convention on the Law of the Sea", A, "convention"));
        yield return Case("The pact follows the UK-India Roadmap 2030, agreed by the two prime ministers in [D:2021-05|May 2021].",
            new("UK-India Roadmap 2030", A, "plan", "2021-05", Action: "adopted"));
        yield return Case("Ministers called for the early conclusion of a Code of Conduct in the South China Sea.",
            new("Code of Conduct in the South China Sea", A, "principles"));
        yield return Case("Ministers welcomed the Inclusive Framework on Base Erosion and Profit Shifting's work on tax.",
            new("Inclusive Framework on Base Erosion and Profit Shifting", A, "framework"));
        yield return Case("Delegates cited the Paris Agreement's temperature goal.",
            new("Paris Agreement", A, "agreement"));
        yield return Case("Exporters said the Economic Partnership Agreement helped them; the EU-Japan Economic Partnership Agreement cut tariffs on cars.",
            new("Economic Partnership Agreement", A, "agreement", Canonical: "EU-Japan Economic Partnership Agreement"));
        yield return Case("The Code of Conduct for members of parliament was revised.", new("Code of Conduct", None));
        // Document labels and well-known alternative names.
        yield return Case("Press Statement\nOffice of the Spokesperson\nThe Department designated six entities.",
            new("Press Statement", None));
        yield return Case("The President transmitted the Nuclear Proliferation Assessment Statement prepared by the Secretary of State.",
            new("Nuclear Proliferation Assessment Statement", None));
        yield return Case("Allies recalled Article 5 of the Washington Treaty.",
            new("Washington Treaty", A, "treaty", Canonical: "North Atlantic Treaty"));
        yield return Case("Iran said it remained committed to the Nuclear Non-Proliferation Treaty.",
            new("Nuclear Non-Proliferation Treaty", A, "treaty", Canonical: "Treaty on the Non-Proliferation of Nuclear Weapons"));
    }

    [TestCaseSource(nameof(Chinese))]
    [TestCaseSource(nameof(English))]
    public void Sentence_yields_the_expected_record(string marked, Expect expect)
    {
        var (text, given) = AgreementTestKit.Parse(marked);
        var article = AgreementTestKit.Run(text, given, TitleTextHasCjk(text) ? "zh" : "en");
        var start = text.IndexOf(expect.Title, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "title not in sentence");
        var span = new TextSpan(start, start + expect.Title.Length);
        var scored = article.Entities.Where(e => e.Type is not EntityTypes.Date and not EntityTypes.Org).ToList();

        if (expect.Type == EntityTypes.None)
        {
            Assert.That(scored.Where(e => e.Span.Overlaps(span) && e.Type == EntityTypes.Agreement), Is.Empty,
                "no agreement expected over " + expect.Title);
            Assert.That(article.Agreements.Where(r => r.Mentions.Any(m => m.Overlaps(span))), Is.Empty);
            return;
        }
        var entity = scored.FirstOrDefault(e => e.Span == span);
        Assert.That(entity, Is.Not.Null, $"no entity at '{expect.Title}'; found: " +
            string.Join(", ", scored.Select(e => $"{e.Type}:{e.Text}")));
        Assert.That(entity!.Type, Is.EqualTo(expect.Type));
        if (expect.Type != EntityTypes.Agreement)
        {
            Assert.That(article.Agreements.Where(r => r.Mentions.Contains(span)), Is.Empty);
            return;
        }
        var record = article.Agreements.Single(r => r.Mentions.Contains(span));
        Assert.Multiple(() =>
        {
            Assert.That(record.Canonical, Is.EqualTo(expect.Canonical ?? expect.Title), "canonical");
            Assert.That(record.Kind, Is.EqualTo(expect.Kind), "kind");
            Assert.That(record.Date, Is.EqualTo(expect.Date), "date");
            Assert.That(record.Action, Is.EqualTo(expect.Action), "action");
            if (expect.Forum is not null) Assert.That(record.Forum, Is.EqualTo(expect.Forum), "forum");
            if (expect.Parties is not null)
                Assert.That(string.Join("+", record.Parties.Order(StringComparer.Ordinal)), Is.EqualTo(expect.Parties), "parties");
            Assert.That(record.Evidence, Does.Contain(expect.Title));
        });
    }

    private static bool TitleTextHasCjk(string s) => s.Any(c => c >= 0x4E00 && c <= 0x9FFF);
}
