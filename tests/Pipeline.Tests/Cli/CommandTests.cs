using System.IO.Compression;
using System.Text.Json;
using Pipeline.Cli.Commands;
using Pipeline.Tests.Evaluation;

namespace Pipeline.Tests.Cli;

/// <summary>The command-line contract that users, CI and score.py rely on.</summary>
public class CommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Pipeline.Cli.Program.Run(args, new CommandContext(stdout, stderr, CancellationToken.None));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Config => Path.Combine(TestPaths.RepoRoot, "pipeline.json");

    [Test]
    public void Extract_on_the_dev_corpus_scores_micro_F1_of_at_least_0_90_with_score_py_and_evaluate_agrees()
    {
        var (code, stdout, stderr) = Run("extract", "--config", Config, TestPaths.Corpus);
        Assert.That(code, Is.EqualTo(0), stderr);
        var predictions = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(predictions, stdout);
        try
        {
            var theirs = ScorerAgreesWithScorePyTests.Flatten(ScorerAgreesWithScorePyTests.RunScorePy(TestPaths.Gold, predictions, false));
            var (evalCode, ours, evalErr) = Run("evaluate", "--config", Config, "--json", "--gold", TestPaths.Gold, TestPaths.Corpus);
            Assert.That(evalCode, Is.EqualTo(0), evalErr);
            Assert.That(ScorerAgreesWithScorePyTests.Flatten(ours), Is.EqualTo(theirs));
            Assert.That(theirs["micro.f1"], Is.GreaterThanOrEqualTo(0.90));
        }
        finally
        {
            File.Delete(predictions);
        }
    }

    [Test]
    public void Extract_lines_carry_the_annotation_fields_plus_confidence_and_source()
    {
        var (code, stdout, _) = Run("extract", "--config", Config,
            Path.Combine(TestPaths.Corpus, "wh-us-pif-leaders-dialogue-2023.en.txt"));
        Assert.That(code, Is.EqualTo(0));
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, "wh-us-pif-leaders-dialogue-2023.en.txt"));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(lines, Is.Not.Empty);
        foreach (var e in lines)
        {
            Assert.That(e.GetProperty("doc").GetString(), Is.EqualTo("wh-us-pif-leaders-dialogue-2023.en.txt"));
            var (start, end) = (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());
            Assert.That(e.GetProperty("text").GetString(), Is.EqualTo(text[start..end]));
            Assert.That(e.GetProperty("confidence").GetDouble(), Is.InRange(0.0, 1.0));
            Assert.That(e.GetProperty("source").GetString(), Is.Not.Empty);
        }
        var date = lines.First(e => e.GetProperty("text").GetString() == "May 22, 2023");
        Assert.That(date.GetProperty("value").GetString(), Is.EqualTo("2023-05-22"));
        var org = lines.First(e => e.GetProperty("type").GetString() == "ORG");
        Assert.That(org.GetProperty("canonical").GetString(), Is.EqualTo("Pacific Islands Forum"));
    }

    [Test]
    public void Extract_reports_a_bad_file_on_stderr_exits_1_and_still_prints_the_good_ones()
    {
        var dir = Directory.CreateTempSubdirectory("extract-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "good.txt"), "2014年11月，APEC领导人会议通过《北京反腐败宣言》。");
            File.WriteAllBytes(Path.Combine(dir, "empty.txt"), []);
            var (code, stdout, stderr) = Run("extract", "--config", Config, dir);
            Assert.That(code, Is.EqualTo((int)ExitCode.ArticlesFailed));
            Assert.That(stderr, Does.Contain("empty.txt"));
            Assert.That(stdout, Does.Contain("\"doc\":\"good.txt\"").And.Contain("北京反腐败宣言"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Counts the writes that reach stdout: each one is a system call, and a wake-up of a reading pipe.</summary>
    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }
    }

    [TestCase(true, 3)]
    [TestCase(false, 1)]
    public void Extract_gives_a_terminal_each_article_when_done_and_a_pipe_whole_articles_a_block_at_a_time(bool terminal, int writes)
    {
        var dir = Directory.CreateTempSubdirectory("extract-out-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), "2014年11月，APEC领导人会议通过《北京反腐败宣言》。");
            File.WriteAllText(Path.Combine(dir, "b.txt"), "On May 22, 2023 the Pacific Islands Forum met in Port Moresby.");
            File.WriteAllText(Path.Combine(dir, "c.txt"), "2020年1月13日，中央纪委第四次全体会议在北京举行。");
            var stdout = new CountingWriter();
            var code = Pipeline.Cli.Program.Run(["extract", "--config", Config, "--jobs", "1", dir],
                new CommandContext(stdout, new StringWriter(), CancellationToken.None) { OutIsTerminal = terminal });
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout.Writes, Is.EqualTo(writes));
            var docs = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).ToList();
            Assert.That(docs.Distinct(), Is.EquivalentTo(new[] { "a.txt", "b.txt", "c.txt" }));
            // An article's lines are never split by another's.
            Assert.That(docs.Where((d, i) => i > 0 && d != docs[i - 1]).Count(), Is.EqualTo(2));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Evaluate_on_an_annotated_corpus_scores_its_own_gold()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-").FullName;
        var path = Path.Combine(dir, "mini.jsonl.gz");
        const string text = "1998年1月5日，联合国大会通过决议。";
        var line = JsonSerializer.Serialize(new
        {
            doc = "mini-1", text,
            entities = new object[]
            {
                new { type = "DATE", start = 0, end = 9, text = "1998年1月5日", optional = false },
                new { type = "ORG", start = 10, end = 15, text = "联合国大会", optional = false },
            },
        });
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz)) w.WriteLine(line);
        try
        {
            var (code, stdout, stderr) = Run("evaluate", "--config", Config, "--corpus", path, "--split", "all", "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            var scores = ScorerAgreesWithScorePyTests.Flatten(stdout);
            Assert.That(scores["DATE.tp"], Is.EqualTo(1));
            Assert.That(scores["ORG.tp"], Is.EqualTo(1));
            Assert.That(scores["micro.fp"], Is.EqualTo(0));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>A test split nobody trained on (here a file of our own) is scored whole; --types ORG ignores PER gold.</summary>
    [Test]
    public void Evaluate_scores_every_document_of_a_file_the_models_never_trained_on_and_only_the_types_asked()
    {
        var dir = Directory.CreateTempSubdirectory("corpus-").FullName;
        var path = Path.Combine(dir, "test-split.jsonl");
        var lines = Enumerable.Range(1, 20).Select(i => JsonSerializer.Serialize(new
        {
            doc = $"test-{i}", text = "张三说，联合国大会通过决议。",
            entities = new object[]
            {
                new { type = "PER", start = 0, end = 2, text = "张三" },
                new { type = "ORG", start = 4, end = 9, text = "联合国大会" },
            },
        }));
        File.WriteAllLines(path, lines);
        try
        {
            var (code, stdout, stderr) = Run("evaluate", "--config", Config, "--corpus", path, "--types", "ORG", "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stderr, Does.Contain("not a training corpus of the model: scoring every document"));
            var scores = ScorerAgreesWithScorePyTests.Flatten(stdout);
            Assert.That(scores["ORG.tp"], Is.EqualTo(20));
            Assert.That(scores["micro.fn"], Is.EqualTo(0), "PER gold is not scored when --types ORG");
            Assert.That(scores.Keys.Where(k => k.StartsWith("PER") || k.StartsWith("DATE")), Is.Empty);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Evaluate_scores_only_the_held_out_documents_of_a_training_corpus()
    {
        var path = Path.Combine(TestPaths.Data, "cluener-train.jsonl.gz");
        if (!File.Exists(path)) Assert.Ignore($"{path} not present (../shared/data beside the clone)");
        var (code, _, stderr) = Run("evaluate", "--config", Config, "--corpus", path, "--types", "ORG", "--json");
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stderr, Does.Contain("is a training corpus of the model (cluener-train.jsonl.gz): scoring its held-out documents"));
    }

    [Test]
    public void Evaluate_names_the_file_and_line_of_a_corpus_line_that_is_not_a_document()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, ["""{"doc": "a", "text": "x", "entities": []}""", "not json"]);
        try
        {
            var (code, _, stderr) = Run("evaluate", "--config", Config, "--corpus", path, "--split", "all");
            Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
            Assert.That(stderr, Does.Contain($"{path}:2: not an annotated document"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase(new[] { "frobnicate" }, "pipeline: unknown command 'frobnicate'")]
    [TestCase(new[] { "runn" }, "pipeline: unknown command 'runn' (did you mean 'run'?)")]
    [TestCase(new[] { "run", "--forse" }, "pipeline run: unknown option '--forse' (did you mean '--force'?)")]
    [TestCase(new[] { "extract" }, "Required argument 'PATH' missing")]
    [TestCase(new[] { "extract", "--colour", "x" }, "pipeline extract: unknown option '--colour'")]
    [TestCase(new[] { "evaluate", "x.txt" }, "--gold (or --corpus) is required")]
    [TestCase(new[] { "evaluate", "--corpus", "c.jsonl", "--split", "odd" }, "no such corpus file")]
    [TestCase(new[] { "run", "--fail-on", "sometimes" }, "--fail-on must be error, warning or never")]
    [TestCase(new[] { "run", "--config", "/nonexistent/pipeline.json" }, "configuration file not found")]
    [TestCase(new[] { "train", "--held-out", "2" }, "--held-out must be a share between 0 and 1")]
    [TestCase(new[] { "train", "--only", "everything" }, "--only must be classifier or recogniser")]
    [TestCase(new[] { "help", "runn" }, "unknown command 'runn' (did you mean 'run'?)")]
    [TestCase(new string[0], "name a command")]
    public void Usage_and_configuration_errors_exit_2_with_a_message(string[] args, string message)
    {
        var (code, _, stderr) = Run(args);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(stderr, Does.Contain(message));
    }

    [Test]
    public void Help_lists_every_command()
    {
        var (code, stdout, _) = Run("--help");
        Assert.That(code, Is.EqualTo(0));
        foreach (var c in Pipeline.Cli.Program.Commands) Assert.That(stdout, Does.Contain(c.Name));
    }

    [Test]
    public void A_mistyped_command_is_one_line_with_a_suggestion_not_the_whole_usage()
    {
        var (_, _, stderr) = Run("runn");
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(stderr, Does.Not.Contain("Options:"));
    }

    [Test]
    public void Help_command_prints_the_page_of_the_command_it_names()
    {
        var (code, viaHelp, _) = Run("help", "run");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(viaHelp, Is.EqualTo(Run("run", "--help").Out));
        Assert.That(viaHelp, Does.Contain("--fail-on").And.Contain("-j, --jobs"));
    }

    [Test]
    public void Version_prints_the_program_version()
    {
        var (code, stdout, _) = Run("--version");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [TestCase("run", "-j", "--jobs")]
    [TestCase("run", "-c", "--config")]
    [TestCase("run", "-f", "--force")]
    [TestCase("extract", "-j", "--jobs")]
    [TestCase("evaluate", "-c", "--config")]
    public void Short_aliases_are_listed_beside_their_option(string command, string alias, string option) =>
        Assert.That(Run(command, "--help").Out, Does.Contain($"{alias}, {option}"));

    [Test]
    public void Shell_completion_asks_the_program_for_its_commands_and_options()
    {
        var (code, script, _) = Run("completion", "bash");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(script, Does.Contain("complete -o default -F _pipeline_complete pipeline").And.Contain("[suggest:"));
        Assert.That(Run("[suggest:2]", "ru").Out.Split('\n', StringSplitOptions.TrimEntries), Does.Contain("run"));
        Assert.That(Run("[suggest:8]", "run --fo").Out.Split('\n', StringSplitOptions.TrimEntries), Does.Contain("--force"));
    }

    [Test]
    public void The_readme_command_table_lists_every_command_and_every_option_help_shows()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var rows = readme.Split('\n').Where(l => l.StartsWith("| `pipeline ")).ToList();
        foreach (var command in Pipeline.Cli.Program.Commands)
        {
            var row = rows.SingleOrDefault(r => r.StartsWith($"| `pipeline {command.Name}"));
            Assert.That(row, Is.Not.Null, $"README has no row for `pipeline {command.Name}`");
            var help = Run(command.Name, "--help").Out;
            var options = System.Text.RegularExpressions.Regex.Matches(help, @"(?<=^\s+(?:-\w, )?)--[a-z-]+", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Value).Where(o => o != "--help").Distinct();
            foreach (var option in options)
                Assert.That(row, Does.Contain(option), $"README's row for {command.Name} omits {option}");
            foreach (var option in System.Text.RegularExpressions.Regex.Matches(row!, @"--[a-z-]+").Select(m => m.Value))
                Assert.That(help, Does.Contain(option), $"README's row for {command.Name} names {option}, which --help does not");
        }
    }

    [Test]
    public void Every_exit_code_is_in_the_readme_and_run_and_merge_help_name_each_code_they_can_return()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var paragraph = readme[readme.IndexOf("Exit codes, the same for every command", StringComparison.Ordinal)..];
        paragraph = paragraph[..paragraph.IndexOf("\n\n", StringComparison.Ordinal)];
        foreach (var code in Enum.GetValues<ExitCode>())
            Assert.That(paragraph, Does.Contain($"`{(int)code}`"), $"README's exit codes omit {(int)code} ({code})");

        string ExitCodesOf(string command)
        {
            var help = Run(command, "--help").Out;
            return System.Text.RegularExpressions.Regex.Replace(help[help.IndexOf("Exit codes:", StringComparison.Ordinal)..], @"\s+", " ");
        }
        var run = ExitCodesOf("run");
        foreach (var code in Enum.GetValues<ExitCode>().Where(c => c != ExitCode.ShardsNotReady))
            Assert.That(run, Does.Match($@"[:,] {(int)code} "), $"run --help omits exit code {(int)code} ({code})");
        Assert.That(run, Does.Not.Match(@"[:,] 3 "), "run never exits 3: a shard that another process runs is waited for");
        var merge = ExitCodesOf("merge");
        foreach (var code in Enum.GetValues<ExitCode>())
            Assert.That(merge, Does.Match($@"[:,] {(int)code} "), $"merge --help omits exit code {(int)code} ({code})");
    }
}
