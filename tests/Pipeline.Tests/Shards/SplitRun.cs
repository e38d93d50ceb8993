using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Pipeline.Cli.Commands;
using Pipeline.Model;
using Pipeline.Running;
using Pipeline.Running.Shards;

namespace Pipeline.Tests.Shards;

/// <summary>
/// One input folder with two configurations beside it: "single" (a plain run) and "split" (shards and a
/// merge), so the two outputs can be compared file by file. Every output time comes from a fixed
/// SOURCE_DATE_EPOCH, as in the shipped scheduler configurations.
/// </summary>
public sealed class SplitRun : IDisposable
{
    public const string Epoch = "1700000000";

    public SplitRun(string stagesJson = "null", string formats = "[\"docx\", \"pdf\", \"html\"]")
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-shards-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Input);
        _stagesJson = stagesJson;
        _formats = formats;
        foreach (var name in new[] { "single", "split" }) WriteConfig(name);
    }

    private readonly string _stagesJson;
    private readonly string _formats;

    /// <summary>A configuration NAME.json over the same input and stages, writing into the folder NAME (another machine's output).</summary>
    public string WriteConfig(string name)
    {
        File.WriteAllText(ConfigOf(name), $$"""
            { "input": "input", "output": "{{name}}", "jobs": 2{{(_stagesJson == "null" ? "" : $", \"stages\": {_stagesJson}")}},
              "reports": { "formats": {{_formats}} } }
            """);
        return ConfigOf(name);
    }

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Single => Path.Combine(Root, "single");
    public string Split => Path.Combine(Root, "split");
    public string ConfigOf(string name) => Path.Combine(Root, name + ".json");
    public string SplitConfig => ConfigOf("split");
    public string SingleConfig => ConfigOf("single");

    public void Add(string name, string text) => File.WriteAllText(Path.Combine(Input, name), text);

    /// <summary>The project's own test articles (zh and en, some with sidecars), first <paramref name="count"/> by name.</summary>
    public void AddRepositoryArticles(int count)
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness");
        foreach (var text in Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
                     .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).Take(count))
        {
            File.Copy(text, Path.Combine(Input, Path.GetFileName(text)));
            if (File.Exists(text + ".meta.json")) File.Copy(text + ".meta.json", Path.Combine(Input, Path.GetFileName(text) + ".meta.json"));
        }
    }

    /// <summary>The CLI in this process, with SOURCE_DATE_EPOCH set for the call.</summary>
    public static (int Code, string Out, string Error) Cli(params string[] args) =>
        CliWith(new Dictionary<string, string> { [SourceDate.Variable] = Epoch }, args);

    /// <summary>The CLI in this process with these environment variables (as a scheduler sets them) for the call.</summary>
    public static (int Code, string Out, string Error) CliWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var before = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in environment) Environment.SetEnvironmentVariable(name, value);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = Pipeline.Cli.Program.Run(args, new CommandContext(stdout, stderr, CancellationToken.None));
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            foreach (var (name, value) in before) Environment.SetEnvironmentVariable(name, value);
        }
    }

    public (int Code, string Out, string Error) RunSingle() => Cli("run", "--config", SingleConfig);

    public (int Code, string Out, string Error) RunShard(int index, int count) =>
        Cli("run", "--config", SplitConfig, "--shard-index", index.ToString(), "--shard-count", count.ToString(), "--fail-on", "never");

    public (int Code, string Out, string Error) Merge(int? count = null) =>
        count is null ? Cli("merge", "--config", SplitConfig) : Cli("merge", "--config", SplitConfig, "--shard-count", count.ToString()!);

    /// <summary>The real `pipeline` executable (built beside the tests) in a child process, for kills and races.</summary>
    public Process StartProcess(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        Assert.That(File.Exists(dll), $"the CLI is built next to the tests: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment[SourceDate.Variable] = Epoch;
        foreach (var v in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX",
                     ShardSelection.IndexVariable, ShardSelection.CountVariable })
            start.Environment.Remove(v);
        return Process.Start(start)!;
    }

    /// <summary>Every output file but the record and the run summary (compared on their own), by path under the output folder.</summary>
    public static SortedDictionary<string, byte[]> OutputFiles(string output)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, path);
            if (relative.StartsWith(ShardFolder.RootName + Path.DirectorySeparatorChar) || relative.StartsWith(PipelineDatabase.FileName)
                || relative == RunSummary.FileName) continue;
            files[relative] = File.ReadAllBytes(path);
        }
        return files;
    }

    /// <summary>
    /// The record tables (what was found; docs/pipeline-db.md) as sorted lines, as `sqlite3 .dump | sort`
    /// would compare them; the bookkeeping tables (runs, processing, settings) say when and are left out.
    /// </summary>
    public static List<string> RecordDump(string output)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(output, PipelineDatabase.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var lines = new List<string>();
        foreach (var table in new[] { "documents", "entities", "agreements", "timeline" })
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                lines.Add(table + "|" + string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>run-summary.json without what differs between any two runs: times, durations, paths and the shard list.</summary>
    public static string SummaryWithoutTimes(string output)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, RunSummary.FileName)))!.AsObject();
        foreach (var key in new[] { "started", "ended", "config", "input", "output", "shards" }) json.Remove(key);
        foreach (var article in json["articles"]!.AsArray()) article!.AsObject().Remove("seconds");
        return json.ToJsonString();
    }

    /// <summary>Asserts that the split output is the single run's, byte for byte (the record by its sorted dump).</summary>
    public void AssertSplitEqualsSingle()
    {
        var single = OutputFiles(Single);
        var split = OutputFiles(Split);
        Assert.That(split.Keys, Is.EqualTo(single.Keys), "the same files");
        foreach (var (name, bytes) in single)
            Assert.That(split[name].AsSpan().SequenceEqual(bytes), $"{name} differs between the split and the single run");
        Assert.That(RecordDump(Split), Is.EqualTo(RecordDump(Single)), "pipeline.db, sorted dump");
        Assert.That(SummaryWithoutTimes(Split), Is.EqualTo(SummaryWithoutTimes(Single)), "run-summary.json but for times");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
