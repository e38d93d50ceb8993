using Pipeline.Cli.Commands;
using Pipeline.Configuration;
using Pipeline.Evaluation;
using Pipeline.Stages;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// The whole pipeline (the repo's pipeline.json, model included) on news written for these tests in the styles
/// the product meets (Xinhua and People's Daily reports and commentary, CCDI bulletins, White House and State
/// Department releases, wire reports), annotated by hand per the annotation rules (docs/annotation.md) and scored like `pipeline evaluate`.
/// Each threshold is the figure reached, or a little below, so a regression on unseen-style text shows up.
/// </summary>
public class RobustnessArticlesTests
{
    /// <summary>A folder of NAME.xx.txt articles with NAME.xx.jsonl gold, and what the pipeline must reach on it.</summary>
    public sealed record ArticleSet(string Folder, string Extension, int Articles, double? MinMicroF1,
        params (string Type, double MinF1, double MinNormalised)[] Targets)
    {
        public string Path => System.IO.Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness", Folder);
        public override string ToString() => Folder;
    }

    public static readonly ArticleSet[] Sets =
    [
        new("Chinese", ".zh.txt", 8, null, ("DATE", 0.98, 0.98), ("ORG", 0.95, 0.98), ("AGREEMENT", 0.95, 0.95)),
        // Commentary, CCDI bulletins, trade figures, joint statements, military diplomacy, local news.
        new("Chinese2", ".zh.txt", 6, null, ("DATE", 0.98, 0.98), ("ORG", 0.92, 0.96), ("AGREEMENT", 0.95, 0.95)),
        // AGREEMENT was 0.746 when written; typed instruments under negotiation, headline communiqués, title
        // boundaries and aliases (Washington Treaty) reach 1.0 with the committed model.
        new("English", ".en.txt", 8, 0.90, ("DATE", 0.95, 0.95), ("ORG", 0.88, 0.90), ("AGREEMENT", 0.95, 0.95)),
        // A fact sheet, a message to the Congress, a joint statement, an anniversary statement, a call readout,
        // a media note. Before the round-2 fixes: DATE 0.939, ORG 0.909, AGREEMENT 0.708 (micro 0.884).
        new("English2", ".en.txt", 6, 0.98, ("DATE", 0.97, 0.97), ("ORG", 0.97, 0.97), ("AGREEMENT", 0.93, 0.95)),
        // Round 3, written blind (gold frozen before the pipeline ran): company deals, a sister-city agreement, APEC,
        // commentary, science cooperation, relative dates; three without a sidecar. Blind: micro 0.808 (DATE 0.924 with
        // values 0.820, ORG 0.726, AGREEMENT 0.792); then 截至 as "as of", places owning kind-named institutions, 同年/同月,
        // N年前, 协议书 and 契约, typed memoranda, 与 inside names, units of known bodies, the largest Chinese groups: 0.911.
        new("Chinese3", ".zh.txt", 6, 0.90, ("DATE", 0.96, 0.89), ("ORG", 0.84, 0.93), ("AGREEMENT", 0.95, 0.95)),
        // Round 3, blind: a merger wire, an Olympic body, a parliament vote, a UN agency report, a bilateral MoU story, an
        // arms-control op-ed. Blind: micro 0.822 (DATE 0.845, ORG 0.820, AGREEMENT 0.757); then "the end of April",
        // "the 1990s", "June next year", registered company names, U.N. aliases, typed business instruments, British style,
        // datelines and events kept out, past verbs before yearless months: 0.943.
        new("English3", ".en.txt", 6, 0.93, ("DATE", 0.96, 0.98), ("ORG", 0.91, 0.60), ("AGREEMENT", 0.87, 0.85)),
        // Round 4, blind after the round-3 fixes: provincial delegation, China-CELAC forum, bank results, NATO summit,
        // Olympics and museums, a local item of relative dates. Blind: micro 0.869 (DATE 0.967, ORG 0.825, AGREEMENT 0.722);
        // then foreign countries before a company's own name left out, more typed business instruments, 自…至… validity
        // periods and events of the dateline's day (2024年巴黎奥运会…落下帷幕) for the document date.
        new("Chinese4", ".zh.txt", 6, 0.89, ("DATE", 0.95, 0.97), ("ORG", 0.84, 0.88), ("AGREEMENT", 0.92, 0.92)),
        // Round 4, blind: an FT bank offer, an AFP ceasefire protocol, a WHO pandemic annex, a Kyodo 2+2, a Politico vote, a
        // BBC football memorandum. Blind: micro 0.815 (DATE 0.908, ORG 0.785, AGREEMENT 0.622); then acronyms defined in
        // brackets, a bare "Parliament" after the European Parliament, co-operation agreements, "the following year", "the
        // third quarter": 0.853. Names the lists lack (BaFin, M23, Renew Europe) remain the main loss.
        new("English4", ".en.txt", 6, 0.84, ("DATE", 0.95, 0.95), ("ORG", 0.79, 0.76), ("AGREEMENT", 0.69, 0.92)),
        // Round 5, blind after the round-4 fixes: a foreign-ministry briefing, a Belt and Road energy loan, a university
        // alliance, customs agreements, a climate meeting. Blind: micro 0.853 (DATE 0.946, ORG 0.772, AGREEMENT 0.830);
        // then 两年前, 去年同期 and 与 between two bodies.
        new("Chinese5", ".zh.txt", 5, 0.88, ("DATE", 0.97, 0.84), ("ORG", 0.78, 0.90), ("AGREEMENT", 0.89, 0.95)),
        // Round 5, blind: a State Department treaty note, a chip joint venture, an OPEC+ meeting, a UK-EU fisheries and
        // energy story, an AfDB loan. Blind: micro 0.785 (DATE 0.882, ORG 0.751, AGREEMENT 0.578); then a weekday-led
        // header date, "the previous year", parts of a year, the UK's parties and regulators, loan and financing agreements.
        new("English5", ".en.txt", 5, 0.86, ("DATE", 0.94, 0.95), ("ORG", 0.83, 0.80), ("AGREEMENT", 0.68, 0.87)),
        // Round 6, blind after the round-5 fixes: a provincial work report, a central-bank swap release, judicial assistance,
        // space cooperation, Hong Kong and Macao finance, Asian football bodies. Blind: micro 0.930 (DATE 0.959 with values
        // 0.827, ORG 0.930, AGREEMENT 0.868); then domain phrases of typed instruments (空间科学合作谅解备忘录), 《…安排》
        // and an international body's 章程, 年内/年底/当年, "YYYY年是…" for the document's year, 同日 after a plan's day,
        // Hong Kong's and Macao's authorities: 0.979.
        new("Chinese6", ".zh.txt", 6, 0.97, ("DATE", 0.98, 0.96), ("ORG", 0.95, 0.92), ("AGREEMENT", 0.98, 0.94)),
        // Round 6, blind: an Al Jazeera ceasefire road map, a Bloomberg swap line and bond deal, an EU Council release, an ABC
        // Pacific treaty, cricket's governing bodies, a Japan Times EPA. Blind: micro 0.853 (DATE 0.954, ORG 0.794,
        // AGREEMENT 0.719); then initials of an instrument's type words (EPA, FTA), a word between determiner and instrument,
        // an acronym read by the article's own full name (ICC), seasons and decades, capitals as places, companies' arms and
        // legal forms: 0.954.
        new("English6", ".en.txt", 6, 0.94, ("DATE", 0.98, 0.96), ("ORG", 0.91, 0.77), ("AGREEMENT", 0.92, 0.87)),
    ];

