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
