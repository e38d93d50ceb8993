using System.CommandLine;
using System.Text.Json.Nodes;
using Pipeline.Ingest;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline bench FOLDER`: times `pipeline extract` or `pipeline run` over a folder as a user runs them, each as a
/// process of its own (start-up, model loading, reading, writing included), and prints throughput, CPU time and
/// peak memory. In-process figures of single stages are BenchmarkDotNet's (tests/Pipeline.Benchmarks).
/// </summary>
public sealed class BenchCommand : CliCommand
{
    public override string Name => "bench";
    public override string Summary => "time whole `extract` or `run` processes over a folder: MB/s, articles/s, CPU, peak memory";

    protected override string Details => """
        Starts `pipeline extract FOLDER` (or `pipeline run` with FOLDER as input and a fresh temporary output
        folder each time) --runs times and prints for each: wall and CPU seconds (user + system, of the
        process), MB/s of the article files' bytes, articles/s and the exit code; then the median run and
        the peak resident memory of the largest run. The load average is printed before and after: on a
        machine whose load is above its core count, wall-clock figures measure the others' work too.
        Nothing is written to FOLDER; with `run` the configuration is copied with the input and output
        replaced (relative paths of stage options made absolute).

        With --copies N, N identical processes are started at once, each over the whole folder (each `run`
        into an output of its own), and a run lasts until the last ends; MB/s and articles/s count the work
        of all N. Independent processes share nothing but the machine, so `--jobs 1 --copies 2` against
        `--jobs 1` is what a second core can give on this machine, the ceiling for `--jobs 2`.
        """;

    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Option<string> _command = new("--command")
    {
        Description = "what to time: extract (the default) or run (every report, overview and database)",
        HelpName = "extract|run",
        DefaultValueFactory = _ => "extract",
    };
    private readonly Option<int?> _runs = new("--runs")
    {
        Description = "how many times to run it (default 3)",
        HelpName = "N",
        CustomParser = result => CommonOptions.AtLeast(result, 1),
    };
    private readonly Option<int?> _copies = new("--copies")
    {
        Description = "start N identical processes at once and time them together (default 1): the machine's ceiling for --jobs N",
        HelpName = "N",
        CustomParser = result => CommonOptions.AtLeast(result, 1),
    };
    private readonly Argument<string> _folder = new("FOLDER") { Description = "a folder of articles" };

    protected override IEnumerable<Symbol> Symbols() => [_config, _jobs, _command, _runs, _copies, _folder];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var command = parse.GetValue(_command);
        if (command is not ("extract" or "run")) throw new UsageException($"--command must be extract or run (got '{command}')");
        var folder = Path.GetFullPath(parse.GetValue(_folder)!);
        if (!Directory.Exists(folder)) throw new UsageException($"no such folder: {folder}");
        var configPath = parse.GetValue(_config);
        if (configPath is null && File.Exists("pipeline.json")) configPath = "pipeline.json";
        if (configPath is not null && !File.Exists(configPath)) throw new UsageException($"no such configuration file: {configPath}");
        var jobs = parse.GetValue(_jobs);
        var runs = parse.GetValue(_runs) ?? 3;
        var copies = parse.GetValue(_copies) ?? 1;

        var files = ArticleFiles.Scan(folder).Articles;
        var bytes = files.Sum(f => new FileInfo(f).Length);
        context.Out.WriteLine($"pipeline bench: {command}{(jobs is null ? "" : $" --jobs {jobs}")}" +
                              $"{(copies == 1 ? "" : $", {copies} copies at once,")} over {folder}: " +
                              $"{files.Count:N0} article files, {bytes / 1e6:N2} MB; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        var scratch = Directory.CreateTempSubdirectory("pipeline-bench-");
        try
        {
            var arguments = Enumerable.Range(1, copies).Select(k => command == "extract"
                ? Extract(configPath, jobs, folder)
                : Run(configPath is null ? null : Path.GetFullPath(configPath), jobs, folder,
                    Directory.CreateDirectory(Path.Combine(scratch.FullName, $"copy-{k}")).FullName)).ToList();
            var results = new List<TimedProcess.Result>();
            for (var i = 1; i <= runs && !context.Cancellation.IsCancellationRequested; i++)
            {
                for (var k = 1; k <= copies; k++)
                    if (Path.Combine(scratch.FullName, $"copy-{k}", "output") is var output && Directory.Exists(output))
                        Directory.Delete(output, recursive: true);
                var result = TimedProcess.RunTogether(Self(), arguments, context.Cancellation);
                results.Add(result);
                context.Out.WriteLine($"  run {i}: {Describe(result, copies * bytes, copies * files.Count)}, exit {result.ExitCode}");
                if (result.ExitCode is not (0 or 1))
                {
                    context.Error.WriteLine($"pipeline bench: {command} exited with {result.ExitCode}: {result.ErrorTail}");
                    return ExitCode.ArticlesFailed;
                }
            }
            if (results.Count == 0) return ExitCode.Stopped;
            var median = results.OrderBy(r => r.Wall).ElementAt((results.Count - 1) / 2);
            context.Out.WriteLine($"  median: {Describe(median, copies * bytes, copies * files.Count)}; " +
                                  $"peak RSS {results.Max(r => r.PeakRssKb) / 1024.0:N0} MiB; load average {LoadAverage()}");
            return ExitCode.Success;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static string Describe(TimedProcess.Result r, long bytes, int files)
    {
        var wall = r.Wall.TotalSeconds;
        var cpu = r.User.TotalSeconds + r.System.TotalSeconds;
        return $"{wall:N2} s wall, {cpu:N2} s CPU (user {r.User.TotalSeconds:N2} + system {r.System.TotalSeconds:N2}): " +
               $"{bytes / 1e6 / wall:N2} MB/s, {files / wall:N1} articles/s, {bytes / 1e6 / cpu:N2} MB per CPU-second";
    }

    private static List<string> Extract(string? config, int? jobs, string folder)
    {
        var args = new List<string> { "extract" };
        if (config is not null) args.AddRange(["--config", config]);
        if (jobs is not null) args.AddRange(["--jobs", jobs.Value.ToString()]);
        args.Add(folder);
        return args;
    }

    /// <summary>`run` reads its folders from the configuration: a copy with FOLDER as input and a scratch output.</summary>
    private static List<string> Run(string? configPath, int? jobs, string folder, string scratch)
    {
        var config = configPath is null ? new JsonObject() : JsonNode.Parse(File.ReadAllText(configPath))?.AsObject()
            ?? throw new UsageException($"{configPath}: not a JSON object");
        if (configPath is not null) AbsoluteStagePaths(config, Path.GetDirectoryName(configPath)!);
        config.Remove("$schema");
        config["input"] = folder;
        config["output"] = Path.Combine(scratch, "output");
        var copy = Path.Combine(scratch, "pipeline.json");
        File.WriteAllText(copy, config.ToJsonString());
        var args = new List<string> { "run", "--force", "--config", copy };
        if (jobs is not null) args.AddRange(["--jobs", jobs.Value.ToString()]);
        return args;
    }

    /// <summary>Stage options name files relative to the configuration's folder; the copy lives elsewhere.</summary>
    private static void AbsoluteStagePaths(JsonObject config, string baseDir)
    {
        if (config["stages"] is not JsonArray stages) return;
        foreach (var stage in stages.OfType<JsonObject>())
            foreach (var (key, value) in stage.ToList())
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s) && Absolute(s, baseDir) is { } full) stage[key] = full;
                else if (value is JsonArray list)
                    for (var i = 0; i < list.Count; i++)
                        if (list[i] is JsonValue item && item.TryGetValue<string>(out var p) && Absolute(p, baseDir) is { } f)
                            list[i] = f;
            }
    }

    private static string? Absolute(string path, string baseDir)
    {
        if (path.Length == 0 || Path.IsPathRooted(path)) return null;
        var full = Path.Combine(baseDir, path);
        return File.Exists(full) || Directory.Exists(full) ? Path.GetFullPath(full) : null;
    }

    /// <summary>The `pipeline` the user ran: its native launcher when there is one, else `dotnet pipeline.dll`.</summary>
    private static (string File, string[] Prefix) Self()
    {
        // A natively compiled `pipeline` has no assembly file: the process itself is the program.
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported && Environment.ProcessPath is { } native)
            return (native, []);
        var dll = AppContext.BaseDirectory + "pipeline.dll";
        var launcher = Path.Combine(AppContext.BaseDirectory, "pipeline");
        if (File.Exists(launcher)) return (launcher, []);
        return (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [dll]);
    }

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" ", parts.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
