using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Stages;

namespace Pipeline.Configuration;

/// <summary>
/// Reads pipeline.json and checks it whole before anything runs: every unknown key, stage or
/// value is reported at once, each naming what is allowed, so one edit fixes them all.
/// </summary>
public sealed class ConfigLoader(StageCatalog catalog)
{
    private static readonly string[] TopLevelKeys = ["input", "output", "jobs", "stages", "reports", "watchdog"];
    private static readonly string[] WatchdogKeys = ["articleSeconds", "memoryMiB"];

    /// <summary>Names the JSON Schema for editors; the loader does not need it.</summary>
    private const string SchemaKey = "$schema";
    private static readonly string[] ReportKeys = ["formats"];

    public PipelineConfig Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            throw new ConfigException($"{path}: is a folder, not a configuration file");
        if (!File.Exists(fullPath))
            throw new ConfigException($"{path}: configuration file not found");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(fullPath),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // JsonException counts lines and columns from 0; editors count from 1.
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new ConfigException($"{path}: not valid JSON{where}: {FirstSentence(e.Message)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot be read: {e.Message}");
        }
        using (doc)
            return Parse(doc.RootElement, fullPath);
    }

    public PipelineConfig Parse(JsonElement root, string fullPath)
    {
        var errors = new List<string>();
        var baseDir = Path.GetDirectoryName(fullPath)!;
        if (root.ValueKind != JsonValueKind.Object)
            throw new ConfigException($"{fullPath}: the top level must be a JSON object");

        foreach (var p in root.EnumerateObject())
            if (!TopLevelKeys.Contains(p.Name) && p.Name != SchemaKey)
                errors.Add($"unknown key '{p.Name}' (allowed: {string.Join(", ", TopLevelKeys)})");

        var input = ReadString(root, "input", "input", errors);
        var output = ReadString(root, "output", "output", errors);
        var jobs = 0;
        if (root.TryGetProperty("jobs", out var jobsElement))
        {
            if (jobsElement.ValueKind != JsonValueKind.Number || !jobsElement.TryGetInt32(out jobs) || jobs < 0)
                errors.Add("'jobs' must be a whole number ≥ 0 (0: one per core)");
        }

        var stages = ImmutableArray.CreateBuilder<ConfiguredStage>();
        if (!root.TryGetProperty("stages", out var stagesElement))
            stages.AddRange(catalog.DefaultOrder.Select(d => new ConfiguredStage(d, d.DefaultOptions)));
        else if (stagesElement.ValueKind != JsonValueKind.Array)
            errors.Add("'stages' must be a list of {\"name\": ..., options...}");
        else
            foreach (var s in stagesElement.EnumerateArray())
                if (ReadStage(s, baseDir, errors) is { } stage)
                    stages.Add(stage);

        foreach (var dup in stages.GroupBy(s => s.Descriptor.Name).Where(g => g.Count() > 1))
            errors.Add($"stage '{dup.Key}' is listed {dup.Count()} times");
        errors.AddRange(PipelineBuilder.OrderProblems(stages.Select(s => s.Descriptor), catalog));

        var formats = ReportOptions.AllFormats;
        if (root.TryGetProperty("reports", out var reports))
        {
            if (reports.ValueKind != JsonValueKind.Object)
                errors.Add("'reports' must be an object");
            else
            {
                foreach (var p in reports.EnumerateObject())
                    if (!ReportKeys.Contains(p.Name))
                        errors.Add($"reports: unknown key '{p.Name}' (allowed: {string.Join(", ", ReportKeys)})");
                if (reports.TryGetProperty("formats", out var f))
                {
                    var list = f.ValueKind == JsonValueKind.Array
                        ? f.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.ToString()).ToList()
                        : null;
                    if (list is null) errors.Add("reports.formats must be a list");
                    else
                    {
                        foreach (var bad in list.Where(x => !ReportOptions.AllFormats.Contains(x)))
                            errors.Add($"reports.formats: unknown format '{bad}' (allowed: {string.Join(", ", ReportOptions.AllFormats)})");
                        formats = [.. list.Distinct()];
                    }
                }
            }
        }

        var watchdog = ReadWatchdog(root, errors);
        var inputDirectory = Path.GetFullPath(Path.Combine(baseDir, input));
        var outputDirectory = Path.GetFullPath(Path.Combine(baseDir, output));
        // Results among the articles: every report would collide with an article's name or be read as one.
        if (string.Equals(Path.TrimEndingDirectorySeparator(inputDirectory), Path.TrimEndingDirectorySeparator(outputDirectory), StringComparison.Ordinal))
            errors.Add($"'input' and 'output' are the same folder ({Path.TrimEndingDirectorySeparator(inputDirectory)}): give the results a folder of their own");

        if (errors.Count > 0)
            throw new ConfigException($"{fullPath}: invalid configuration:\n  - " + string.Join("\n  - ", errors));

        return new PipelineConfig(fullPath,
            inputDirectory,
            outputDirectory,
            jobs == 0 ? Environment.ProcessorCount : jobs,
            stages.ToImmutable(),
            new ReportOptions(formats)) { Watchdog = watchdog };
    }

    /// <summary>"watchdog": { "articleSeconds": N, "memoryMiB": N }; 0 turns a budget off.</summary>
    private static WatchdogOptions ReadWatchdog(JsonElement root, List<string> errors)
    {
        var options = WatchdogOptions.Default;
        if (!root.TryGetProperty("watchdog", out var w)) return options;
        if (w.ValueKind != JsonValueKind.Object)
        {
            errors.Add("'watchdog' must be an object ({\"articleSeconds\": N, \"memoryMiB\": N})");
            return options;
        }
        foreach (var p in w.EnumerateObject())
            if (!WatchdogKeys.Contains(p.Name))
                errors.Add($"watchdog: unknown key '{p.Name}' (allowed: {string.Join(", ", WatchdogKeys)})");
        int? Whole(string key, int minimum, string unit)
        {
            if (!w.TryGetProperty(key, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && (n == 0 || n >= minimum)) return n;
            errors.Add($"watchdog.{key} must be 0 (no limit) or a whole number of {unit} ≥ {minimum} (got {v.GetRawText()})");
            return null;
        }
        if (Whole("articleSeconds", 1, "seconds") is { } seconds)
            options = options with { ArticleTime = seconds == 0 ? null : TimeSpan.FromSeconds(seconds) };
        // Below this the pipeline's own models would leave nothing for the articles.
        if (Whole("memoryMiB", 256, "MiB") is { } mib)
            options = options with { MemoryBytes = mib == 0 ? null : mib * 1024L * 1024 };
        return options;
    }

    private ConfiguredStage? ReadStage(JsonElement s, string baseDir, List<string> errors)
    {
        string? name = s.ValueKind switch
        {
            JsonValueKind.String => s.GetString(),
            JsonValueKind.Object when s.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
            _ => null
        };
        if (name is null)
        {
            errors.Add($"a stage must be a name or an object with \"name\" (got {s.GetRawText()})");
            return null;
        }
        var descriptor = catalog.Find(name);
        if (descriptor is null)
        {
            errors.Add($"unknown stage '{name}' (allowed: {string.Join(", ", catalog.All.Select(d => d.Name))})");
            return null;
        }
        var values = new Dictionary<string, JsonElement>();
        if (s.ValueKind == JsonValueKind.Object)
            foreach (var p in s.EnumerateObject())
                if (p.Name != "name")
                    values[p.Name] = p.Value.Clone();
        return new ConfiguredStage(descriptor, descriptor.BindOptions(values, baseDir, errors));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string ReadString(JsonElement root, string key, string fallback, List<string> errors)
    {
        if (!root.TryGetProperty(key, out var v)) return fallback;
        if (v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())) return v.GetString()!;
        errors.Add($"'{key}' must be a folder path (a non-empty string)");
        return fallback;
    }
}
