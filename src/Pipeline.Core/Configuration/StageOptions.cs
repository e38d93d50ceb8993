using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Pipeline.Configuration;

/// <summary>
/// Marks a property of a stage's options record as an option of pipeline.json. Its key is the property
/// name in camelCase, its type the property's type, its default the value a new record holds.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionAttribute(string description, [CallerLineNumber] int line = 0) : Attribute
{
    public string Description { get; } = description;

    /// <summary>
    /// Where the option is declared in its record, so options are listed (help, schema, fingerprint) in declaration
    /// order: reflection does not promise that order, and a natively compiled build has no metadata tokens.
    /// </summary>
    public int Line { get; } = line;
    public double Minimum { get; init; } = double.NaN;
    public double Maximum { get; init; } = double.NaN;
}

/// <summary>The option names files, relative to pipeline.json: they are resolved and must exist.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FileOptionAttribute : Attribute;

/// <summary>The option switches a trained model on; `--no-ml` sets it to false so rules alone are measured.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ModelSwitchAttribute : Attribute;

public enum OptionKind { String, Integer, Number, Boolean, StringList }

/// <summary>One option a stage accepts in pipeline.json, as `--help`, the README and the JSON Schema describe it.</summary>
public sealed record OptionSpec(string Name, OptionKind Kind, object? Default, string Description)
{
    /// <summary>For options with a closed set of values (enums), in their pipeline.json spelling.</summary>
    public ImmutableArray<string> AllowedValues { get; init; } = [];
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public bool IsFile { get; init; }
    public bool IsModelSwitch { get; init; }
}

/// <summary>
/// Binds the JSON options of one stage to its typed, immutable options record: every key is known,
/// every value has its type and range, file options are resolved against pipeline.json's folder and
/// exist. Problems are collected, never thrown, so the loader reports all of them at once.
/// </summary>
public static class OptionBinder
{
    /// <summary>
    /// What binding reads of an options record by reflection; declared on every options type, so a trimmed or
    /// natively compiled build keeps the properties and constructor (their values come only from pipeline.json).
    /// </summary>
    public const DynamicallyAccessedMemberTypes OptionMembers =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    public static ImmutableArray<OptionSpec> Specs([DynamicallyAccessedMembers(OptionMembers)] Type optionsType) => [.. Options(optionsType).Select(o => o.Spec)];

    public static object Bind([DynamicallyAccessedMembers(OptionMembers)] Type optionsType, IReadOnlyDictionary<string, JsonElement> values, string baseDirectory,
        string stageName, List<string> errors)
    {
        var options = Activator.CreateInstance(optionsType)!;
        var known = Options(optionsType);
        foreach (var (key, element) in values)
        {
            var option = known.FirstOrDefault(o => o.Spec.Name == key);
            if (option is null)
            {
                var allowed = known.IsEmpty ? "none" : string.Join(", ", known.Select(o => o.Spec.Name));
                errors.Add($"stage '{stageName}': unknown option '{key}' (allowed: {allowed})");
                continue;
            }
            if (element.ValueKind == JsonValueKind.Null) continue;
            var (value, problem) = Convert(option, element, baseDirectory);
            if (problem is not null) errors.Add($"stage '{stageName}': option '{key}' {problem}");
            else option.Property.SetValue(options, value);
        }
        return options;
    }

    /// <summary>A copy of <paramref name="options"/> with every model switch off (for `--no-ml`).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = OptionsComeFromDescriptors)]
    public static object WithoutModels(object options)
    {
        var type = options.GetType();
        var copy = Activator.CreateInstance(type)!;
        foreach (var o in Options(type))
            o.Property.SetValue(copy, o.Spec.IsModelSwitch ? false : o.Property.GetValue(options));
        return copy;
    }

    /// <summary>The options as pipeline.json would spell them, defaults included, in declaration order.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = OptionsComeFromDescriptors)]
    public static IEnumerable<(OptionSpec Spec, object? Value)> Values(object options) =>
        Options(options.GetType()).Select(o => (o.Spec, o.Property.GetValue(options)));

    private const string OptionsComeFromDescriptors =
        "every options object is made from a StageDescriptor's OptionsType, which keeps the members binding reads";

    private sealed record BoundOption(PropertyInfo Property, OptionSpec Spec);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ImmutableArray<BoundOption>> Cache = new();