    private static readonly Lazy<ArticlePipeline> Pipeline = new(() =>
        PipelineBuilder.From(new ConfigLoader(StageCatalog.Default).Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json"))).Build());

    private static readonly Dictionary<string, ScoreReport> Reports = new();

    private static ScoreReport Report(ArticleSet set)
    {
        lock (Reports)
        {
            if (Reports.TryGetValue(set.Folder, out var cached)) return cached;
            var predictions = Directory.GetFiles(set.Path, "*" + set.Extension).Order(StringComparer.Ordinal)
                .SelectMany(path => EvaluateCommand.ToScored(Pipeline.Value.ProcessFile(path)))
                .ToList();
            var report = Scorer.Score(Scorer.Load(set.Path), predictions);
            TestContext.Out.WriteLine(Scorer.Format(report));
            foreach (var e in report.Errors) TestContext.Out.WriteLine($"{e.Kind}\t{e.Doc}\t{e.Type}\t{e.Text}\t{e.Detail}");
            return Reports[set.Folder] = report;
        }
    }

    [TestCaseSource(nameof(Sets))]
    public void Every_article_has_its_gold(ArticleSet set)
    {
        var articles = Directory.GetFiles(set.Path, "*" + set.Extension).Select(Path.GetFileName).ToList();
        Assert.That(articles, Has.Count.EqualTo(set.Articles));
        Assert.That(Scorer.Load(set.Path).Select(g => g.Doc).ToHashSet(), Is.EquivalentTo(articles));
    }

    public static IEnumerable<TestCaseData> Targets() =>
        Sets.SelectMany(set => set.Targets.Select(t => new TestCaseData(set, t.Type, t.MinF1, t.MinNormalised)
            .SetName($"Meets_the_target({set.Folder}, {t.Type})")));

    [TestCaseSource(nameof(Targets))]
    public void Meets_the_target(ArticleSet set, string type, double minF1, double minNormalised)
    {
        var report = Report(set);
        var score = report[type];
        Assert.Multiple(() =>
        {
            Assert.That(score.F1, Is.GreaterThanOrEqualTo(minF1), $"{type} F1\n{Scorer.Format(report)}");
            Assert.That(score.Normalised ?? 0, Is.GreaterThanOrEqualTo(minNormalised), $"{type} normalised\n{Scorer.Format(report)}");
        });
    }

    public static IEnumerable<TestCaseData> MicroTargets() =>
        Sets.Where(set => set.MinMicroF1 is not null).Select(set => new TestCaseData(set, set.MinMicroF1!.Value));

    [TestCaseSource(nameof(MicroTargets))]
    public void Micro_F1_over_the_three_types(ArticleSet set, double min) =>
        Assert.That(Report(set).Micro.F1, Is.GreaterThanOrEqualTo(min));
}
