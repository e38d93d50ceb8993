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
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            CorpusDocument? document;
            try
            {
                document = Parse(line);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{n}: not an annotated document ({{\"doc\", \"text\", \"entities\"}}): {e.Message}");
            }
            var heldOut = ClassifierTrainer.IsHeldOut(document.Id, heldOutShare);
            if (split == CorpusSplit.HeldOut && !heldOut || split == CorpusSplit.Train && heldOut) continue;
            yield return document;
        }
    }

    private static CorpusDocument Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var id = root.GetProperty("doc").GetString()!;
        // The corpus's entities carry no "doc": they belong to the line's document.
        var gold = !root.TryGetProperty("entities", out var entities) ? [] : entities.EnumerateArray()
            .Select(e => new ScoredEntity(id, e.GetProperty("type").GetString()!, e.GetProperty("start").GetInt32(),
                e.GetProperty("end").GetInt32(), e.TryGetProperty("text", out var t) ? t.GetString() : null,
                e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True, null, null))
            .ToList();
        return new CorpusDocument(id, root.GetProperty("text").GetString()!, gold);
    }
}
