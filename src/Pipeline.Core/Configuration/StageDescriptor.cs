using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Stages;

namespace Pipeline.Configuration;

public enum OptionKind { String, Integer, Number, Boolean, StringList }

/// <summary>One option a stage accepts in pipeline.json: its type, allowed values and default.</summary>
public sealed record OptionSpec(string Name, OptionKind Kind, object? Default, string Description)
{
    /// <summary>For string options with a closed set of values.</summary>
    public ImmutableArray<string> AllowedValues { get; init; } = [];
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
}

/// <summary>What a stage is called in pipeline.json, what it accepts, and how to build it from its settings.</summary>
public sealed record StageDescriptor(
    string Name,
    string Description,
    ImmutableArray<OptionSpec> Options,
    Func<StageSettings, IStage> Create);

/// <summary>A stage's validated options: every key is known and every value has its declared type.</summary>
public sealed class StageSettings
{
    private readonly ImmutableDictionary<string, JsonElement> _values;
    private readonly ImmutableDictionary<string, OptionSpec> _specs;

    public StageSettings(string stageName, ImmutableDictionary<string, JsonElement> values, IEnumerable<OptionSpec> specs,
        string baseDirectory)
    {
        StageName = stageName;
        _values = values;
        _specs = specs.ToImmutableDictionary(s => s.Name);
        BaseDirectory = baseDirectory;
    }

    public string StageName { get; }

    public ImmutableDictionary<string, JsonElement> RawValues => _values;

    /// <summary>The folder of pipeline.json: relative paths in options are resolved against it.</summary>
    public string BaseDirectory { get; }

    /// <summary>Set by `--no-ml` and `evaluate --no-ml`: stages that use a model fall back to their rules.</summary>
    public bool MachineLearningDisabled { get; init; }

    public static StageSettings Empty(string stageName, IEnumerable<OptionSpec> specs, string? baseDirectory = null) =>
        new(stageName, ImmutableDictionary<string, JsonElement>.Empty, specs, baseDirectory ?? Directory.GetCurrentDirectory());

    public string? GetString(string name) => Get(name, e => e.GetString(), v => (string?)v);
    public int GetInt(string name) => Get(name, e => e.GetInt32(), v => Convert.ToInt32(v));
    public long GetLong(string name) => Get(name, e => e.GetInt64(), v => Convert.ToInt64(v));
    public double GetDouble(string name) => Get(name, e => e.GetDouble(), v => Convert.ToDouble(v));
    public bool GetBool(string name) => Get(name, e => e.GetBoolean(), v => (bool)v!);

    public ImmutableArray<string> GetStringList(string name) =>
        Get(name, e => e.EnumerateArray().Select(x => x.GetString()!).ToImmutableArray(),
            v => v is IEnumerable<string> list ? list.ToImmutableArray() : ImmutableArray<string>.Empty);

    /// <summary>A path option resolved against the folder of pipeline.json; null when unset.</summary>
    public string? GetPath(string name)
    {
        var value = GetString(name);
        return string.IsNullOrEmpty(value) ? null : Path.GetFullPath(Path.Combine(BaseDirectory, value));
    }

    private T Get<T>(string name, Func<JsonElement, T> read, Func<object?, T> fromDefault)
    {
        if (!_specs.TryGetValue(name, out var spec))
            throw new InvalidOperationException($"stage '{StageName}' has no option '{name}'");
        return _values.TryGetValue(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? read(element)
            : fromDefault(spec.Default);
    }
}
