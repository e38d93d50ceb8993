using Pipeline.Cli.Commands;
using Pipeline.Configuration;
using Pipeline.Evaluation;
using Pipeline.Stages;

namespace Pipeline.Tests.Robustness;

/// <summary>
/// The whole pipeline (repo pipeline.json, model included) on a second round of Chinese news (commentary, CCDI bulletins, trade figures, joint statements, military diplomacy, local news) written for these tests and never
/// used to write rules, scored against hand-made gold (ANNOTATION.md) with the project's scorer.
/// Thresholds are the figures reached, slightly below, so a regression on unseen-style text shows up.
/// </summary>
public class Chinese2ArticlesTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness", "Chinese2");

    private static ScoreReport? _report;

    private static ScoreReport Report()
    {
        if (_report is not null) return _report;
        var config = new ConfigLoader(StageCatalog.Default).Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json"));
        var pipeline = ArticlePipeline.FromConfig(config);
        var gold = new List<ScoredEntity>();
        var predicted = new List<ScoredEntity>();
        foreach (var goldFile in Directory.GetFiles(Folder, "*.zh.jsonl").Order(StringComparer.Ordinal))
        {
            gold.AddRange(Scorer.Load(goldFile));
            var article = pipeline.ProcessFile(Path.ChangeExtension(goldFile, ".txt"));
            predicted.AddRange(EvaluateCommand.ToScored(article));
        }
        return _report = Scorer.Score(gold, predicted);
    }

    [Test]
    public void There_are_six_articles_each_with_its_gold()
    {
        var texts = Directory.GetFiles(Folder, "*.zh.txt");
        Assert.That(texts, Has.Length.EqualTo(6));
        foreach (var text in texts)
            Assert.That(File.Exists(Path.ChangeExtension(text, ".jsonl")), text);
    }

    [Test]
    public void Dates_are_found_and_resolved()
    {
        var date = Report()["DATE"];
        Assert.That(date.F1, Is.GreaterThanOrEqualTo(0.98), Scorer.Format(Report()));
        Assert.That(date.Normalised, Is.GreaterThanOrEqualTo(0.98), Scorer.Format(Report()));
    }

    [Test]
    public void Organisations_are_found_with_their_canonical_names()
    {
        var org = Report()["ORG"];
        Assert.That(org.F1, Is.GreaterThanOrEqualTo(0.92), Scorer.Format(Report()));
        Assert.That(org.Normalised, Is.GreaterThanOrEqualTo(0.96), Scorer.Format(Report()));
    }

    [Test]
    public void Agreements_are_found()
    {
        var agreement = Report()["AGREEMENT"];
        Assert.That(agreement.F1, Is.GreaterThanOrEqualTo(0.95), Scorer.Format(Report()));
        Assert.That(agreement.Normalised, Is.GreaterThanOrEqualTo(0.95), Scorer.Format(Report()));
    }
}
