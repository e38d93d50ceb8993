using System.Text.Json.Nodes;
using Pipeline.Running;

namespace Pipeline.Tests.Running;

/// <summary>
/// Every kind of bad input, as a real file in a real batch: the error names the file and the
/// reason, the run goes on, and the good article beside it is fully processed.
/// </summary>
public class BadInputTests
{
    private const string GoodText = Hostile.HostileInputs.GoodText;

    public static IEnumerable<TestCaseData> BadFiles() =>
        Hostile.HostileInputs.ClassicBadFiles().Select(f => new TestCaseData(f.Name, f.Bytes, f.Reason).SetName(f.Name));

    [TestCaseSource(nameof(BadFiles))]
    public void A_bad_file_fails_alone_with_its_name_and_reason(string name, Func<byte[]> bytes, string reason)
    {
        using var ws = new Workspace();
        ws.Add("good.txt", GoodText);
        ws.Add(name, bytes());

        var (summary, errors) = ws.Run();

        var bad = summary.Articles.Single(a => a.File == name);
        Assert.That(bad.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(bad.Error, Does.Contain(reason));
        Assert.That(errors, Has.One.StartsWith($"pipeline: {name}: ").And.Contains(reason));
        Assert.That(Directory.Exists(Path.Combine(ws.Output, name)) && Directory.EnumerateFiles(Path.Combine(ws.Output, name)).Any(),
            Is.False, "a failed article has no outputs");
        AssertGoodArticleDone(ws, summary);
        Assert.That(summary.ExitCode(FailOn.Error), Is.EqualTo(1));
        Assert.That(summary.ExitCode(FailOn.Never), Is.EqualTo(0));
    }

    [Test]
    public void A_file_over_the_size_limit_fails_alone()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", GoodText);
        ws.Add("big.txt", new string('a', 5000));
        var (summary, errors) = ws.Run(maxFileBytes: 1000);
        Assert.That(summary.Articles.Single(a => a.File == "big.txt").Error, Does.Contain("file too large"));
        Assert.That(errors, Has.One.StartsWith("pipeline: big.txt: file too large"));
        AssertGoodArticleDone(ws, summary);
    }

    [Test]
    public void A_file_deleted_during_the_run_fails_alone()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", GoodText);
        ws.Add("gone.txt", "This file will be deleted before it is read.");
        var (summary, errors) = ws.Run(stagesBefore: [new DeleteBeforeReadStage("gone.txt")]);
        Assert.That(summary.Articles.Single(a => a.File == "gone.txt").Error, Does.Contain("deleted before it could be read"));
        Assert.That(errors, Has.One.StartsWith("pipeline: gone.txt: file not found"));
        AssertGoodArticleDone(ws, summary, failedFileStillThere: false);
    }

    [Test]
    public void A_malformed_sidecar_fails_its_article_alone()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", GoodText);
        ws.Add("dated.txt", "Text with a broken sidecar.");
        ws.Add("dated.txt.meta.json", "{\"date\": ");
        var (summary, errors) = ws.Run();
        Assert.That(errors, Has.One.StartsWith("pipeline: dated.txt: malformed sidecar dated.txt.meta.json"));
        Assert.That(summary.Articles.Select(a => a.File), Does.Not.Contain("dated.txt.meta.json"));
        AssertGoodArticleDone(ws, summary);
    }

    [Test]
    public void A_failing_report_writer_fails_its_article_and_leaves_no_partial_briefing()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", GoodText);
        ws.Add("crash.txt", "The renderer crashes on this one.");
        var (summary, errors) = ws.Run(writers: [new TextReportWriter("docx"), new FailingReportWriter("pdf", "crash.txt")]);
        Assert.That(errors, Has.One.EqualTo("pipeline: crash.txt: pdf briefing failed: InvalidOperationException: renderer crashed"));
        Assert.That(Directory.EnumerateFiles(Path.Combine(ws.Output, "crash.txt")), Is.Empty, "nothing of the failed article, not even temporary files");
        Assert.That(File.ReadAllText(ws.ArticleOutput("good.txt", "briefing.pdf")), Is.EqualTo("partial"));
        Assert.That(summary.Succeeded, Is.EqualTo(1));
    }

    [Test]
    public void A_writer_that_cannot_prepare_costs_no_article_and_is_asked_once_per_run()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", GoodText);
        ws.Add("other.txt", GoodText);
        var writer = new UnpreparableReportWriter("pdf");
        var (summary, errors) = ws.Run(writers: [new TextReportWriter("docx"), writer]);
        Assert.That(errors, Is.Empty);
        Assert.That(summary.Succeeded, Is.EqualTo(2));
        Assert.That(File.ReadAllText(ws.ArticleOutput("good.txt", "briefing.pdf")), Is.EqualTo("pdf briefing"));
        Assert.That(() => writer.Prepared, Is.EqualTo(1).After(5000, 20));
    }

    private static void AssertGoodArticleDone(Workspace ws, RunSummary summary, bool failedFileStillThere = true)
    {
        Assert.That(summary.Articles.Single(a => a.File == "good.txt").Status, Is.EqualTo(RunStatus.Ok));
        var entities = JsonNode.Parse(File.ReadAllText(ws.ArticleOutput("good.txt")))!;
        Assert.That(entities["doc"]!.GetValue<string>(), Is.EqualTo("good.txt"));
        Assert.That(entities["metadata"]!["language"]!["value"]!.GetValue<string>(), Is.EqualTo("zh"));
        Assert.That(File.ReadAllText(ws.ArticleOutput("good.txt", "briefing.docx")), Is.EqualTo("docx briefing of good.txt: 2 sentences"));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;
        Assert.That(written["counts"]!["succeeded"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(written["counts"]!["failed"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(written["articles"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()), Is.EquivalentTo(new[] { "ok", "failed" }));
        var overview = File.ReadAllText(Path.Combine(ws.Output, "overview.docx"));
        Assert.That(overview, Does.Contain("good.txt\tok"));
        // The overview lists the articles now in the input folder: a deleted one is gone from it.
        Assert.That(overview.Contains("\tfailed"), Is.EqualTo(failedFileStillThere));
    }
}
