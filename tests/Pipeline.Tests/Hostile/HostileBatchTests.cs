using System.Text.Json.Nodes;
using Pipeline.Running;
using Pipeline.Tests.Running;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// The whole hostile corpus in one input folder beside good articles, run by the real `pipeline`
/// executable (a stack overflow cannot be caught: it would kill a test host, so it must kill nothing
/// here). The process ends normally, every input is named in run-summary.json with its status and
/// reason, the good articles are processed, and nothing is left in the temporary folder.
/// </summary>
[NonParallelizable]
public class HostileBatchTests
{
    // A short time budget keeps the test short: what matters is that the slow articles are stopped and
    // named. Memory is left roomy so that which thread meets the heap cap first (a matter of timing) cannot
    // change the reason of another article; the default budget's run is measured in BENCHMARKS.md.
    private const int ArticleSeconds = 20;
    private const int MemoryMiB = 2048;

    [Test]
    public void Every_hostile_input_is_named_in_the_summary_the_good_ones_are_processed_and_the_process_ends_normally()
    {
        using var ws = new Workspace(RealPipeline.AllStages, $$"""
            "reports": { "formats": ["docx", "pdf"] }, "watchdog": { "articleSeconds": {{ArticleSeconds}}, "memoryMiB": {{MemoryMiB}} }
            """);
        var temp = RealPipeline.Temp(ws);
        HostileInputs.WriteGood(ws.Input);
        var inputs = HostileInputs.WriteAll(ws.Input);

        var p = RealPipeline.Start(ws, temp, "run", "--config", ws.ConfigPath, "--jobs", "2");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(TimeSpan.FromMinutes(8)), "the run ends: no input hangs it");
        // 1: some articles failed, as they must; never 134 (abort: stack overflow) or 137 (killed: out of memory).
        Assert.That(p.ExitCode, Is.EqualTo(1), stderr.Result);

        var articles = RealPipeline.Articles(ws);
        Assert.Multiple(() =>
        {
            foreach (var good in HostileInputs.GoodNames)
            {
                Assert.That(RealPipeline.Field(articles[good], "status"), Is.EqualTo("ok"), good);
                Assert.That(File.Exists(ws.ArticleOutput(good)) && File.Exists(ws.ArticleOutput(good, "briefing.pdf")), good);
            }
            foreach (var input in inputs)
            {
                Assert.That(articles.ContainsKey(input.Name), $"{input.Name} is named in the summary");
                if (!articles.TryGetValue(input.Name, out var a)) continue;
                var status = RealPipeline.Field(a, "status");
                var error = RealPipeline.Field(a, "error");
                switch (input.Expected)
                {
                    case Expected.Ok:
                        Assert.That(status, Is.EqualTo("ok"), $"{input.Name}: {error}");
                        break;
                    case Expected.OkOrStopped:
                        Assert.That(status == "ok" || status == "failed" && error!.StartsWith("stopped by the watchdog"),
                            $"{input.Name}: {status} {error}");
                        break;
                    default:
                        Assert.That(status, Is.EqualTo(input.Expected == Expected.Refused ? RunStatus.Refused : RunStatus.Failed), input.Name);
                        Assert.That(error, Does.Contain(input.Reason), input.Name);
                        Assert.That(stderr.Result, Does.Contain($"pipeline: {input.Name}: {error}"), "told on stderr as it happens");
                        break;
                }
            }
        });

        var entities = JsonNode.Parse(File.ReadAllText(ws.ArticleOutput("created-0000.docx")))!;
        Assert.That(entities["warnings"]!.AsArray().Select(w => w!.GetValue<string>()),
            Has.One.Contains("docx property 'created' is not a date ('0000-01-01T00:00:00Z'): ignored"));
        Assert.That(JsonNode.Parse(File.ReadAllText(ws.ArticleOutput("created-9999.docx")))!["metadata"]!["date"]!["value"]!.GetValue<string>(),
            Is.EqualTo("9999-12-31"));
        Assert.That(File.Exists("/tmp/zip-slip-evil.txt"), Is.False, "nothing of a docx is ever extracted");
        Assert.That(Directory.EnumerateFileSystemEntries(temp), Is.Empty, "nothing is left in the temporary folder");
        Assert.That(Directory.EnumerateFiles(ws.Output, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories), Is.Empty);
        Assert.That(stdout.Result, Does.Contain("refused unopened"));
    }

    [Test]
    public void Extract_prints_the_good_articles_and_names_every_bad_one_on_stderr()
    {
        using var ws = new Workspace(RealPipeline.AllStages, """ "watchdog": { "articleSeconds": 15 } """);
        var temp = RealPipeline.Temp(ws);
        HostileInputs.WriteGood(ws.Input);
        var inputs = HostileInputs.WriteAll(ws.Input, costly: false);

        var p = RealPipeline.Start(ws, temp, "extract", "--config", ws.ConfigPath, "--jobs", "2", ws.Input);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(TimeSpan.FromMinutes(5)), "extract ends");
        Assert.That(p.ExitCode, Is.EqualTo(1), stderr.Result);
        var docs = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!["doc"]!.GetValue<string>()).ToHashSet();
        Assert.That(docs, Is.SupersetOf(HostileInputs.GoodNames));
        foreach (var input in inputs.Where(i => i.Expected is Expected.Failed or Expected.Refused))
            Assert.That(stderr.Result, Does.Contain($"{input.Name}: ").And.Contain(input.Reason), input.Name);
        Assert.That(Directory.EnumerateFileSystemEntries(temp), Is.Empty, "nothing is left in the temporary folder");
    }
}
