using Pipeline.Model;
using Pipeline.Organisations;

namespace Pipeline.Tests.Organisations;

/// <summary>
/// The annotation rules (docs/annotation.md)'s span rules on invented sentences: each case lists every ORG the repository's
/// configured pipeline (rules, classifier and recogniser, as a user runs it) must emit as "text=canonical" (or just "text"
/// when the canonical is the text), in order; "" means none.
/// </summary>
public class SpanRuleTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // Gazetteer names, aliases and canonicals in Chinese documents.
        yield return Case("联合国秘书长出席了会议。", "联合国");
        yield return Case("联合国大会通过了决议。", "联合国大会");
        yield return Case("安理会就此举行紧急会议。", "安理会=联合国安全理事会");
        yield return Case("二十国集团成员国领导人出席。", "二十国集团");
        yield return Case("G20杭州峰会取得丰硕成果。", "G20=二十国集团");
        yield return Case("Ｇ２０财长会议在华盛顿举行。", "Ｇ２０=二十国集团");
        yield return Case("七国集团外长发表声明。", "七国集团");
        yield return Case("G7领导人在广岛会晤。", "G7=七国集团");
        yield return Case("金砖国家外长会晤在南非举行。", "金砖国家");
        yield return Case("东盟各国代表参加了论坛。", "东盟=东南亚国家联盟");
        yield return Case("上合组织秘书处设在北京。", "上合组织秘书处=上海合作组织秘书处");
        yield return Case("上合组织扩员进程顺利推进。", "上合组织=上海合作组织");
        yield return Case("非盟委员会主席发表讲话。", "非盟委员会=非洲联盟委员会");
        yield return Case("非盟和欧盟举行峰会。", "非盟=非洲联盟", "欧盟=欧洲联盟");
        yield return Case("北约秘书长访问基辅。", "北约=北大西洋公约组织");
        yield return Case("亚太经合组织贸易部长会议闭幕。", "亚太经合组织");
        yield return Case("APEC工商咨询理事会成员出席。", "APEC工商咨询理事会=亚太经合组织工商咨询理事会");
        yield return Case("世界贸易组织总干事表示关切。", "世界贸易组织");
        yield return Case("世贸组织上诉机构陷入停摆。", "世贸组织=世界贸易组织");
        yield return Case("国际货币基金组织下调了增长预期。", "国际货币基金组织");
        yield return Case("世界银行发布报告。", "世界银行");
        yield return Case("经合组织发布最新经济展望。", "经合组织=经济合作与发展组织");
        yield return Case("国际刑警组织发布红色通缉令。", "国际刑警组织");
        // A body's former name, as archives of the news write it, is the body (伊斯兰会议组织 is now 伊斯兰合作组织).
        yield return Case("伊斯兰会议组织外长会议在多哈举行。", "伊斯兰会议组织=伊斯兰合作组织");
        yield return Case("非统组织和欧共体的观察员出席了会议。", "非统组织=非洲统一组织", "欧共体=欧洲共同体");
        yield return Case("中非合作论坛北京峰会成功举办。", "中非合作论坛");
        yield return Case("太平洋岛国论坛领导人会议在斐济举行。", "太平洋岛国论坛");
        yield return Case("世卫组织宣布疫情构成国际关注的突发公共卫生事件。", "世卫组织=世界卫生组织");
        yield return Case("二十国集团反腐败工作组会议在北京召开。", "二十国集团反腐败工作组");
        yield return Case("推动亚太反腐败执法合作网络设立。", "亚太反腐败执法合作网络=亚太经合组织反腐败执法合作网络");
        // Chinese party and state organs.
        yield return Case("中国共产党第十九届中央委员会召开全会。", "中国共产党", "中央委员会=中共中央");
        yield return Case("以习近平同志为核心的党中央坚强领导。", "党中央=中共中央");
        yield return Case("中共中央、国务院印发意见。", "中共中央", "国务院");
        yield return Case("十九届中央纪委二次全会在京召开。", "中央纪委=中央纪律检查委员会");
        yield return Case("中央纪委国家监委网站发布消息。", "中央纪委=中央纪律检查委员会", "国家监委=国家监察委员会");
        yield return Case("国家监察委员会依法履行监察职责。", "国家监察委员会");
        yield return Case("中央政治局常委会会议研究部署工作。", "中央政治局常委会");
        yield return Case("中央军委主席签署命令。", "中央军委=中央军事委员会");
        yield return Case("全国人大常委会审议了草案。", "全国人大常委会=全国人民代表大会常务委员会");
        yield return Case("全国政协委员建言献策。", "全国政协=中国人民政治协商会议全国委员会");
        yield return Case("国家发改委召开新闻发布会。", "国家发改委=国家发展和改革委员会");
        yield return Case("最高人民法院和最高人民检察院联合发布司法解释。", "最高人民法院", "最高人民检察院");
        // A news organisation's website or news brand is the outlet cited; its programmes and the word 网络 are not.
        yield return Case("据中国日报网报道，央视新闻客户端也发布了消息。", "中国日报网", "央视新闻");
        yield return Case("中国日报网络版刊文称，谈判仍在进行。", "中国日报");
        // 和 joining the two fields of an organ's portfolio is part of its name; between two bodies it is a conjunction.
        yield return Case("记者从江苏省住房和城乡建设厅获悉，鼓楼区文化和旅游局将开展调研。", "江苏省住房和城乡建设厅", "鼓楼区文化和旅游局");
        yield return Case("商务部新闻发言人回答记者提问。", "商务部");
        yield return Case("外交部发言人在例行记者会上表示。", "外交部");
        // China's democratic parties, people's organisations and the ministries of earlier years, as archives write them.
        yield return Case("民盟中央和致公党中央的负责人出席座谈会。", "民盟中央=中国民主同盟", "致公党中央=中国致公党");
        yield return Case("全国工商联和中国对外友协联合举办招待会。", "全国工商联=中华全国工商业联合会", "中国对外友协=中国人民对外友好协会");
        yield return Case("国家计委、国家经贸委和铁道部联合发出通知。", "国家计委=国家计划委员会", "国家经贸委=国家经济贸易委员会", "铁道部");
        yield return Case("国际排联宣布了新的比赛规则。", "国际排联=国际排球联合会");
        // A ministry's 部 that begins the next word (部门 departments, 部件 parts, 部队 troops) names no ministry.
        yield return Case("各级财政部门和公安部门要加强协作。", "");
        yield return Case("这些机械部件由农业部门统一采购。", "");
        yield return Case("两百多名香港大学生来京参观，北京大学的学生陪同。", "北京大学");
        // Media: country prefixes and title marks stay out.
        yield return Case("据英国路透社报道，谈判仍在继续。", "路透社");
        // So does a foreign country before a company's own name.
        yield return Case("德国舍弗勒集团宣布在华扩大投资。", "舍弗勒集团");
        // A known body's council or working group is one organisation with it.
        yield return Case("亚太经合组织工商咨询理事会发布报告。", "亚太经合组织工商咨询理事会");
        // 与 between two bodies is a conjunction, not part of one name.
        yield return Case("中国化学会与德国化学会签署合作备忘录。", "中国化学会", "德国化学会");
        // 与 joining two fields inside a name.
        yield return Case("中国物流与采购联合会发布了最新数据。", "中国物流与采购联合会");
        yield return Case("中国社会科学院世界经济与政治研究所研究员表示。", "中国社会科学院世界经济与政治研究所");
        // An institution named by its kind (a national bank, an export-import bank, a parliament) has its place as its name.
        yield return Case("中国银行与埃及国民银行签署合作文件。", "中国银行", "埃及国民银行");
        yield return Case("非洲进出口银行将为项目提供融资。", "非洲进出口银行");
        yield return Case("希腊议会以多数票通过了该法案。", "希腊议会");
        yield return Case("美国《华尔街日报》刊文指出。", "华尔街日报");
        yield return Case("新华社北京3月5日电", "新华社=新华通讯社");
        yield return Case("新华社长沙3月5日电", "新华社=新华通讯社");
        yield return Case("法新社援引官员的话报道。", "法新社");
        yield return Case("美联社记者在现场看到。", "美联社");
        // Not organisations: places, events, campaigns, job titles, generic words.
        yield return Case("中国和加拿大签署了协定。", "");
        yield return Case("党的十九大报告深刻指出。", "");
        yield return Case("天网行动取得显著成效。", "");
        yield return Case("外交部长王毅会见来宾。", "");
        yield return Case("全部干部都参加了学习。", "");
        yield return Case("双方达成重要共识。", "");
        // Names the gazetteer lacks: the classifier decides, the full name is the span and its own canonical.
        yield return Case("北京大学和复旦大学签署合作协议。", "北京大学", "复旦大学");
        yield return Case("他考入了东南大学。", "东南大学");
        // Digits, a bracketed part and 和 right before the suffix belong to the name.
        yield return Case("西安２０３研究所的专家参加了评审。", "西安２０３研究所");
        yield return Case("首钢（集团）公司宣布扩大产能。", "首钢（集团）公司");
        yield return Case("日本三和银行宣布合并计划。", "日本三和银行");
        // Common words ending in a suffix character and political phrases are no names.
        yield return Case("社会各界纷纷伸出援手。", "");
        yield return Case("双方将携手构建人类命运共同体。", "");
        // Long gazetteer names and the bracketed alias right after them.
        yield return Case("联合国近东巴勒斯坦难民救济和工程处（近东救济工程处）发表声明。",
            "联合国近东巴勒斯坦难民救济和工程处", "近东救济工程处=联合国近东巴勒斯坦难民救济和工程处");
        yield return Case("两国领导人支持全球反饥饿与贫困联盟的工作。", "全球反饥饿与贫困联盟");
        // A known body followed by one of its units is one name, canonical the body's full name plus the unit.
        yield return Case("公安部刑事侦查局有关负责人介绍了案情。", "公安部刑事侦查局");
        yield return Case("最高人民法院第二国际商事法庭设在西安。", "最高人民法院第二国际商事法庭");
        yield return Case("中国国际经济贸易仲裁委员会西南分会同期受理案件。", "中国国际经济贸易仲裁委员会西南分会");
        yield return Case("中科院化学研究所的团队发表论文。", "中科院化学研究所=中国科学院化学研究所");
        yield return Case("中国科学院力学研究所研究员出席。", "中国科学院力学研究所");
        yield return Case("外交部新闻司举行吹风会。", "外交部新闻司");
        yield return Case("厦门大学马来西亚分校今年招收新生。", "厦门大学马来西亚分校");
        yield return Case("中国石油天然气集团公司与当地企业签约。", "中国石油天然气集团公司=中国石油天然气集团有限公司");
        // The organs every division has, named after a place no list holds.
        yield return Case("会议由南宁市人民政府主办。", "南宁市人民政府");
        // Posts, people and clauses after a body are no unit; two bodies written together stay two.
        yield return Case("公安部部长出席会议。", "公安部");
        yield return Case("外交部发言人办公室发布消息。", "外交部");
        yield return Case("公安部表示将成立专案组。", "公安部");
        // Names every province and city has: local party committees and development and reform commissions.
        yield return Case("杭州市委召开常委会会议。", "杭州市委=中共杭州市委");
        yield return Case("江苏省发展改革委发布通知。", "江苏省发展改革委=江苏省发展和改革委员会");
        yield return Case("青岛海关查获一批走私货物。", "青岛海关");
        // English documents.
        yield return Case("The United Nations General Assembly adopted the resolution.", "United Nations General Assembly");
        yield return Case("The Senate gave its advice and consent, the State Department said.",
            "Senate=United States Senate", "State Department=United States Department of State");
        yield return Case("The Department of State will brief Congress.", "Department of State=United States Department of State", "Congress=United States Congress");
        yield return Case("NATO allies met in Brussels.", "NATO=North Atlantic Treaty Organization");
        yield return Case("The North Atlantic Treaty Organization was founded in 1949.", "North Atlantic Treaty Organization");
        yield return Case("Leaders of the Pacific Islands Forum met in Suva.", "Pacific Islands Forum");
        yield return Case("Interpol issued a notice.", "Interpol");
        yield return Case("The G20 leaders met in Bali.", "G20=Group of Twenty");
        // Wire style: the UN's initials with stops; a company's registered name adds a word to the brand.
        yield return Case("The U.N. Security Council met on Friday.", "U.N. Security Council=United Nations Security Council");
        yield return Case("Shares of Nissan Motor rose while Toyota Motor fell.", "Nissan Motor=Nissan", "Toyota Motor=Toyota");
        // After the European Parliament is named, "Parliament" alone is that body; "Security Council" stays a name of its own.
        yield return Case("The European Parliament approved the deal on Tuesday. Parliament must now vote on the budget.",
            "European Parliament", "Parliament=European Parliament");
        yield return Case("Leaders of the Pacific Islands Forum met in Suva. The Forum's leaders backed the plan.",
            "Pacific Islands Forum", "Forum=Pacific Islands Forum");
        // An acronym defined in brackets names its body there and wherever it is used later.
        yield return Case("The European Club Association (ECA) backed the plan. ECA members will vote in May.",
            "European Club Association", "ECA=European Club Association", "ECA=European Club Association");
        // A known company's named arm is a body of its own; a legal form after a name the tagger found is part of it.
        yield return Case("Moody’s Ratings affirmed the rating, S&P Global Ratings said on Tuesday.", "Moody’s Ratings=Moody's Ratings",
            "S&P Global Ratings");
        yield return Case("Mizuho Financial Group Inc. will arrange the sale with two other banks.", "Mizuho Financial Group Inc.=Mizuho Financial Group");
        // ASEAN+3 is the grouping, not ASEAN; an acronym of a thing (LDC, a least developed country) is no body.
        yield return Case("The ASEAN+3 finance ministers met in Milan. Bangladesh will graduate from LDC status in November.",
            "ASEAN+3=ASEAN Plus Three");
        // An acronym the gazetteer reads as another body means the body the article names in full with those initials.
        yield return Case("The International Cricket Council's board met in Dubai. The ICC approved the new rules.",
            "International Cricket Council", "ICC=International Cricket Council");
        yield return Case("The International Criminal Court issued a warrant. The ICC said it would appeal.",
            "International Criminal Court", "ICC=International Criminal Court");
        // Not bodies: a dateline's place in capitals, a contest or a meeting, a member's title.
        yield return Case("GENEVA (AP) — Refugee numbers rose again, officials said on Monday.", "AP=Associated Press");
        yield return Case("Officials are already preparing for the Los Angeles Games in 2028.", "");
        yield return Case("A French MEP voted against the deal.", "");
        // British style: an acronym said as a word in title case, a name's last noun in lower case.
        yield return Case("Wada and Nato officials met in Brussels.", "Wada=World Anti-Doping Agency", "Nato=North Atlantic Treaty Organization");
        yield return Case("ASEAN and the EU issued a joint statement.", "ASEAN", "EU=European Union");
        yield return Case("The World Bank and the IMF held their spring meetings.", "World Bank", "IMF=International Monetary Fund");
        yield return Case("Reuters reported the talks stalled.", "Reuters");
        yield return Case("The Wall Street Journal reported the deal.", "The Wall Street Journal");
        yield return Case("The UN Security Council met on Friday.", "UN Security Council=United Nations Security Council");
        yield return Case("The Sinaloa Cartel smuggles fentanyl.", "Sinaloa Cartel");
        yield return Case("UNESCO listed the site.", "UNESCO");
        yield return Case("The East Asia Summit opened in Jakarta.", "");
        yield return Case("Air France and British Airways cut their fares.", "Air France", "British Airways");
        yield return Case("Heineken bought a stake in the brewery.", "Heineken");
        // A company's legal form after its known name is part of the name; the canonical stays the body's.
        yield return Case("Toshiba Corp warned of a loss, while Siemens AG and Texaco Inc. raised their forecasts.",
            "Toshiba Corp=Toshiba", "Siemens AG=Siemens", "Texaco Inc.=Texaco");
        yield return Case("Nestle SA's shares rose; HSBC Holdings Plc fell.", "Nestle SA=Nestle", "HSBC Holdings Plc=HSBC");
        yield return Case("Shares of Toshiba Co-operative rose.", "Toshiba");
        yield return Case("Galatasaray beat Fenerbahce 2-1 in Istanbul.", "Galatasaray", "Fenerbahce");
        // Congress and Senate are the United States' only in news that names the United States.
        yield return Case("The U.S. Congress passed the bill, and the Senate will vote on Friday.",
            "U.S. Congress=United States Congress", "Senate=United States Senate");
        yield return Case("Peru's Congress voted on Wednesday to remove the president.", "Congress");
        // The article is no part of a name (ANNOTATION.md: the longest name that refers to the body, not the phrase).
        yield return Case("Talks stalled, the Kremlin said on Monday.", "Kremlin");
        yield return Case("Japan's House of Representatives was dissolved on Friday.", "House of Representatives");
        // A known name with an apostrophe, as published (’) and as tokenised news writes it.
        yield return Case("The National People’s Congress approved the budget.", "National People’s Congress=National People's Congress");
        yield return Case("The National People 's Congress approved the budget .", "National People 's Congress=National People's Congress");
        // A verb, preposition or weekday next to a name is no part of it.
        yield return Case("首批试点银行包括交通银行。", "交通银行");
        yield return Case("The Department of Transport on Friday issued new rules.", "Department of Transport");
        yield return Case("The United States and Mexico agreed to cooperate.", "");
    }

    private static TestCaseData Case(string text, params string[] expected) =>
        new TestCaseData(text, expected.Where(e => e.Length > 0).ToArray()).SetName(text.Length > 40 ? text[..40] : text);

    [TestCaseSource(nameof(Cases))]
    public void Organisations_are_found_with_the_spec_spans_and_canonicals(string text, string[] expected)
    {
        var article = Recognition.RecogniserCorpora.Run(Recognition.RecogniserCorpora.Full.Value, "case.txt", text);
        var found = article.EntitiesOf(EntityTypes.Org)
            .Select(e => e.Canonical == e.Text ? e.Text : $"{e.Text}={e.Canonical}").ToArray();
        Assert.That(found, Is.EqualTo(expected));
    }
}
