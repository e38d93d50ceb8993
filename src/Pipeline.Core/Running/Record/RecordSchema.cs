using Pipeline.Configuration;

namespace Pipeline.Running.Record;

/// <summary>
/// The layout of output/pipeline.db (documented in docs/pipeline-db.md), kept in <c>PRAGMA user_version</c>.
/// A new file gets the current layout; an older one is upgraded in place, in one transaction, so a
/// record made by an earlier version keeps its history and its unchanged articles stay skipped; a newer
/// one is refused with what to do, never half-read.
/// </summary>
internal static class RecordSchema
{
    /// <summary>
    /// 0: the first layout (no user_version). 1: the record tables (documents, entities, agreements, timeline)
    /// hold only what follows from the input, configuration and code; when and where it was processed moved
    /// to processing; runs say which kind of run they were and how many inputs were deleted.
    /// </summary>
    public const int Version = 1;

    private const string Documents = """
        CREATE TABLE documents (
            file TEXT PRIMARY KEY, content_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, status TEXT NOT NULL,
            title TEXT, date TEXT, date_origin TEXT, language TEXT, format TEXT, encoding TEXT,
            error TEXT, warnings TEXT NOT NULL, counts TEXT NOT NULL);
        """;

    private const string Processing = """
        CREATE TABLE processing (
            file TEXT PRIMARY KEY REFERENCES documents(file) ON DELETE CASCADE,
            run_id INTEGER REFERENCES runs(id), processed_at TEXT NOT NULL, seconds REAL NOT NULL,
            input_dir TEXT NOT NULL, outputs TEXT NOT NULL);
        """;

    private const string Current = $$"""
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started TEXT NOT NULL, ended TEXT, config TEXT NOT NULL, fingerprint TEXT NOT NULL,
            articles INTEGER, succeeded INTEGER, failed INTEGER, skipped INTEGER, cancelled INTEGER,
            kind TEXT NOT NULL DEFAULT 'run', deleted INTEGER);
        {{Documents}}
        {{Processing}}
        CREATE TABLE entities (
            file TEXT NOT NULL REFERENCES documents(file) ON DELETE CASCADE, type TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT,
            canonical TEXT, canonical_en TEXT, kind TEXT, confidence REAL, source TEXT);
        CREATE INDEX entities_by_file ON entities(file);
        CREATE TABLE agreements (
            file TEXT NOT NULL REFERENCES documents(file) ON DELETE CASCADE, canonical TEXT NOT NULL,
            canonical_en TEXT, kind TEXT NOT NULL, date TEXT, action TEXT, forum TEXT, parties TEXT NOT NULL,
            evidence TEXT NOT NULL);
        CREATE INDEX agreements_by_file ON agreements(file);
        CREATE TABLE timeline (
            file TEXT NOT NULL REFERENCES documents(file) ON DELETE CASCADE, date TEXT NOT NULL,
            summary TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            organisations TEXT NOT NULL, agreements TEXT NOT NULL);
        CREATE INDEX timeline_by_file ON timeline(file);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        """;

    /// <summary>Each step upgrades from the version of its index to the next.</summary>
    private static readonly string[] Upgrades =
    [
        // 0 -> 1: SQLite cannot drop a column that a foreign key uses, so documents is rebuilt (the
        // documented twelve-step way: foreign keys off, copy, drop, rename).
        $$"""
        ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'run';
        ALTER TABLE runs ADD COLUMN deleted INTEGER;
        {{Processing}}
        INSERT INTO processing(file, run_id, processed_at, seconds, input_dir, outputs)
            SELECT file, run_id, processed_at, seconds, input_dir, outputs FROM documents;
        {{Documents.Replace("CREATE TABLE documents", "CREATE TABLE documents_v1")}}
        INSERT INTO documents_v1(file, content_hash, fingerprint, status, title, date, date_origin, language, format,
                encoding, error, warnings, counts)
            SELECT file, content_hash, fingerprint, status, title, date, date_origin, language, format,
                encoding, error, warnings, counts FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_v1 RENAME TO documents;
        """,
    ];

    public static void Apply(RecordConnection db)
    {
        var version = Convert.ToInt32(db.Scalar("PRAGMA user_version"));
        if (version > Version)
            throw new ConfigException(
                $"{db.FilePath} was written by a newer version of pipeline (record layout {version}; this version knows " +
                $"up to {Version}): run the newer version, or move the file away to start a new record " +
                "(the next run then processes every article again)");
        if (version == Version) return;

        // Foreign keys must be off while tables are rebuilt (dropping documents would cascade), and
        // the pragma has no effect inside a transaction.
        db.Execute("PRAGMA foreign_keys=OFF;");
        using var tx = db.Connection.BeginTransaction();
        var fresh = db.Scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='documents'") is 0L;
        if (fresh) db.Execute(Current);
        else
            for (var v = version; v < Version; v++)
                db.Execute(Upgrades[v]);
        using (var check = db.Command("PRAGMA foreign_key_check"))
        using (var r = check.ExecuteReader())
            if (r.Read())
                throw new ConfigException($"{db.FilePath}: upgrading the record left a row of {r.GetString(0)} without its document");
        db.Execute($"PRAGMA user_version={Version}");
        tx.Commit();
    }
}
