using Pipeline.Cli;
using Pipeline.Cli.Commands;

namespace Pipeline.Tests.Running;

/// <summary>`pipeline run` in-process through Program.Run: arguments, exit codes and what it prints.</summary>
public class RunCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new CommandContext(stdout, stderr, CancellationToken.None));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void A_batch_with_a_bad_article_exits_1_and_names_it_on_stderr()
    {
        using var ws = new Workspace();
        ws.Add("good.txt", "NATO allies met.\n");
        ws.Add("bad.txt", []);

        var (code, stdout, stderr) = Run("run", "--config", ws.ConfigPath);

        Assert.That(code, Is.EqualTo((int)ExitCode.ArticlesFailed));
        Assert.That(stderr, Does.Contain("pipeline: bad.txt: empty file"));
        Assert.That(stdout, Does.StartWith("2 articles: 1 processed, 0 unchanged, 1 failed"));
        Assert.That(File.Exists(ws.ArticleOutput("good.txt")));

        Assert.That(Run("run", "--config", ws.ConfigPath, "--fail-on", "never").Code, Is.EqualTo((int)ExitCode.Success));
        Assert.That(Run("run", "--config", ws.ConfigPath, "--force", "--jobs", "1").Out,
            Does.StartWith("2 articles: 1 processed, 0 unchanged, 1 failed"));
    }

    [Test]
    public void An_article_named_like_the_overview_is_refused_by_name_and_the_overview_is_written()
    {
        using var ws = new Workspace();
        ws.Add("index.html", "<html><head><title>Allies meet</title></head><body><p>NATO allies met in Brussels.</p></body></html>");
        ws.Add("a.txt", "NATO allies met in Brussels on Monday.\n");

        var (code, stdout, stderr) = Run("run", "--config", ws.ConfigPath);

        Assert.That(code, Is.EqualTo((int)ExitCode.ArticlesFailed));
        Assert.That(stderr, Does.Contain("pipeline: index.html: the name index.html is the batch overview's"));
        Assert.That(stdout, Does.StartWith("2 articles: 1 processed, 0 unchanged, 0 failed, 1 refused unopened"));
        Assert.That(File.Exists(Path.Combine(ws.Output, "index.html")), "the overview, a file");
        Assert.That(File.Exists(Path.Combine(ws.Output, "overview.pdf")));
        Assert.That(File.Exists(ws.ArticleOutput("a.txt")));
    }

    [Test]
    public void The_reserved_names_are_every_report_formats_overview()
    {
        var overviews = Pipeline.Running.ReportWriters.All.Select(w => w.OverviewFileName);
        Assert.That(Pipeline.Ingest.ArticleFiles.ReservedNames, Is.EquivalentTo(overviews));
    }

    [Test]
    public void A_second_run_on_the_same_output_waits_for_the_first_and_then_has_nothing_left_to_do()
    {
        using var ws = new Workspace();
        ws.Add("a.txt", "NATO allies met in Brussels on Monday.\n");
        Directory.CreateDirectory(ws.Output);
        // Another run holds the output folder (its lock, as a run takes it).
        var held = Pipeline.Running.ExclusiveLock.Wait(Path.Combine(ws.Output, Pipeline.Running.BatchRunner.LockFileName), () => { },
            CancellationToken.None);
        var second = Task.Run(() => Run("run", "--config", ws.ConfigPath));
        Assert.That(second.Wait(TimeSpan.FromSeconds(2)), Is.False, "the second run must wait");
        Assert.That(File.Exists(ws.ArticleOutput("a.txt")), Is.False, "nothing is written while the other run holds the folder");
        held.Dispose();
        Assert.That(second.Wait(TimeSpan.FromSeconds(60)), "the second run goes on once the folder is free");
        var (code, stdout, stderr) = second.Result;
        Assert.That(code, Is.EqualTo((int)ExitCode.Success));
        Assert.That(stderr, Does.Contain("another run is writing to"));
        Assert.That(File.Exists(ws.ArticleOutput("a.txt")));
        Assert.That(File.Exists(Path.Combine(ws.Output, Pipeline.Running.BatchRunner.LockFileName)), Is.False, "a finished run leaves only results");
    }

    [TestCase("--fail-on", "sometimes", "--fail-on must be error, warning or never")]
    [TestCase("--jobs", "0", "--jobs must be a whole number ≥ 1")]
    [TestCase("--colour", "red", "unknown option '--colour'")]
    public void Bad_arguments_are_usage_errors(string option, string value, string message)
    {
        using var ws = new Workspace();
        var (code, _, stderr) = Run("run", "--config", ws.ConfigPath, option, value);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain(message));
    }

    [Test]
    public void A_missing_configuration_or_input_folder_is_exit_code_2()
    {
        using var ws = new Workspace();
        var missing = Run("run", "--config", Path.Combine(ws.Root, "nope.json"));
        Assert.That(missing.Code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(missing.Error, Does.Contain("configuration file not found"));
        Directory.Delete(ws.Input);
        var (code, _, stderr) = Run("run", "--config", ws.ConfigPath);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain("input folder not found"));
        File.WriteAllText(ws.Input, "a file where the folder should be");
        var file = Run("run", "--config", ws.ConfigPath);
        Assert.That(file.Code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(file.Error, Does.Contain("the input is a file, not a folder: " + ws.Input));
    }

    [Test]
    public void An_empty_input_folder_is_said_so_not_passed_over_in_silence()
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(Path.Combine(ws.Input, "sub"));
        ws.Add("notes.odt", "not an article type");
        var (code, stdout, stderr) = Run("run", "--config", ws.ConfigPath);
        Assert.That(code, Is.EqualTo((int)ExitCode.Success));
        Assert.That(stderr, Does.Contain($"no articles in {ws.Input} (it reads .txt, .md").And.Contains("sub-folders are not read"));
        Assert.That(stdout, Does.StartWith("0 articles"));
    }

    [Test]
    public void Evaluate_refuses_a_type_the_pipeline_never_finds_instead_of_scoring_zeros()
    {
        using var ws = new Workspace();
        var (code, _, stderr) = Run("evaluate", "--config", ws.ConfigPath, "--types", "ORG,ORGS", "--gold", ws.Input, ws.Input);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain("--types: no such type 'ORGS'"));
    }
}
