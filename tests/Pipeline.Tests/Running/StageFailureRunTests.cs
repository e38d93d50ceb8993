using System.Text.Json.Nodes;
using Pipeline.Agreements;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Running;
using Pipeline.Stages;

namespace Pipeline.Tests.Running;

/// <summary>A bug in one stage costs that stage's findings, never the article: the briefing is still written.</summary>
public class StageFailureRunTests
{
    private sealed class ThrowingStage : IStage
    {
        public StageDescriptor Descriptor { get; } = new StageDescriptor<NoOptions>("agreement-records", "test",
            ArticleParts.Text, ArticleParts.AgreementRecords, _ => throw new NotSupportedException());

        public Article Process(Article article, CancellationToken cancellation = default) =>
            article.Id == "bad.txt" ? throw new ArgumentOutOfRangeException("length", -3, "must be non-negative") : article;
    }

    [Test]
    public void The_article_is_reported_partial_with_the_stage_named_and_its_outputs_are_written()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", "中国与东盟于2023年9月5日发表联合声明。\n");
        ws.Add("bad.txt", "双方于2023年9月5日签署协议。\n");

        var (summary, errors) = ws.Run(stagesAfter: [new FindWordStage(EntityTypes.Org, "东盟", "东盟"), new ThrowingStage()]);

        var bad = summary.Articles.Single(a => a.File == "bad.txt");
        Assert.That(bad.Status, Is.EqualTo(RunStatus.Partial));
        Assert.That(bad.Error, Does.Contain("stage 'agreement-records' failed: ArgumentOutOfRangeException"));
        Assert.That(errors, Has.One.StartsWith("pipeline: bad.txt: stage 'agreement-records' failed"));
        Assert.That(summary.Articles.Single(a => a.File == "good.txt").Status, Is.EqualTo(RunStatus.Ok));
        Assert.That(summary.ExitCode(FailOn.Error), Is.EqualTo(1));
        Assert.That(summary.OneLine(), Does.Contain("1 partial"));

        foreach (var name in new[] { BatchRunner.EntitiesFile, "briefing.docx", "briefing.pdf" })
            Assert.That(File.Exists(ws.ArticleOutput("bad.txt", name)), name);
        var json = JsonNode.Parse(File.ReadAllText(ws.ArticleOutput("bad.txt")))!;
        Assert.That(json["failures"]![0]!["stage"]!.GetValue<string>(), Is.EqualTo("agreement-records"));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;
        Assert.That(written["counts"]!["partial"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public void A_partial_article_is_retried_by_the_next_run()
    {
        using var ws = new Workspace();
        ws.Add("bad.txt", "双方于2023年9月5日签署协议。\n");
        ws.Run(stagesAfter: [new ThrowingStage()]);
        var (again, _) = ws.Run(stagesAfter: [new ThrowingStage()]);
        Assert.That(again.Articles.Single().Status, Is.EqualTo(RunStatus.Partial), "not skipped as unchanged");
    }
}
