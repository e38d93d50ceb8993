using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Configuration;
using Pipeline.Reports;
using Pipeline.Stages;

namespace Pipeline.Running;

/// <summary>
/// One hash of everything besides the article that decides its results: pipeline.json, the
/// resolved stage list with options, the report formats, the code of every stage and writer
/// (assembly module version ids change with every rebuilt change), files that stage options
/// name (models, gazetteers) and any extra values the caller adds (e.g. a model's hash).
/// When it changes, every article is redone.
/// </summary>
public static class PipelineFingerprint
{
    public static string Compute(PipelineConfig config, ArticlePipeline pipeline, IEnumerable<IReportWriter> writers,
        IEnumerable<string>? extra = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string label, ReadOnlySpan<byte> data)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"\n{label}:{data.Length}:"));
            sha.AppendData(data);
        }
        void AddText(string label, string text) => Add(label, Encoding.UTF8.GetBytes(text));

        AddText("format", "pipeline-fingerprint-1");
        Add("config", File.Exists(config.ConfigPath) ? File.ReadAllBytes(config.ConfigPath) : []);
        foreach (var stage in config.Stages)
        {
            AddText("stage", stage.Descriptor.Name);
            foreach (var (name, value) in stage.Settings.RawValues.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                AddText("option", name + "=" + value.GetRawText());
                if (value.ValueKind == JsonValueKind.String && NamedFile(stage.Settings.BaseDirectory, value.GetString()) is { } file)
                    Add("file", FileHash(file));
            }
        }
        var assemblies = pipeline.Stages.Select(s => s.GetType().Assembly)
            .Concat(writers.Select(w => w.GetType().Assembly))
            .Append(typeof(PipelineFingerprint).Assembly)
            .Distinct()
            .Select(a => a.GetName().Name + "@" + a.ManifestModule.ModuleVersionId)
            .Order(StringComparer.Ordinal);
        foreach (var a in assemblies) AddText("code", a);
        foreach (var w in writers.Select(w => w.Format).Order(StringComparer.Ordinal)) AddText("writer", w);
        foreach (var x in extra ?? []) AddText("extra", x);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>SHA-256 of a file, for callers that want to add a model file to <see cref="RunOptions.ExtraFingerprint"/>.</summary>
    public static string FileHashHex(string path) => Convert.ToHexStringLower(FileHash(path));

    private static byte[] FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    private static string? NamedFile(string baseDirectory, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0) return null;
        try
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, value));
            return File.Exists(path) ? path : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