    private static ImmutableArray<BoundOption> Options([DynamicallyAccessedMembers(OptionMembers)] Type type)
    {
        if (Cache.TryGetValue(type, out var known)) return known;
        var defaults = Activator.CreateInstance(type)!;
        known = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<OptionAttribute>() is not null)
            .OrderBy(p => p.GetCustomAttribute<OptionAttribute>()!.Line)
            .Select(p => new BoundOption(p, SpecOf(p, p.GetValue(defaults))))];
        return Cache.GetOrAdd(type, known);
    }

    private static OptionSpec SpecOf(PropertyInfo p, object? defaultValue)
    {
        var attribute = p.GetCustomAttribute<OptionAttribute>()!;
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var kind = type == typeof(bool) ? OptionKind.Boolean
            : type == typeof(int) || type == typeof(long) ? OptionKind.Integer
            : type == typeof(double) ? OptionKind.Number
            : type == typeof(ImmutableArray<string>) ? OptionKind.StringList
            : type == typeof(string) || type.IsEnum ? OptionKind.String
            : throw new InvalidOperationException($"{p.DeclaringType?.Name}.{p.Name}: options of type {type.Name} are not supported");
        return new OptionSpec(CamelCase(p.Name), kind, type.IsEnum ? EnumName(defaultValue!) : defaultValue, attribute.Description)
        {
            AllowedValues = type.IsEnum ? [.. Enum.GetNames(type).Select(n => EnumName(Enum.Parse(type, n)))] : [],
            Minimum = double.IsNaN(attribute.Minimum) ? null : attribute.Minimum,
            Maximum = double.IsNaN(attribute.Maximum) ? null : attribute.Maximum,
            IsFile = p.GetCustomAttribute<FileOptionAttribute>() is not null,
            IsModelSwitch = p.GetCustomAttribute<ModelSwitchAttribute>() is not null,
        };
    }

    private static (object? Value, string? Problem) Convert(BoundOption option, JsonElement v, string baseDirectory)
    {
        var spec = option.Spec;
        var type = Nullable.GetUnderlyingType(option.Property.PropertyType) ?? option.Property.PropertyType;
        switch (spec.Kind)
        {
            case OptionKind.Boolean:
                return v.ValueKind is JsonValueKind.True or JsonValueKind.False ? (v.GetBoolean(), null) : (null, "must be true or false");
            case OptionKind.Integer:
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var whole)) return (null, "must be a whole number");
                if (OutOfRange(spec, whole) is { } range) return (null, range);
                if (type == typeof(int) && whole is < int.MinValue or > int.MaxValue)
                    return (null, $"must be at most {int.MaxValue:N0} (got {whole:N0})");
                return (type == typeof(int) ? (int)whole : whole, null);
            case OptionKind.Number:
                if (v.ValueKind != JsonValueKind.Number) return (null, "must be a number");
                return OutOfRange(spec, v.GetDouble()) is { } problem ? (null, problem) : (v.GetDouble(), null);
            case OptionKind.StringList:
                if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                    return (null, "must be a list of strings");
                var items = v.EnumerateArray().Select(x => x.GetString()!).ToList();
                if (spec.IsFile)
                {
                    var resolved = items.Select(x => ResolveFile(x, baseDirectory)).ToList();
                    if (resolved.FirstOrDefault(r => r.Problem is not null).Problem is { } missing) return (null, missing);
                    items = [.. resolved.Select(r => r.Path!)];
                }
                return (items.ToImmutableArray(), null);
            default:
                if (v.ValueKind != JsonValueKind.String) return (null, "must be a string");
                var text = v.GetString()!;
                if (type.IsEnum)
                {
                    var match = Enum.GetNames(type).Select(n => Enum.Parse(type, n)).FirstOrDefault(e => EnumName(e) == text);
                    return match is null
                        ? (null, $"has unknown value '{text}' (allowed: {string.Join(", ", spec.AllowedValues)})")
                        : (match, null);
                }
                if (spec.IsFile)
                {
                    var (path, missing) = ResolveFile(text, baseDirectory);
                    return (path, missing);
                }
                return (text, null);
        }
    }

    private static (string? Path, string? Problem) ResolveFile(string value, string baseDirectory)
    {
        string path;
        try
        {
            path = Path.GetFullPath(Path.Combine(baseDirectory, value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (null, $"is not a valid path: '{value}'");
        }
        return File.Exists(path) ? (path, null) : (null, $"names a file that does not exist: {path}");
    }

    private static string? OutOfRange(OptionSpec spec, double value) =>
        (spec.Minimum is { } min && value < min) || (spec.Maximum is { } max && value > max)
            ? $"must be between {spec.Minimum?.ToString("G", null) ?? "-∞"} and {spec.Maximum?.ToString("G", null) ?? "∞"} (got {value:G})"
            : null;

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>MonthFirst → "month-first": enum values are spelled in pipeline.json as kebab-case words.</summary>
    public static string EnumName(object value)
    {
        var name = value.ToString()!;
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
