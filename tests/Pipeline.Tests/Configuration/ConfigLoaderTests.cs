using System.Text.Json;
using Pipeline.Configuration;

namespace Pipeline.Tests.Configuration;

public class ConfigLoaderTests
{
    private static PipelineConfig Parse(string json) =>
        new ConfigLoader(StageCatalog.Default).Parse(JsonDocument.Parse(json).RootElement, "/tmp/cfg/pipeline.json");

    private static string ErrorOf(string json) =>
        Assert.Throws<ConfigException>(() => Parse(json))!.Message;

    [Test]
    public void The_repository_pipeline_json_is_valid_and_lists_every_stage_in_order()
    {
        var config = new ConfigLoader(StageCatalog.Default).Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json"));
        Assert.That(config.Stages.Select(s => s.Descriptor.Name),
            Is.EqualTo(StageCatalog.Default.DefaultOrder.Select(d => d.Name)));
        Assert.That(config.InputDirectory, Is.EqualTo(Path.Combine(TestPaths.RepoRoot, "input")));
        Assert.That(config.OutputDirectory, Is.EqualTo(Path.Combine(TestPaths.RepoRoot, "output")));
    }

    [Test]
    public void Folders_resolve_against_the_config_folder_and_jobs_default_to_the_core_count()
    {
        var config = Parse("""{"input": "in", "output": "../out"}""");
        Assert.That(config.InputDirectory, Is.EqualTo("/tmp/cfg/in"));
        Assert.That(config.OutputDirectory, Is.EqualTo("/tmp/out"));
        Assert.That(config.Jobs, Is.EqualTo(Environment.ProcessorCount));
    }

    [TestCase("""{"inputs": "x"}""", "unknown key 'inputs'", "allowed: input, output, jobs, stages, reports")]
    [TestCase("""{"stages": ["segmentz"]}""", "unknown stage 'segmentz'", "allowed: ")]
    [TestCase("""{"stages": [{"name": "segment", "colour": 1}]}""", "stage 'segment': unknown option 'colour'", "allowed: none")]
    [TestCase("""{"reports": {"formats": ["docx", "rtf"]}}""", "unknown format 'rtf'", "allowed: docx, pdf")]
    [TestCase("""{"jobs": -1}""", "'jobs' must be a whole number", "")]
    [TestCase("""{"input": ""}""", "'input' must be a folder path", "")]
    [TestCase("""{"stages": ["segment", "segment"]}""", "stage 'segment' is listed 2 times", "")]
    public void An_invalid_configuration_names_the_problem_and_what_is_allowed(string json, string problem, string allowed)
    {
        var message = ErrorOf(json);
        Assert.That(message, Does.Contain(problem));
        Assert.That(message, Does.Contain(allowed));
    }

    [TestCase("""{"watchdog": {"seconds": 5}}""", "watchdog: unknown key 'seconds'", "allowed: articleSeconds, memoryMiB")]
    [TestCase("""{"watchdog": {"articleSeconds": -1}}""", "watchdog.articleSeconds must be 0 (no limit) or a whole number of seconds", "")]
    [TestCase("""{"watchdog": {"memoryMiB": 100}}""", "watchdog.memoryMiB must be 0 (no limit) or a whole number of MiB ≥ 256", "")]
    [TestCase("""{"watchdog": 60}""", "'watchdog' must be an object", "")]
    [TestCase("""{"stages": [{"name": "ingest", "symlinks": "always"}]}""", "option 'symlinks' has unknown value 'always'", "allowed: inside-folder, anywhere, never")]
    public void An_invalid_watchdog_or_symlink_setting_names_the_problem(string json, string problem, string allowed)
    {
        var message = ErrorOf(json);
        Assert.That(message, Does.Contain(problem));
        Assert.That(message, Does.Contain(allowed));
    }

    [Test]
    public void Watchdog_budgets_have_defaults_and_0_turns_one_off()
    {
        Assert.That(Parse("{}").Watchdog, Is.EqualTo(WatchdogOptions.Default));
        Assert.That(WatchdogOptions.Default.ArticleTime, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(WatchdogOptions.Default.MemoryBytes, Is.EqualTo(768L << 20));
        var set = Parse("""{"watchdog": {"articleSeconds": 0, "memoryMiB": 2048}}""").Watchdog;
        Assert.That(set.ArticleTime, Is.Null);
        Assert.That(set.MemoryBytes, Is.EqualTo(2048L << 20));
    }

    [Test]
    public void Every_error_is_reported_at_once()
    {
        var message = ErrorOf("""{"inputs": 1, "stages": ["nope"], "reports": {"formats": ["rtf"]}}""");
        Assert.That(message, Does.Contain("'inputs'").And.Contain("'nope'").And.Contain("'rtf'"));
    }

    [TestCase("""{"input": "in", "output": "in"}""")]
    [TestCase("""{"input": "in/", "output": "./in"}""")]
    public void Results_written_among_the_articles_are_a_config_error(string json) =>
        Assert.That(ErrorOf(json), Does.Contain("'input' and 'output' are the same folder (/tmp/cfg/in)"));

    [Test]
    public void Not_json_is_a_config_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ not json");
        try
        {
            var e = Assert.Throws<ConfigException>(() => new ConfigLoader(StageCatalog.Default).Load(path))!;
            Assert.That(e.Message, Does.Contain(path).And.Contain("not valid JSON"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
