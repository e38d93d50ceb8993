using System.Collections.Immutable;
using Pipeline.Model;
using Pipeline.Running.Record;

namespace Pipeline.Running;

/// <summary>What the database remembers of one article file: the version last processed and how it went.</summary>
public sealed record DocumentRecord(
    string File,
    string ContentHash,
    string Fingerprint,
    string Status,
    string? Title,
    string? Date,
    string? Error,
    ImmutableArray<string> Warnings,
    ImmutableDictionary<string, int> Counts,
    ImmutableDictionary<string, OutputStamp> Outputs,
    double Seconds)
{
    /// <summary>Where <see cref="Date"/> came from (one of <see cref="DateOrigins"/>).</summary>
    public string? DateOrigin { get; init; }
}

/// <summary>An output file as it was written: if its size or time differs, someone changed or replaced it.</summary>
public sealed record OutputStamp(long Size, long WriteTicks)
{
    public static OutputStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new OutputStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}

/// <summary>
/// output/pipeline.db: the record of every run, every document version processed and every entity,
/// agreement and timeline entry found (its layout: docs/pipeline-db.md). Incremental runs and the batch
/// overview read it, so unchanged articles need no reprocessing. Its parts share one connection:
/// <see cref="Runs"/>, <see cref="Documents"/> and <see cref="Overview"/>.
/// </summary>
public sealed class PipelineDatabase : IDisposable
{
    public const string FileName = "pipeline.db";

    private readonly RecordConnection _connection;

    /// <summary>Opens (or creates) the record, upgrading an older layout; a newer one is a <see cref="Configuration.ConfigException"/>.</summary>
    public PipelineDatabase(string path)
    {
        _connection = new RecordConnection(path);
        Runs = new RunLog(_connection);
        Documents = new DocumentStore(_connection);
        Overview = new OverviewQuery(_connection, Documents);
    }

    public RunLog Runs { get; }
    public DocumentStore Documents { get; }
    public OverviewQuery Overview { get; }

    /// <summary>The layout version this program writes (PRAGMA user_version).</summary>
    public static int LayoutVersion => RecordSchema.Version;

    /// <summary>Replaces the records of the files that <paramref name="shardDatabase"/> holds by its own (see <see cref="RecordImport"/>).</summary>
    public IReadOnlyList<string> Import(string shardDatabase, long runId) => RecordImport.Import(_connection, shardDatabase, runId);

    public void Dispose() => _connection.Dispose();
}

public static class RunStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    /// <summary>Processed and reported, but a stage failed: its findings are missing.</summary>
    public const string Partial = "partial";
    /// <summary>Not processed because the run was stopped (Ctrl+C, SIGTERM).</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Never opened: not a regular file (a FIFO, a device, a socket, a symlink loop or one not followed).</summary>
    public const string Refused = "refused";
}

public static class EntityCounts
{
    /// <summary>Mentions per entity type; the scored types are always present, even at zero.</summary>
    public static ImmutableDictionary<string, int> Of(Article article)
    {
        var counts = EntityTypes.Scored.ToDictionary(t => t, _ => 0);
        foreach (var e in article.Entities) counts[e.Type] = counts.GetValueOrDefault(e.Type) + 1;
        return counts.ToImmutableDictionary();
    }
}
