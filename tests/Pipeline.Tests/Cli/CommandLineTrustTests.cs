using System.IO.Compression;
using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Running;
using Pipeline.Tests.Running;

namespace Pipeline.Tests.Cli;

/// <summary>
/// The rough edges a new user met at the command line, each once a crash or a misleading line: now a named
/// reason with exit code 2, 130 on a stop, and a closing line that says what needs a look.
/// </summary>
public class CommandLineTrustTests
{
    private static (int Code, string Out, string Error) Run(string[] args, CancellationToken cancellation = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new CommandContext(stdout, stderr, cancellation));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void A_missing_gazetteer_file_is_exit_2_naming_the_file()
    {
        using var ws = new Workspace("""["ingest", {"name": "organisations", "gazetteers": ["mine.tsv"]}]""");
        var (code, _, stderr) = Run(["run", "--config", ws.ConfigPath]);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain("option 'gazetteers' names a file that does not exist").And.Contain("mine.tsv"));
        Assert.That(stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_file_limit_of_three_billion_bytes_runs()
    {
        using var ws = new Workspace("""[{"name": "ingest", "maxFileBytes": 3000000000}, "segment"]""");
        ws.Add("a.txt", "NATO allies met in Brussels.\n");
        var (code, _, stderr) = Run(["run", "--config", ws.ConfigPath]);
        Assert.That(code, Is.EqualTo((int)ExitCode.Success), stderr);
    }

    [Test]
    public void An_output_folder_that_is_a_file_is_exit_2_naming_it()
    {
        using var ws = new Workspace(extra: "\"reports\": {\"formats\": []}");
        File.WriteAllText(ws.Output, "not a folder");
        var (code, _, stderr) = Run(["run", "--config", ws.ConfigPath]);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain($"output folder {ws.Output} is a file"));
    }

    [Test]
    public void An_output_folder_under_proc_is_exit_2_naming_it()
    {
        if (!Directory.Exists("/proc/self")) Assert.Ignore("no /proc on this system");
        using var ws = new Workspace();
        ws.WriteConfig("""["ingest", "segment"]""", "\"output\": \"/proc/pipeline-out\"");
        var (code, _, stderr) = Run(["run", "--config", ws.ConfigPath]);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain("output folder /proc/pipeline-out cannot be used"));
    }

    [Test]
    public void Invalid_json_in_the_configuration_names_the_line_counting_from_one()
    {
        using var ws = new Workspace();
        File.WriteAllText(ws.ConfigPath, "{\n  \"input\": \"input\",\n  \"output\": output\n}\n");
        var (code, _, stderr) = Run(["run", "--config", ws.ConfigPath]);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain("not valid JSON at line 3"));
    }

    [Test]
    public void A_stop_during_evaluate_on_a_corpus_exits_130()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-stop-").FullName;
        try
        {
            var path = Path.Combine(dir, "c.jsonl.gz");
            using (var w = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest)))
                for (var i = 0; i < 50; i++)
                    w.WriteLine(JsonSerializer.Serialize(new { doc = $"d{i}", text = "联合国大会通过决议。", entities = Array.Empty<object>() }));
            using var stop = new CancellationTokenSource();
            stop.Cancel();
            var (code, _, stderr) = Run(["evaluate", "--corpus", path, "--split", "all"], stop.Token);
            Assert.That(code, Is.EqualTo((int)ExitCode.Stopped), stderr);
            Assert.That(stderr, Does.Not.Contain("   at "));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Watch_exits_130_when_stopped()
    {
        using var ws = new Workspace();
        ws.Add("a.txt", "NATO allies met.\n");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var (code, _, stderr) = Run(["watch", "--config", ws.ConfigPath, "--interval", "100"], stop.Token);
        Assert.That(code, Is.EqualTo((int)ExitCode.Stopped), stderr);
    }

    [Test]
    public void Articles_with_warnings_are_counted_and_named_in_the_closing_line()
    {
        using var ws = new Workspace("""["ingest", "segment", "dates"]""", "\"reports\": {\"formats\": []}");
        ws.Add("undated.txt", "双方9月3日举行会谈。\n"); // no year, no metadata: dated from the file time, with a warning
        ws.Add("dated.txt", "2019年9月3日，双方举行会谈。\n");
        var (code, stdout, stderr) = Run(["run", "--config", ws.ConfigPath, "--fail-on", "warning"]);
        Assert.That(code, Is.EqualTo((int)ExitCode.ArticlesFailed));
        Assert.That(stdout, Does.Contain("0 failed, 1 with warnings"));
        Assert.That(stdout, Does.Contain("warnings: undated.txt"));
        // The article's own progress line says it too, with what the warning is.
        Assert.That(stderr.Split('\n').Single(l => l.Contains(" undated.txt ")), Does.Contain(" with a warning: "));
        Assert.That(stderr.Split('\n').Single(l => l.Contains(" dated.txt ")), Does.Not.Contain("warning"));
    }

    [Test]
    public void A_log_of_a_rerun_names_only_what_changed()
    {
        using var ws = new Workspace(extra: "\"reports\": {\"formats\": []}");
        for (var i = 0; i < 5; i++) ws.Add($"a{i}.txt", $"NATO allies met {i} times.\n");
        Run(["run", "--config", ws.ConfigPath]);
        ws.Add("a2.txt", "NATO allies met again.\n");
        var (_, stdout, stderr) = Run(["run", "--config", ws.ConfigPath]);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.Contain("[").And.Contain("/5] ok a2.txt"));
        Assert.That(stdout, Does.StartWith("5 articles: 1 processed, 4 unchanged"));
    }

    [Test]
    public void Terminal_progress_shows_rate_time_left_and_failures_within_the_width()
    {
        var counter = new ProgressCounter();
        counter.Begin(300);
        for (var i = 0; i < 120; i++)
            counter.Done(new ArticleResult($"f{i}.txt", i < 2 ? RunStatus.Failed : RunStatus.Ok, [], null, [], 0.01));
        Thread.Sleep(20);
        foreach (var width in new[] { 40, 60, 120 })
        {
            var line = counter.Line("a-very-long-file-name-that-would-wrap-a-narrow-terminal.txt", width);
            Assert.That(line.Length, Is.LessThanOrEqualTo(width), line);
            Assert.That(line, Does.Contain("120/300").And.Contain("/s"), line);
        }
        Assert.That(counter.Line("x.txt", 120), Does.Contain("ETA").And.Contain("2 failed"));
    }
}
