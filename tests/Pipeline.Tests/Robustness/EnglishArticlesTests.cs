using Pipeline.Cli.Commands;
using Pipeline.Configuration;
using Pipeline.Evaluation;
using Pipeline.Stages;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// Invented English news (White House readouts, State Department releases, wire reports on summits, sanctions
/// and trade deals) annotated by hand per ANNOTATION.md, run through the whole configured pipeline (the repo's
/// pipeline.json, model included) and scored like `pipeline evaluate`: the product's targets on unseen English.
/// </summary>
public class EnglishArticlesTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness", "English");

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
        Assert.That(articles, Has.Count.EqualTo(8));
        var documents = Scorer.Load(Folder).Select(g => g.Doc).ToHashSet();
        Assert.That(documents, Is.EquivalentTo(articles));
    }

    [TestCase("DATE", 0.95, 0.95)]
    [TestCase("ORG", 0.88, 0.90)]
    // AGREEMENT was 0.746 when written; typed instruments under negotiation, headline communiqués, title boundaries
    // and aliases (Washington Treaty) now reach 1.0 with the committed model.
    [TestCase("AGREEMENT", 0.95, 0.95)]
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
    public void Micro_F1_over_the_three_types() => Assert.That(Report().Micro.F1, Is.GreaterThanOrEqualTo(0.90));
}
