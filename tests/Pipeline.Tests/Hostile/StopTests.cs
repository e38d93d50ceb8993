using System.Diagnostics;
using Pipeline.Running;
using Pipeline.Tests.Running;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// SIGTERM stops `run`, `watch` and `extract` promptly even inside one long article (stages check the
/// watchdog's token; one that does not is left behind), and a SIGKILL leaves nothing the next run trips on.
/// The bound asserted is loose for a busy machine; the README gives the time measured.
/// </summary>
[NonParallelizable]
public class StopTests
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    /// <summary>An article the extraction stages take many seconds over (one 1.7-million-character line).</summary>
    private static void AddLongArticle(Workspace ws, string name = "a-long.txt") =>
        ws.Add(name, HostileInputs.Repeat("中国与东盟同意加强合作", 170_000));

    private static Workspace FullPipeline(string extra = "") => new(RealPipeline.AllStages, """ "reports": {"formats": ["pdf"]}""" + extra);

    /// <summary>Sends SIGTERM once <paramref name="ready"/> holds and returns how long the process took to end.</summary>
    private static TimeSpan TerminateWhen(Process p, Func<bool> ready)
    {
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var wait = Stopwatch.StartNew();
        while (!ready() && !p.HasExited && wait.Elapsed < TimeSpan.FromSeconds(90)) Thread.Sleep(50);
        Assert.That(p.HasExited, Is.False, "still running when it is stopped");
        Process.Start("kill", ["-TERM", p.Id.ToString()])!.WaitForExit();
        var clock = Stopwatch.StartNew();
        Assert.That(p.WaitForExit(TimeSpan.FromSeconds(60)), "ends after SIGTERM");
        TestContext.Out.WriteLine($"ended {clock.Elapsed.TotalSeconds:0.00} s after SIGTERM");
        return clock.Elapsed;
    }

    [Test]
    public void Run_stops_within_seconds_inside_a_long_article_and_writes_its_summary()
    {
        using var ws = FullPipeline();
        AddLongArticle(ws);
        ws.Add("b-short.txt", HostileInputs.GoodText);
        var temp = RealPipeline.Temp(ws);
        var p = RealPipeline.Start(ws, temp, "run", "--config", ws.ConfigPath, "--jobs", "1");
        // Inside the long article: it is first, and its processing takes far longer than this.
        var started = Stopwatch.StartNew();
        var took = TerminateWhen(p, () => started.Elapsed > TimeSpan.FromSeconds(4));
        Assert.That(took, Is.LessThan(StopBound));
        Assert.That(p.ExitCode, Is.EqualTo(130));
        var summary = RealPipeline.Summary(ws);
        Assert.That(summary["cancelled"]!.GetValue<bool>());
        Assert.That(summary["articles"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()), Has.All.EqualTo(RunStatus.Cancelled));
        Assert.That(Directory.EnumerateFiles(ws.Output, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories), Is.Empty);
        Assert.That(Directory.EnumerateFileSystemEntries(temp), Is.Empty);
    }

    [Test]
    public void Watch_with_a_fifo_in_the_folder_goes_on_and_stops_on_sigterm()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("FIFOs are a Linux matter here");
        using var ws = FullPipeline();
        HostileInputs.MakeFifo(Path.Combine(ws.Input, "fifo.txt"));
        ws.Add("good.txt", HostileInputs.GoodText);
        var p = RealPipeline.Start(ws, RealPipeline.Temp(ws), "watch", "--config", ws.ConfigPath, "--interval", "200");
        var took = TerminateWhen(p, () => File.Exists(ws.ArticleOutput("good.txt")));
        Assert.That(took, Is.LessThan(StopBound));
    }

    [Test]
    public void Extract_prints_each_article_as_it_ends_and_stops_on_sigterm()
    {
        using var ws = FullPipeline();
        ws.Add("a-short.txt", HostileInputs.GoodText);
        AddLongArticle(ws, "b-long.txt");
        var p = RealPipeline.Start(ws, RealPipeline.Temp(ws), "extract", "--config", ws.ConfigPath, "--jobs", "1", ws.Input);
        var printed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) printed.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        _ = p.StandardError.ReadToEndAsync();
        var wait = Stopwatch.StartNew();
        // The short article's lines come out while the long one is still being processed.
        while (!printed.Any(l => l.Contains("\"doc\":\"a-short.txt\"")) && wait.Elapsed < TimeSpan.FromSeconds(90)) Thread.Sleep(50);
        Assert.That(printed.Any(l => l.Contains("\"doc\":\"a-short.txt\"")), "streamed before the batch ends");
        Assert.That(p.HasExited, Is.False);
        Process.Start("kill", ["-TERM", p.Id.ToString()])!.WaitForExit();
        var clock = Stopwatch.StartNew();
        Assert.That(p.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.That(clock.Elapsed, Is.LessThan(StopBound));
        Assert.That(p.ExitCode, Is.EqualTo(130));
    }

    [Test]
    public void Killed_inside_a_hostile_article_the_next_run_still_works()
    {
        // The long article takes ~13 s here (test build, quiet machine): the budget is well under it, and the first
        // run is killed (at 4 s) inside the article before the budget would stop it.
        using var ws = FullPipeline(""", "watchdog": {"articleSeconds": 6}""");
        AddLongArticle(ws);
        ws.Add("b-deep.html", "<html><body>" + HostileInputs.Repeat("<div>", 100_000) + "</body></html>");
        ws.Add("c-good.txt", HostileInputs.GoodText);
        var temp = RealPipeline.Temp(ws);
        var first = RealPipeline.Start(ws, temp, "run", "--config", ws.ConfigPath, "--jobs", "1");
        Thread.Sleep(4000);
        first.Kill(entireProcessTree: true);
        first.WaitForExit();

        var second = RealPipeline.Start(ws, temp, "run", "--config", ws.ConfigPath, "--jobs", "1");
        _ = second.StandardOutput.ReadToEndAsync();
        var stderr = second.StandardError.ReadToEndAsync();
        Assert.That(second.WaitForExit(TimeSpan.FromMinutes(3)));
        Assert.That(second.ExitCode, Is.EqualTo(1), stderr.Result);
        var articles = RealPipeline.Articles(ws);
        Assert.That(RealPipeline.Field(articles["a-long.txt"], "error"), Does.StartWith("stopped by the watchdog"));
        Assert.That(RealPipeline.Field(articles["b-deep.html"], "error"), Does.StartWith("HTML nests elements more than 512 deep"));
        Assert.That(RealPipeline.Field(articles["c-good.txt"], "status"), Is.EqualTo("ok"));
        Assert.That(Directory.EnumerateFiles(ws.Output, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories), Is.Empty,
            "what the killed run left is cleared");
        using var db = new PipelineDatabase(Path.Combine(ws.Output, PipelineDatabase.FileName));
        Assert.That(db.Runs.LastRunUnfinished(), Is.False);
    }
}
