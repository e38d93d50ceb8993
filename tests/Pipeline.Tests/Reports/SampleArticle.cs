using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Tests.Reports;

/// <summary>
/// A processed article built by hand from a real corpus text: entities, agreement records and timeline
/// entries are placed at offsets found in the text, so the report tests need no other stage.
/// </summary>
public static class SampleArticle
{
    public const string FileName = "anticorruption-cooperation.zh.txt";

    public static Article Load()
    {
        var path = TestPaths.Sample(FileName);
        var text = File.ReadAllText(path);
        var article = Article.FromFile(path) with
        {
            Text = text,
            Paragraphs = Split(text, "\n"),
            Sentences = Split(text, "\n。！？"),
            Metadata = new ArticleMetadata
            {
                Language = new Sourced<string>("zh", "detected"),
                DocumentDate = new Sourced<DateOnly>(new DateOnly(2018, 10, 8), DateOrigins.FileTime),
            },
        };

        var entities = new List<Entity>();
        void Date(string s, string value, bool relative = false, bool ambiguous = false) =>
            entities.AddRange(All(text, s).Select(i => new Entity(EntityTypes.Date, i, i + s.Length, s, "test", 1)
            {
                Value = value,
                Reference = relative ? new DateReference(new DateOnly(2018, 10, 8), DateOrigins.FileTime) : null,
                Ambiguous = ambiguous,
            }));
        void Org(string s, string canonical, string en) =>
            entities.AddRange(All(text, s).Select(i => new Entity(EntityTypes.Org, i, i + s.Length, s, "test", 1) { Canonical = canonical, CanonicalEn = en }));
        void Agreement(string s, string kind, string? en) =>
            entities.AddRange(All(text, s).Select(i => new Entity(EntityTypes.Agreement, i, i + s.Length, s, "test", 1) { Canonical = s, CanonicalEn = en, Kind = kind }));

        Date("今年9月初", "2018-09", relative: true);
        Date("2014年10月", "2014-10");
        Date("2014年11月", "2014-11");
        Date("2016年9月", "2016-09");
        Date("2017年11月", "2017-11");
        Date("2018年7月", "2018-07");
        Date("2003年", "2003");
        Org("中非合作论坛", "中非合作论坛", "Forum on China-Africa Cooperation");
        Org("二十国集团", "二十国集团", "Group of Twenty");
        Org("G20", "二十国集团", "Group of Twenty");
        Org("亚太经合组织", "亚太经济合作组织", "Asia-Pacific Economic Cooperation");
        Org("APEC", "亚太经济合作组织", "Asia-Pacific Economic Cooperation");
        Org("上合组织", "上海合作组织", "Shanghai Cooperation Organisation");
        Org("国家监察委员会", "国家监察委员会", "National Supervisory Commission");
        Agreement("北京反腐败宣言", "declaration", "Beijing Declaration on Fighting Corruption");
        Agreement("二十国集团反腐败追逃追赃高级原则", "principles", "G20 High-Level Principles on Cooperation on Persons Sought for Corruption and Asset Recovery");
        Agreement("中国-东盟关于全面加强有效反腐败合作联合声明", "joint statement", null);
        Agreement("联合国反腐败公约", "convention", "United Nations Convention against Corruption");

        var agreements = ImmutableArray.Create(
            Record("北京反腐败宣言", "declaration", "2014-11", "adopted", "APEC", ["亚太经济合作组织"]),
            Record("二十国集团反腐败追逃追赃高级原则", "principles", "2016-09", "approved", "G20杭州峰会", ["二十国集团"]),
            Record("中国-东盟关于全面加强有效反腐败合作联合声明", "joint statement", "2017-11", "issued", "第20次中国-东盟领导人会议", ["中国", "东盟"]),
            Record("联合国反腐败公约", "convention", "2003", "adopted", "第58届联合国大会", []));
        AgreementRecord Record(string name, string kind, string date, string action, string forum, string[] parties) =>
            new(name, kind, date, action, forum, [.. parties], name, [.. All(text, name).Select(i => new TextSpan(i, i + name.Length))]);

        // In the order the timeline stage gives: by date.
        var timeline = ImmutableArray.Create(
            Timeline(article, "2003年", "2003", "第58届联合国大会审议通过了《联合国反腐败公约》", [], ["联合国反腐败公约"]),
            Timeline(article, "2014年11月", "2014-11", "APEC第二十二次领导人非正式会议通过《北京反腐败宣言》", ["亚太经济合作组织"], ["北京反腐败宣言"]),
            Timeline(article, "2016年9月", "2016-09", "G20杭州峰会批准通过《二十国集团反腐败追逃追赃高级原则》", ["二十国集团"], ["二十国集团反腐败追逃追赃高级原则"]));

        // As the whole pipeline leaves it: every part produced.
        return article.AddEntities(entities) with
        {
            Agreements = agreements, Timeline = timeline, Produced = Enum.GetValues<ArticleParts>().Aggregate((a, b) => a | b),
        };
    }

    private static TimelineEntry Timeline(Article article, string anchor, string date, string summary, string[] orgs, string[] agreements) =>
        new(date, article.SentenceAt(article.Text.IndexOf(anchor, StringComparison.Ordinal)), summary, [.. orgs], [.. agreements]);

    public static IEnumerable<int> All(string text, string s)
    {
        for (var i = text.IndexOf(s, StringComparison.Ordinal); i >= 0; i = text.IndexOf(s, i + s.Length, StringComparison.Ordinal))
            yield return i;
    }

    /// <summary>Spans ending after any of <paramref name="enders"/> ('\n' itself is left out of the span).</summary>
    private static ImmutableArray<TextSpan> Split(string text, string enders)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!enders.Contains(text[i])) continue;
            var end = text[i] == '\n' ? i : i + 1;
            if (end > start) spans.Add(new TextSpan(start, end));
            start = i + 1;
        }
        if (start < text.Length) spans.Add(new TextSpan(start, text.Length));
        return spans.ToImmutable();
    }
}
