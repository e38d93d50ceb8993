namespace Pipeline.Agreements;

/// <summary>A well-known instrument: its full names in Chinese and English, its kind and the short names it goes by.</summary>
public sealed record KnownInstrument(string Chinese, string English, string Kind, IReadOnlyList<string> ShortNames);

/// <summary>
/// General knowledge: real instruments that are often written by acronym or short name (RCEP, UNCAC, 巴黎协定).
/// A short name's canonical is the full title in the document's language family.
/// </summary>
public static class KnownInstruments
{
    // Chinese full name | English full name | kind | short names (comma separated; acronyms and common short forms)
    // A short name is searched in every document whatever its language, so an acronym that other instruments share is
    // left out: CEPA is the Mainland–Hong Kong arrangement in Chinese news but a "Comprehensive Economic Partnership
    // Agreement" (India–UAE, EU–Indonesia) in English news; where a text defines it, "《…安排》（CEPA）", ShortNames reads it.
    private const string Table = """
        区域全面经济伙伴关系协定|Regional Comprehensive Economic Partnership|agreement|RCEP
        联合国反腐败公约|United Nations Convention against Corruption|convention|UNCAC
        跨太平洋伙伴关系协定|Trans-Pacific Partnership Agreement|agreement|TPP
        全面与进步跨太平洋伙伴关系协定|Comprehensive and Progressive Agreement for Trans-Pacific Partnership|agreement|CPTPP
        伊朗核问题全面协议|Joint Comprehensive Plan of Action|agreement|JCPOA,伊核协议,伊朗核协议
        不扩散核武器条约|Treaty on the Non-Proliferation of Nuclear Weapons|treaty|NPT,核不扩散条约,Nuclear Non-Proliferation Treaty,Non-Proliferation Treaty
        美墨加协定|United States-Mexico-Canada Agreement|agreement|USMCA
        北美自由贸易协定|North American Free Trade Agreement|agreement|NAFTA
        全面禁止核试验条约|Comprehensive Nuclear-Test-Ban Treaty|treaty|CTBT,Comprehensive Test Ban Treaty
        联合国海洋法公约|United Nations Convention on the Law of the Sea|convention|UNCLOS,Law of the Sea Convention
        联合国气候变化框架公约|United Nations Framework Convention on Climate Change|convention|UNFCCC,UN Framework Convention on Climate Change
        中导条约|Intermediate-Range Nuclear Forces Treaty|treaty|INF Treaty
        新削减战略武器条约|New Strategic Arms Reduction Treaty|treaty|New START
        关税及贸易总协定|General Agreement on Tariffs and Trade|agreement|GATT
        与贸易有关的知识产权协定|Agreement on Trade-Related Aspects of Intellectual Property Rights|agreement|TRIPS
        数字经济伙伴关系协定|Digital Economy Partnership Agreement|agreement|DEPA
        海峡两岸经济合作框架协议|Economic Cooperation Framework Agreement|agreement|ECFA
        内地与香港关于建立更紧密经贸关系的安排|Mainland and Hong Kong Closer Economic Partnership Arrangement|agreement|Closer Economic Partnership Arrangement
        内地与澳门关于建立更紧密经贸关系的安排|Mainland and Macao Closer Economic Partnership Arrangement|agreement|
        禁止化学武器公约|Chemical Weapons Convention|convention|CWC
        禁止生物武器公约|Biological Weapons Convention|convention|BWC
        生物多样性公约|Convention on Biological Diversity|convention|
        巴黎协定|Paris Agreement|agreement|
        京都议定书|Kyoto Protocol|protocol|
        联合国宪章|Charter of the United Nations|charter|UN Charter,United Nations Charter
        东南亚友好合作条约|Treaty of Amity and Cooperation in Southeast Asia|treaty|
        南海各方行为宣言|Declaration on the Conduct of Parties in the South China Sea|declaration|
        维也纳外交关系公约|Vienna Convention on Diplomatic Relations|convention|
        北大西洋公约|North Atlantic Treaty|treaty|Washington Treaty
        波黑和平总框架协议|General Framework Agreement for Peace in Bosnia and Herzegovina|agreement|Dayton Agreement,Dayton Peace Agreement,Dayton Accords,代顿协议,代顿和平协议
        耶稣受难日协议|Good Friday Agreement|agreement|Belfast Agreement
        明斯克协议|Minsk Agreements|agreement|
        中美联合公报|Joint Communiqué of the United States of America and the People's Republic of China|communique|
        上海合作组织宪章|Charter of the Shanghai Cooperation Organization|charter|
        中欧全面投资协定|EU-China Comprehensive Agreement on Investment|agreement|
        濒危野生动植物种国际贸易公约|Convention on International Trade in Endangered Species of Wild Fauna and Flora|convention|CITES
        禁止酷刑公约|Convention against Torture|convention|
        世界人权宣言|Universal Declaration of Human Rights|declaration|UDHR
        """;

    public static IReadOnlyList<KnownInstrument> All { get; } = Parse(Table);

    private static List<KnownInstrument> Parse(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Select(f => new KnownInstrument(f[0], f[1], f[2],
                f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
}
