using Pipeline.Cli.Commands;

namespace Pipeline.Tests.Cli;

/// <summary>`pipeline bench` starts the real `pipeline` process and reports what it measured; no speed is asserted.</summary>
public class BenchCommandTests
{
    private string _folder = "";

    [SetUp]
    public void Articles()
    {
        _folder = Directory.CreateTempSubdirectory("bench-test-").FullName;
        File.WriteAllText(Path.Combine(_folder, "a.zh.txt"), "新华社北京1月3日电 中国人民银行和世界银行今天签署了合作协议。\n");
        File.WriteAllText(Path.Combine(_folder, "b.en.txt"), "GENEVA, Oct. 5 - The World Health Organization said on Monday it had signed a joint statement.\n");
    }

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Pipeline.Cli.Program.Run(args, new CommandContext(stdout, stderr, CancellationToken.None));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Config => Path.Combine(TestPaths.RepoRoot, "pipeline.json");

    [TestCase("extract")]
    [TestCase("run")]
    public void Times_whole_processes_and_leaves_the_folder_as_it_was(string command)
    {
        var before = Directory.GetFiles(_folder).Order().ToList();
        var (code, stdout, stderr) = Run("bench", "--config", Config, "--command", command, "--runs", "2", "--jobs", "1", _folder);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain($"pipeline bench: {command} --jobs 1 over {_folder}: 2 article files"));
        var runs = stdout.Split('\n').Where(l => l.TrimStart().StartsWith("run ")).ToList();
        Assert.That(runs, Has.Count.EqualTo(2));
        Assert.That(runs, Has.All.Contain("exit 0").And.All.Contain("articles/s").And.All.Contain("s CPU"));
        Assert.That(stdout, Does.Match(@"median: .* peak RSS [1-9][\d,]* MiB"));
        Assert.That(Directory.GetFiles(_folder).Order().ToList(), Is.EqualTo(before), "nothing written to the measured folder");
    }

    [TestCase("extract")]
    [TestCase("run")]
    public void Copies_run_side_by_side_and_count_the_work_of_all(string command)
    {
        var (code, stdout, stderr) = Run("bench", "--config", Config, "--command", command, "--runs", "1", "--jobs", "1",
            "--copies", "2", _folder);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain($"pipeline bench: {command} --jobs 1, 2 copies at once, over {_folder}: 2 article files"));
        var run = stdout.Split('\n').Single(l => l.TrimStart().StartsWith("run 1:"));
        Assert.That(run, Does.Contain("exit 0"));
        // Four articles' worth of work in the wall time of the two processes together.
        var wall = double.Parse(System.Text.RegularExpressions.Regex.Match(run, @"([\d.]+) s wall").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        var rate = double.Parse(System.Text.RegularExpressions.Regex.Match(run, @"([\d.]+) articles/s").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(rate * wall, Is.EqualTo(4).Within(0.2));
    }

    [Test]
    public void An_unknown_command_to_time_is_a_usage_error()
    {
        var (code, _, stderr) = Run("bench", "--command", "train", _folder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--command must be extract or run"));
    }
}
