using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Output;

namespace Pipeline.Running.Shards;

/// <summary>
/// Where a shard lives under output/shards/: "2-of-4.running/" while it runs (a killed run leaves it, and
/// the next run of the same index finishes it), renamed to "2-of-4/" when it is done (the rename is the
/// commit), with "2-of-4.lock" beside it so that only one process works on a shard at a time.
/// </summary>
public sealed class ShardFolder(string outputDirectory, ShardSpec shard)
{
    public const string RootName = "shards";
    public const string RunningSuffix = ".running";

    public static string RootOf(string outputDirectory) => Path.Combine(outputDirectory, RootName);

    public ShardSpec Shard { get; } = shard;
    public string Committed { get; } = Path.Combine(RootOf(outputDirectory), shard.FolderName);
    public string Running { get; } = Path.Combine(RootOf(outputDirectory), shard.FolderName + RunningSuffix);
    public string LockFile { get; } = Path.Combine(RootOf(outputDirectory), shard.FolderName + ".lock");

    public string Database => Path.Combine(Committed, PipelineDatabase.FileName);

    /// <summary>The committed shard's manifest, or null when the shard is not complete.</summary>
    public ShardManifest? ReadManifest() => ShardManifest.Read(Path.Combine(Committed, ShardManifest.FileName));
}

/// <summary>One article as the shard that processed it recorded it.</summary>
public sealed record ShardArticle(string File, string ContentHash, string Status);

/// <summary>
/// shard.json, the last file a shard writes before its folder is committed: which shard, which program
/// and configuration (fingerprint), and every article it holds with the version (content hash) it read.
/// The merge checks it against the input folder.
/// </summary>
public sealed record ShardManifest(int Index, int Count, string Fingerprint, DateTimeOffset Started, DateTimeOffset Ended,
    IReadOnlyList<ShardArticle> Articles)
{
    public const string FileName = "shard.json";
    private const int Format = 1;

    public ShardSpec Shard => new(Index, Count);

    public string ToJson() => new JsonObject
    {
        ["format"] = Format,
        ["index"] = Index,
        ["count"] = Count,
        ["fingerprint"] = Fingerprint,
        ["started"] = Started.ToString("O"),
        ["ended"] = Ended.ToString("O"),
        ["articles"] = new JsonArray([.. Articles.Select(a => (JsonNode)new JsonObject
        {
            ["file"] = a.File,
            ["content_hash"] = a.ContentHash,
            ["status"] = a.Status,
        })]),
    }.ToJsonString(EntityJson.Indented);

    /// <summary>Null when there is no manifest (the shard never committed).</summary>
    /// <exception cref="InvalidDataException">A manifest that cannot be read: named with the reason.</exception>
    public static ShardManifest? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!;
            if (json["format"]?.GetValue<int>() != Format)
                throw new InvalidDataException($"{path}: written by another version of pipeline (format {json["format"]})");
            return new ShardManifest(json["index"]!.GetValue<int>(), json["count"]!.GetValue<int>(),
                json["fingerprint"]!.GetValue<string>(), DateTimeOffset.Parse(json["started"]!.GetValue<string>()),
                DateTimeOffset.Parse(json["ended"]!.GetValue<string>()),
                [.. json["articles"]!.AsArray().Select(a => new ShardArticle(a!["file"]!.GetValue<string>(),
                    a["content_hash"]!.GetValue<string>(), a["status"]!.GetValue<string>()))]);
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a readable shard manifest ({e.Message})", e);
        }
    }
}
