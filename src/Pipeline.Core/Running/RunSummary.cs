using Pipeline.Ingest;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pipeline.Output;

namespace Pipeline.Running;

public enum FailOn { Error, Warning, Never }

/// <summary>How a batch is run (command-line switches, not pipeline.json).</summary>
public sealed record RunOptions
{
    /// <summary>Redo every article even when nothing changed.</summary>
    public bool Force { get; init; }
    /// <summary>Articles processed at once; null: the configuration's "jobs".</summary>
    public int? Jobs { get; init; }
    public FailOn FailOn { get; init; } = FailOn.Error;
    /// <summary>
    /// Retry a version that failed last time. True for `run` (the failure may have been passing);
    /// false for `watch`, which never processes the same version twice.
    /// </summary>
    public bool RetryFailed { get; init; } = true;
    /// <summary>
    /// What else the results depend on besides configuration and code, e.g. a hash of the classifier
    /// model (see <see cref="PipelineFingerprint"/>); any change redoes every article.
    /// </summary>
    public ImmutableArray<string> ExtraFingerprint { get; init; } = [];
    /// <summary>Run only this shard's articles (null: all of them); <see cref="Shards.ShardRunner"/> sets the output folder.</summary>
    public Shards.ShardSpec? Shard { get; init; }
    /// <summary>False for a shard: the overview is the merge's to write, from every shard.</summary>
    public bool WriteOverview { get; init; } = true;
}

/// <summary>What happened to one article file in a run.</summary>
public sealed record ArticleResult(
    string File,
    string Status,
    ImmutableDictionary<string, int> Counts,
    string? Error,
    ImmutableArray<string> Warnings,
    double Seconds)
{
    /// <summary>An entry of the input folder that was never opened, with the reason.</summary>
    public static ArticleResult Refusal(RefusedFile refused) =>
        new(refused.FileName, RunStatus.Refused, ImmutableDictionary<string, int>.Empty, refused.Reason, [], 0);
}

