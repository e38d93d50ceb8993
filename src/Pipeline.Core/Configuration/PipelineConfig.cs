using System.Collections.Immutable;

namespace Pipeline.Configuration;

/// <summary>pipeline.json, validated: folders are absolute, stages are known and in order, options bound to their records.</summary>
public sealed record PipelineConfig(
    string ConfigPath,
    string InputDirectory,
    string OutputDirectory,
    int Jobs,
    ImmutableArray<ConfiguredStage> Stages,
    ReportOptions Reports)
{
    public string BaseDirectory => Path.GetDirectoryName(ConfigPath)!;

    public WatchdogOptions Watchdog { get; init; } = WatchdogOptions.Default;
}

/// <summary>
/// A stage as pipeline.json lists it, with its options bound to the stage's options record (null only for a
/// stage object built in code, whose options the pipeline cannot see).
/// </summary>
public sealed record ConfiguredStage(StageDescriptor Descriptor, object? Options);

public sealed record ReportOptions(ImmutableArray<string> Formats)
{
    public static readonly ImmutableArray<string> AllFormats = ["docx", "pdf", "html"];
    public bool Wants(string format) => Formats.Contains(format);
}

/// <summary>A configuration or usage error: the CLI prints it and exits with code 2.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>
/// pipeline.json "watchdog": what one article may cost before it is stopped and recorded as failed,
/// so that no single article can hang or exhaust the batch. Null turns a budget off.
/// </summary>
public sealed record WatchdogOptions
{
    public const int DefaultArticleSeconds = 120;
    public const int DefaultMemoryMiB = 768;

    public static readonly WatchdogOptions Default = new();

    /// <summary>Wall-clock time for one article: reading, every stage and its reports.</summary>
    public TimeSpan? ArticleTime { get; init; } = TimeSpan.FromSeconds(DefaultArticleSeconds);

    /// <summary>Resident memory of the whole process; past it, the largest article running is stopped.</summary>
    public long? MemoryBytes { get; init; } = DefaultMemoryMiB * 1024L * 1024;

    /// <summary>How long a stopped article has to notice before the batch goes on without it (Ctrl+C must stop within a second).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromMilliseconds(250);
}
