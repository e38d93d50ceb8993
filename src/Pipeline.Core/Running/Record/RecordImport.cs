namespace Pipeline.Running.Record;

/// <summary>
/// Copies a shard's record into the merged one: each file the shard holds replaces what the merged
/// record had for it. Rows keep their order within a file (rowid), so the merged record answers every
/// ordered query exactly as a single run's would.
/// </summary>
internal static class RecordImport
{
    private const string DocumentColumns =
        "file, content_hash, fingerprint, status, title, date, date_origin, language, format, encoding, error, warnings, counts";
    private const string EntityColumns = "file, type, start, \"end\", text, value, canonical, canonical_en, kind, confidence, source";
    private const string AgreementColumns = "file, canonical, canonical_en, kind, date, action, forum, parties, evidence";
    private const string TimelineColumns = "file, date, summary, sentence_start, sentence_end, organisations, agreements";

    /// <returns>The files the shard holds.</returns>
    public static IReadOnlyList<string> Import(RecordConnection db, string shardDatabase, long runId)
    {
        // The shard is opened once on its own first: that checks (and if need be upgrades) its layout.
        using (new RecordConnection(shardDatabase))
        {
        }
        lock (db.Lock)
        {
            db.Execute("ATTACH DATABASE $p AS shard", ("$p", shardDatabase));
            try
            {
                using var tx = db.Connection.BeginTransaction();
                db.Execute("DELETE FROM documents WHERE file IN (SELECT file FROM shard.documents)");
                db.Execute($"INSERT INTO documents({DocumentColumns}) SELECT {DocumentColumns} FROM shard.documents ORDER BY file");
                db.Execute("""
                    INSERT INTO processing(file, run_id, processed_at, seconds, input_dir, outputs)
                    SELECT file, $run, processed_at, seconds, input_dir, outputs FROM shard.processing ORDER BY file
                    """, ("$run", runId));
                db.Execute($"INSERT INTO entities({EntityColumns}) SELECT {EntityColumns} FROM shard.entities ORDER BY file, rowid");
                db.Execute($"INSERT INTO agreements({AgreementColumns}) SELECT {AgreementColumns} FROM shard.agreements ORDER BY file, rowid");
                db.Execute($"INSERT INTO timeline({TimelineColumns}) SELECT {TimelineColumns} FROM shard.timeline ORDER BY file, rowid");
                var files = new List<string>();
                using (var cmd = db.Command("SELECT file FROM shard.documents ORDER BY file"))
                using (var r = cmd.ExecuteReader())
                    while (r.Read()) files.Add(r.GetString(0));
                tx.Commit();
                return files;
            }
            finally
            {
                db.Execute("DETACH DATABASE shard");
            }
        }
    }
}
