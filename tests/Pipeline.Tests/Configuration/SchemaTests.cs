using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pipeline.Configuration;
using Pipeline.Output;
using Pipeline.Running;
using Pipeline.Tests.Running;

namespace Pipeline.Tests.Configuration;

/// <summary>The JSON Schemas in schemas/ are contracts: current, and true of what the program reads and writes.</summary>
public class SchemaTests
{
    private static string SchemaPath(string name) => Path.Combine(TestPaths.RepoRoot, "schemas", name);

    // A schema registers its $id globally when parsed: parse each file once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Loaded = new();

    private static JsonSchema Load(string name) => Loaded.GetOrAdd(name, n => JsonSchema.FromText(File.ReadAllText(SchemaPath(n))));

    private static EvaluationResults Check(JsonSchema schema, string json) =>
        schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Problems(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Test]
    public void The_committed_pipeline_schema_is_the_one_the_stage_catalog_declares()
    {
        var generated = ConfigSchema.Generate(StageCatalog.Default);
        var path = SchemaPath(ConfigSchema.FileName);
        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_SCHEMAS") == "1") File.WriteAllText(path, generated);
        Assert.That(File.ReadAllText(path), Is.EqualTo(generated),
            "schemas/pipeline.schema.json is out of date: run the tests once with PIPELINE_UPDATE_SCHEMAS=1");
    }

    [Test]
    public void The_repository_pipeline_json_names_its_schema_and_validates()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "pipeline.json"));
        Assert.That(JsonNode.Parse(json)!["$schema"]!.GetValue<string>(), Is.EqualTo("schemas/" + ConfigSchema.FileName));
        var results = Check(Load(ConfigSchema.FileName), json);
        Assert.That(results.IsValid, Is.True, Problems(results));
    }

    [TestCase("""{"stages": [{"name": "dates", "numericOrder": "year-first"}]}""")]
    [TestCase("""{"stages": [{"name": "timeline", "summaryLength": 5}]}""")]
    [TestCase("""{"stages": [{"name": "segment", "colour": 1}]}""")]
    [TestCase("""{"inputs": "x"}""")]
    [TestCase("""{"reports": {"formats": ["rtf"]}}""")]
    public void The_schema_refuses_what_the_loader_refuses(string json)
    {
        Assert.That(Check(Load(ConfigSchema.FileName), json).IsValid, Is.False);
        Assert.Throws<ConfigException>(() =>
            new ConfigLoader(StageCatalog.Default).Parse(JsonDocument.Parse(json).RootElement, "/tmp/cfg/pipeline.json"));
    }

    [Test]
    public void Entities_json_of_a_real_run_validates_and_carries_its_schema_version_and_every_count()
    {
        using var ws = new Workspace("""["ingest", "segment", "dates", "organisations", "agreements", "classify", "agreement-records", "timeline"]""",
            "\"reports\": {\"formats\": []}");
        File.Copy(TestPaths.Sample("anticorruption-cooperation.zh.txt"), Path.Combine(ws.Input, "a.txt"));
        var config = ws.LoadConfig();
        using (var runner = new BatchRunner(config, Pipeline.Stages.PipelineBuilder.From(config).Build(), [], new RunOptions()))
            runner.Run(new LogProgress(TextWriter.Null));
        var json = File.ReadAllText(ws.ArticleOutput("a.txt"));
        var results = Check(Load("entities.schema.json"), json);
        Assert.That(results.IsValid, Is.True, Problems(results));
        var root = JsonNode.Parse(json)!;
        Assert.That(root["schemaVersion"]!.GetValue<int>(), Is.EqualTo(ArticleJson.SchemaVersion));
        Assert.That(root["counts"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "LAW", "PUBLICATION", "EVENT", "MEDIA" }));
        Assert.That(root["counts"]!["AGREEMENT"]!.GetValue<int>(), Is.GreaterThan(0));
    }
}
