using System.Collections;
using Pipeline.Configuration;

namespace Pipeline.Running.Shards;

/// <summary>
/// Which shard this process is: from --shard-index/--shard-count, else from the variables that batch
/// schedulers set in each copy of an array job. Each scheduler names its index; only Slurm also gives the
/// count, so elsewhere it must be passed (--shard-count or PIPELINE_SHARD_COUNT).
/// </summary>
public static class ShardSelection
{
    public const string IndexVariable = "PIPELINE_SHARD_INDEX";
    public const string CountVariable = "PIPELINE_SHARD_COUNT";

    /// <summary>Where an index may come from, first found wins; the count each one brings, if any.</summary>
    private static readonly (string Index, string? Count, string Engine)[] Sources =
    [
        (IndexVariable, CountVariable, "generic"),
        ("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "Slurm job array"),
        ("JOB_COMPLETION_INDEX", null, "Kubernetes Indexed Job"),
        ("AWS_BATCH_JOB_ARRAY_INDEX", null, "AWS Batch array job"),
    ];

    /// <summary>The shard to run, or null for a plain run of the whole input; the text says where it came from.</summary>
    public static (ShardSpec? Shard, string Origin) Resolve(int? index, int? count, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        string? Variable(string name) => environment[name] is string { Length: > 0 } v ? v.Trim() : null;

        string? indexOrigin = index is null ? null : "--shard-index";
        string? countOrigin = count is null ? null : "--shard-count";
        string? engine = null;
        if (index is null)
            foreach (var (indexName, countName, engineName) in Sources)
            {
                if (Variable(indexName) is not { } text) continue;
                index = Number(text, indexName, 0);
                indexOrigin = indexName;
                engine = engineName;
                if (count is null && countName is not null && Variable(countName) is { } countText)
                {
                    count = Number(countText, countName, 1);
                    countOrigin = countName;
                }
                break;
            }
        if (count is null && Variable(CountVariable) is { } generic)
        {
            count = Number(generic, CountVariable, 1);
            countOrigin = CountVariable;
        }

        if (index is null && count is null) return (null, "");
        if (index is null)
            throw new ConfigException($"{countOrigin} is given but no shard index: pass --shard-index I (from 0), or run " +
                                      "under a scheduler that sets one (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, " +
                                      $"AWS_BATCH_JOB_ARRAY_INDEX, {IndexVariable})");
        if (count is null)
            throw new ConfigException($"shard index {index} from {indexOrigin}{(engine is null ? "" : $" ({engine})")} needs the " +
                                      $"number of shards: pass --shard-count N or set {CountVariable}");
        if (index >= count)
            throw new ConfigException($"shard index {index} (from {indexOrigin}) must be below the shard count {count} " +
                                      $"(from {countOrigin}): indexes run from 0 to {count - 1}");
        return (new ShardSpec(index.Value, count.Value), $"index from {indexOrigin}, count from {countOrigin}");
    }

    /// <summary>The shard count for a merge: --shard-count, else PIPELINE_SHARD_COUNT, else null (read from the shard folders).</summary>
    public static int? MergeCount(int? count, IDictionary? environment = null)
    {
        if (count is not null) return count;
        environment ??= Environment.GetEnvironmentVariables();
        return environment[CountVariable] is string { Length: > 0 } text ? Number(text.Trim(), CountVariable, 1) : null;
    }

    private static int Number(string text, string name, int minimum) =>
        int.TryParse(text, out var n) && n >= minimum
            ? n
            : throw new ConfigException($"{name} must be a whole number ≥ {minimum} (got '{text}')");
}
