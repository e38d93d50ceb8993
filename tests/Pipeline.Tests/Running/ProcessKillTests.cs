using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Running;

namespace Pipeline.Tests.Running;

/// <summary>
/// The real `pipeline` executable, stopped in the middle of a batch: by SIGKILL (no chance to
/// clean up) and by SIGTERM (a clean stop). Either way no output file is ever incomplete, and
/// the next run does exactly the articles that were not done.
/// </summary>
[NonParallelizable]
public class ProcessKillTests
{
    private const int Articles = 120;

    private static Workspace ManyArticles()
    {
        var ws = new Workspace();
        for (var i = 0; i < Articles; i++)
        {
            var text = new StringBuilder();
            for (var line = 0; line < 800; line++)
                text.Append($"第{i}篇第{line}段：中国与东盟于2023年9月{line % 28 + 1}日在雅加达举行会议。双方同意加强合作。\n");
            ws.Add($"article-{i:D3}.txt", text.ToString());
        }
        return ws;
    }

    private static Process Start(Workspace ws, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        Assert.That(File.Exists(dll), $"the CLI is built next to the tests: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ws.Root };
        foreach (var a in new[] { dll, "run", "--config", ws.ConfigPath, "--jobs", "1" }.Concat(extra)) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static int Finish(Process p, out string stdout, out string stderr)
    {
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(120_000), "the run finishes");
        stdout = outTask.Result;
        stderr = errTask.Result;
        return p.ExitCode;
    }

    /// <summary>Waits until a few articles are done, then makes sure the run is still going.</summary>
    private static void WaitForFirstOutputs(Workspace ws, Process p)
    {
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)
               && (!Directory.Exists(ws.Output) || Directory.EnumerateFiles(ws.Output, BatchRunner.EntitiesFile, SearchOption.AllDirectories).Count() < 3))
            Thread.Sleep(5);
        Assert.That(p.HasExited, Is.False, "the run must still be going when it is stopped (make the input larger if not)");
    }

    private static void AssertEveryOutputComplete(Workspace ws, bool temporariesAllowed)
    {
        foreach (var file in Directory.EnumerateFiles(ws.Output, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (AtomicFile.IsTemporary(file))
            {
                Assert.That(temporariesAllowed, $"no temporary file may be left: {file}");
                continue;
            }
            if (name.StartsWith(PipelineDatabase.FileName) || name == RunSummary.FileName && Path.GetDirectoryName(file) == ws.Output) continue;
            // A killed run leaves its lock (the kernel released it); the next run takes it over.
            if (name == BatchRunner.LockFileName && temporariesAllowed && Path.GetDirectoryName(file) == ws.Output) continue;
            // Each kind of output must open whole: a cut-off file throws here.
            switch (Path.GetExtension(name))
            {
                case ".json" when name == BatchRunner.EntitiesFile:
                    var json = JsonNode.Parse(File.ReadAllText(file))!;
                    Assert.That(json["doc"]!.GetValue<string>(), Is.EqualTo(Path.GetFileName(Path.GetDirectoryName(file))));
                    break;
                case ".docx":
                    using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false))
                        Assert.That(docx.MainDocumentPart?.Document?.Body, Is.Not.Null, file);
                    break;
                case ".pdf":
                    using (var pdf = UglyToad.PdfPig.PdfDocument.Open(file))
                        Assert.That(pdf.NumberOfPages, Is.GreaterThan(0), file);
                    break;
                case ".html":
                    // A whole page ends with its closing tag.
                    Assert.That(File.ReadAllText(file).TrimEnd(), Does.EndWith("</html>"), file);
                    break;
                default:
                    Assert.Fail($"unexpected file {file}");
                    break;
            }
        }
    }

    private static HashSet<string> RecordedAsDone(Workspace ws)
    {
        using var db = new PipelineDatabase(Path.Combine(ws.Output, PipelineDatabase.FileName));
        return db.Documents.All().Where(d => d.Status == RunStatus.Ok).Select(d => d.File).ToHashSet();
    }

    private static void AssertNextRunDoesTheRest(Workspace ws, HashSet<string> done)
    {
        var p = Start(ws);
        Assert.That(Finish(p, out var stdout, out var stderr), Is.EqualTo(0), stderr);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;
        var statuses = summary["articles"]!.AsArray().ToDictionary(a => a!["file"]!.GetValue<string>(), a => a!["status"]!.GetValue<string>());
        Assert.That(statuses.Where(s => s.Value == "skipped").Select(s => s.Key), Is.EquivalentTo(done));
        Assert.That(statuses.Where(s => s.Value == "ok").Select(s => s.Key), Is.EquivalentTo(statuses.Keys.Except(done)));
        Assert.That(stdout, Does.Contain($"{Articles} articles: {Articles - done.Count} processed, {done.Count} unchanged, 0 failed"));
        AssertEveryOutputComplete(ws, temporariesAllowed: false);
        Assert.That(Directory.EnumerateFiles(ws.Output, BatchRunner.EntitiesFile, SearchOption.AllDirectories).Count(), Is.EqualTo(Articles));
    }

    [Test]
    public void Killed_mid_batch_it_leaves_only_complete_files_and_the_next_run_does_exactly_the_rest()
    {
        using var ws = ManyArticles();
        var p = Start(ws);
        WaitForFirstOutputs(ws, p);
        p.Kill(entireProcessTree: true);
        p.WaitForExit();

        // A SIGKILL may catch a file being written: it stays under its hidden temporary name.
        AssertEveryOutputComplete(ws, temporariesAllowed: true);
        var done = RecordedAsDone(ws);
        Assert.That(done, Is.Not.Empty.And.Count.LessThan(Articles));

        AssertNextRunDoesTheRest(ws, done);
    }

    [Test]
    public void Sigterm_stops_cleanly_with_no_temporary_file_and_a_summary_of_what_was_not_run()
    {
        using var ws = ManyArticles();
        var p = Start(ws);
        WaitForFirstOutputs(ws, p);
        Process.Start("kill", ["-TERM", p.Id.ToString()])!.WaitForExit();
        Assert.That(p.WaitForExit(60_000), "stops soon after SIGTERM");
        Assert.That(p.ExitCode, Is.EqualTo(130));

        AssertEveryOutputComplete(ws, temporariesAllowed: false);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;
        Assert.That(summary["cancelled"]!.GetValue<bool>());
        Assert.That(summary["counts"]!["not_run"]!.GetValue<int>(), Is.GreaterThan(0));
        var done = RecordedAsDone(ws);
        Assert.That(summary["counts"]!["succeeded"]!.GetValue<int>(), Is.EqualTo(done.Count));

        AssertNextRunDoesTheRest(ws, done);
    }
}