/// <summary>output/run-summary.json, and the exit code it implies.</summary>
public sealed record RunSummary(
    DateTimeOffset Started,
    DateTimeOffset Ended,
    string ConfigPath,
    string InputDirectory,
    string OutputDirectory,
    ImmutableArray<ArticleResult> Articles,
    bool Cancelled,
    ImmutableArray<string> OverviewErrors)
{
    public const string FileName = "run-summary.json";

    /// <summary>Input files recorded before and gone now: their outputs and records were removed.</summary>
    public ImmutableArray<string> Deleted { get; init; } = [];

    /// <summary>For a merge: each shard it merged, with its own start, end and counts.</summary>
    public ImmutableArray<ShardTiming> Shards { get; init; } = [];

    public int Succeeded => Articles.Count(a => a.Status == RunStatus.Ok);
    public int Failed => Articles.Count(a => a.Status == RunStatus.Failed);
    /// <summary>Articles whose briefing was written although a stage failed on them.</summary>
    public int Partial => Articles.Count(a => a.Status == RunStatus.Partial);
    public int Skipped => Articles.Count(a => a.Status == RunStatus.Skipped);
    public int NotRun => Articles.Count(a => a.Status == RunStatus.Cancelled);
    public int Refused => Articles.Count(a => a.Status == RunStatus.Refused);

    /// <summary>0 when the batch is as good as --fail-on demands, 1 otherwise; a stopped run is 130 (as for SIGINT).</summary>
    public int ExitCode(FailOn failOn)
    {
        if (Cancelled) return 130;
        return failOn switch
        {
            FailOn.Never => 0,
            FailOn.Warning => Failed + Partial + Refused > 0 || !OverviewErrors.IsEmpty || Articles.Any(a => !a.Warnings.IsEmpty) ? 1 : 0,
            _ => Failed + Partial + Refused > 0 || !OverviewErrors.IsEmpty ? 1 : 0,
        };
    }

    /// <summary>Articles that were processed (or skipped as unchanged) with warnings of their own.</summary>
    public int Warned => Articles.Count(a => !a.Warnings.IsEmpty && a.Status is RunStatus.Ok or RunStatus.Partial or RunStatus.Skipped);

    /// <summary>
    /// The closing line people read: every count, and up to five names of the articles that need a look
    /// (failed, partial, with warnings), so `--fail-on warning` never exits 1 under a line that says "0 failed".
    /// </summary>
    public string OneLine()
    {
        var line = new System.Text.StringBuilder(
            $"{Articles.Length} articles: {Succeeded} processed, {Skipped} unchanged, {Failed} failed");
        if (Partial > 0) line.Append($", {Partial} partial (a stage failed)");
        if (Refused > 0) line.Append($", {Refused} refused unopened");
        line.Append($", {Warned} with warnings");
        if (NotRun > 0) line.Append($", {NotRun} not run (stopped)");
        if (Deleted.Length > 0) line.Append($", {Deleted.Length} deleted");
        line.Append($" in {(Ended - Started).TotalSeconds:0.0} s; output in {OutputDirectory}");
        Name("failed", Articles.Where(a => a.Status == RunStatus.Failed).Select(a => a.File));
        Name("partial", Articles.Where(a => a.Status == RunStatus.Partial).Select(a => a.File));
        Name("refused", Articles.Where(a => a.Status == RunStatus.Refused).Select(a => a.File));
        Name("warnings", Articles.Where(a => !a.Warnings.IsEmpty && a.Status != RunStatus.Failed).Select(a => a.File));
        Name("deleted", Deleted);
        return line.ToString();

        void Name(string what, IEnumerable<string> files)
        {
            var all = files.ToList();
            if (all.Count == 0) return;
            line.Append($"\n  {what}: {string.Join(", ", all.Take(5))}{(all.Count > 5 ? $" and {all.Count - 5} more" : "")}");
        }
    }

    public string ToJson()
    {
        var json = new JsonObject
        {
            ["started"] = Started.ToString("O"),
            ["ended"] = Ended.ToString("O"),
            ["config"] = ConfigPath,
            ["input"] = InputDirectory,
            ["output"] = OutputDirectory,
            ["cancelled"] = Cancelled,
            ["counts"] = new JsonObject
            {
                ["articles"] = Articles.Length,
                ["succeeded"] = Succeeded,
                ["failed"] = Failed,
                ["partial"] = Partial,
                ["with_warnings"] = Warned,
                ["skipped_unchanged"] = Skipped,
                ["not_run"] = NotRun,
                ["refused"] = Refused,
                ["deleted"] = Deleted.Length,
            },
            ["deleted"] = new JsonArray([.. Deleted.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["overview_errors"] = new JsonArray([.. OverviewErrors.Select(e => (JsonNode)JsonValue.Create(e))]),
            ["articles"] = new JsonArray([.. Articles.Select(a => (JsonNode)new JsonObject
            {
                ["file"] = a.File,
                ["status"] = a.Status,
                ["entities"] = new JsonObject([.. a.Counts.OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]),
                ["error"] = a.Error,
                ["warnings"] = new JsonArray([.. a.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
                ["seconds"] = Math.Round(a.Seconds, 3),
            })]),
        };
        if (!Shards.IsEmpty)
            json["shards"] = new JsonArray([.. Shards.Select(s => (JsonNode)new JsonObject
            {
                ["shard"] = s.Shard,
                ["started"] = s.Started.ToString("O"),
                ["ended"] = s.Ended.ToString("O"),
                ["seconds"] = Math.Round((s.Ended - s.Started).TotalSeconds, 3),
                ["articles"] = s.Articles,
                ["failed"] = s.Failed,
            })]);
        return json.ToJsonString(EntityJson.Indented);
    }
}

/// <summary>One shard as the merge saw it: when it ran (its last run) and what it held.</summary>
public sealed record ShardTiming(string Shard, DateTimeOffset Started, DateTimeOffset Ended, int Articles, int Failed);
