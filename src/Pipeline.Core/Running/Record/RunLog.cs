namespace Pipeline.Running.Record;

/// <summary>The runs table (when each run, shard or merge started and ended, and what it counted) and the settings it keeps.</summary>
public sealed class RunLog
{
    private readonly RecordConnection _db;

    internal RunLog(RecordConnection db) => _db = db;

    public long Start(string kind, string configPath, string fingerprint)
    {
        lock (_db.Lock)
            return (long)_db.Scalar("INSERT INTO runs(kind, started, config, fingerprint) VALUES ($k, $s, $c, $f) RETURNING id",
                ("$k", kind), ("$s", DateTimeOffset.Now.ToString("O")), ("$c", configPath), ("$f", fingerprint))!;
    }

    public void Finish(long runId, RunSummary summary)
    {
        lock (_db.Lock)
            _db.Execute("""
                UPDATE runs SET ended=$e, articles=$a, succeeded=$ok, failed=$f, skipped=$s, cancelled=$c, deleted=$d WHERE id=$id
                """, ("$e", summary.Ended.ToString("O")), ("$a", summary.Articles.Length), ("$ok", summary.Succeeded),
                ("$f", summary.Failed), ("$s", summary.Skipped), ("$c", summary.Cancelled ? 1 : 0),
                ("$d", summary.Deleted.Length), ("$id", runId));
    }

    /// <summary>True when the latest run has no end time: it was killed and may have left temporary files.</summary>
    public bool LastRunUnfinished()
    {
        lock (_db.Lock)
            return _db.Scalar("SELECT ended IS NULL FROM runs ORDER BY id DESC LIMIT 1") is long unfinished && unfinished == 1;
    }

    public string? GetSetting(string key)
    {
        lock (_db.Lock) return _db.Scalar("SELECT value FROM settings WHERE key=$k", ("$k", key)) as string;
    }

    public void SetSetting(string key, string? value)
    {
        lock (_db.Lock)
            _db.Execute("INSERT INTO settings(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value=$v",
                ("$k", key), ("$v", value));
    }
}

/// <summary>What a row of the runs table was.</summary>
public static class RunKind
{
    public const string Run = "run";
    /// <summary>One shard of a split run, recorded in the shard's own database.</summary>
    public const string Shard = "shard";
    public const string Merge = "merge";
}
