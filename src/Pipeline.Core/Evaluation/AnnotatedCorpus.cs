using System.IO.Compression;
using System.Text.Json;
using Pipeline.Classification;

namespace Pipeline.Evaluation;

public enum CorpusSplit { HeldOut, Train, All }

public sealed record CorpusDocument(string Id, string Text, IReadOnlyList<ScoredEntity> Gold);

/// <summary>
/// An annotated corpus of one {"doc", "text", "entities"} a line (pd1998-train.jsonl.gz), split the way
/// the trainer splits it, so that `evaluate --corpus` measures on documents the model never saw.
/// </summary>
public static class AnnotatedCorpus
{
    /// <summary>heldout (the default), train or all; null for anything else.</summary>
    public static CorpusSplit? ParseSplit(string? value) => value switch
    {
        null or "heldout" => CorpusSplit.HeldOut,
        "train" => CorpusSplit.Train,
        "all" => CorpusSplit.All,
        _ => null,
    };

    public static IEnumerable<CorpusDocument> Read(string path, CorpusSplit split, double heldOutShare = 0.15)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("doc").GetString()!;
            var heldOut = ClassifierTrainer.IsHeldOut(id, heldOutShare);
            if (split == CorpusSplit.HeldOut && !heldOut || split == CorpusSplit.Train && heldOut) continue;
            // The corpus's entities carry no "doc": they belong to the line's document.
            var gold = root.GetProperty("entities").EnumerateArray()
                .Select(e => new ScoredEntity(id, e.GetProperty("type").GetString()!, e.GetProperty("start").GetInt32(),
                    e.GetProperty("end").GetInt32(), e.GetProperty("text").GetString(),
                    e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True, null, null))
                .ToList();
            yield return new CorpusDocument(id, root.GetProperty("text").GetString()!, gold);
        }
    }
}
