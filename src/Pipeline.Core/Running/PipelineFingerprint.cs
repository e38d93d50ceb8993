using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Reports;
using Pipeline.Stages;

namespace Pipeline.Running;

/// <summary>
/// One hash of everything besides the article that decides its results: the stage list with
/// the options in effect (after `--no-ml`), the report formats, the code of every stage and writer
/// (assembly module version ids change with every rebuilt change), files that stage options
/// name (models, gazetteers) and any extra values the caller adds (e.g. a model's hash).
/// When it changes, every article is redone.
/// </summary>
public static class PipelineFingerprint
{
    public static string Compute(ArticlePipeline pipeline, IEnumerable<IReportWriter> writers,
        IEnumerable<string>? extra = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string label, ReadOnlySpan<byte> data)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"\n{label}:{data.Length}:"));
            sha.AppendData(data);
        }
        void AddText(string label, string text) => Add(label, Encoding.UTF8.GetBytes(text));

        AddText("format", "pipeline-fingerprint-2");
        foreach (var stage in pipeline.Plan)
        {
            AddText("stage", stage.Descriptor.Name);
            if (stage.Options is null)
            {
                AddText("options", "built in code: " + stage.Descriptor.OptionsType.FullName);
                continue;
            }
            foreach (var (spec, value) in OptionBinder.Values(stage.Options))
            {
                AddText("option", spec.Name + "=" + RecordJson.OptionValue(value is Enum ? OptionBinder.EnumName(value) : value));
                if (!spec.IsFile) continue;
                foreach (var file in value switch { string one => [one], IEnumerable<string> many => many, _ => [] })
                    Add("file", File.Exists(file) ? FileHash(file) : []);
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

    private static byte[] FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }
}
