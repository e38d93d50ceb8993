using Pipeline.Cli.Commands;
using Pipeline.Configuration;
using Pipeline.Evaluation;
using Pipeline.Stages;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// Invented English releases of round 2 (a fact sheet, a message to the Congress transmitting an agreement, a
/// trilateral joint statement, an anniversary statement, a call readout, a State Department media note) annotated by hand per ANNOTATION.md, run through the whole configured pipeline (the repo's
/// pipeline.json, model included) and scored like `pipeline evaluate`: the product's targets on unseen English.
/// </summary>
public class English2ArticlesTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness", "English2");

    private static ScoreReport? _report;

    private static ScoreReport Report()
    {
        if (_report is not null) return _report;
        var config = new ConfigLoader(StageCatalog.Default).Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json"));
        var pipeline = ArticlePipeline.FromConfig(config);
        var predictions = Directory.GetFiles(Folder, "*.en.txt").Order()
            .SelectMany(path => EvaluateCommand.ToScored(pipeline.ProcessFile(path)))
            .ToList();
        var report = Scorer.Score(Scorer.Load(Folder), predictions, Scorer.DefaultTypes, relaxed: false);
        TestContext.Out.WriteLine(Scorer.Format(report));
        foreach (var e in report.Errors) TestContext.Out.WriteLine($"{e.Kind}\t{e.Doc}\t{e.Type}\t{e.Text}\t{e.Detail}");
        return _report = report;
    }

    [Test]
    public void Every_article_has_its_gold()
    {
        var articles = Directory.GetFiles(Folder, "*.en.txt").Select(Path.GetFileName).ToList();
        Assert.That(articles, Has.Count.EqualTo(6));
        var documents = Scorer.Load(Folder).Select(g => g.Doc).ToHashSet();
        Assert.That(documents, Is.EquivalentTo(articles));
    }

    // Before the round-2 fixes: DATE 0.939, ORG 0.909, AGREEMENT 0.708 (micro 0.884).
    [TestCase("DATE", 0.97, 0.97)]
    [TestCase("ORG", 0.97, 0.97)]
    [TestCase("AGREEMENT", 0.93, 0.95)]
    public void Meets_the_target_on_unseen_English_news(string type, double minF1, double minNormalised)
    {
        var score = Report()[type];
        Assert.Multiple(() =>
        {
            Assert.That(score.F1, Is.GreaterThanOrEqualTo(minF1), $"{type} F1");
            Assert.That(score.Normalised ?? 0, Is.GreaterThanOrEqualTo(minNormalised), $"{type} normalised");
        });
    }

    [Test]
    public void Micro_F1_over_the_three_types() => Assert.That(Report().Micro.F1, Is.GreaterThanOrEqualTo(0.98));
}
