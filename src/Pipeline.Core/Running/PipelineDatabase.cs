using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Model;

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
    double Seconds);

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
/// output/pipeline.db: the record of every run, every document version processed and every
/// entity, agreement and timeline entry found. Incremental runs and the batch overview read it,
/// so unchanged articles need no reprocessing. One connection, serialised by a lock: writes are
/// a few rows per article, far cheaper than processing it.
/// </summary>
public sealed class PipelineDatabase : IDisposable
{
    public const string FileName = "pipeline.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    public PipelineDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started TEXT NOT NULL, ended TEXT, config TEXT NOT NULL, fingerprint TEXT NOT NULL,
                articles INTEGER, succeeded INTEGER, failed INTEGER, skipped INTEGER, cancelled INTEGER);
            CREATE TABLE IF NOT EXISTS documents (
                file TEXT PRIMARY KEY, input_dir TEXT NOT NULL, content_hash TEXT NOT NULL, fingerprint TEXT NOT NULL,
                status TEXT NOT NULL, title TEXT, date TEXT, date_origin TEXT, language TEXT, format TEXT, encoding TEXT,
                error TEXT, warnings TEXT NOT NULL, counts TEXT NOT NULL, outputs TEXT NOT NULL,
                seconds REAL NOT NULL, run_id INTEGER REFERENCES runs(id), processed_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entities (
                file TEXT NOT NULL REFERENCES documents(file) ON DELETE CASCADE, type TEXT NOT NULL,
                start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT,
                canonical TEXT, canonical_en TEXT, kind TEXT, confidence REAL, source TEXT);
            CREATE INDEX IF NOT EXISTS entities_by_file ON entities(file);
            CREATE TABLE IF NOT EXISTS agreements (
                file TEXT NOT NULL REFERENCES documents(file) ON DELETE CASCADE, canonical TEXT NOT NULL,
                canonical_en TEXT, kind TEXT NOT NULL, date TEXT, action TEXT, forum TEXT, parties TEXT NOT NULL,
                evidence TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS agreements_by_file ON agreements(file);
            CREATE TABLE IF NOT EXISTS timeline (
                file TEXT NOT NULL REFERENCES documents(file) ON DELETE CASCADE, date TEXT NOT NULL,
                summary TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
                organisations TEXT NOT NULL, agreements TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS timeline_by_file ON timeline(file);
            CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT);
            """);
    }

    public long StartRun(string configPath, string fingerprint)
    {
        lock (_lock)
        {
            using var cmd = Command("INSERT INTO runs(started, config, fingerprint) VALUES ($s, $c, $f) RETURNING id",
                ("$s", DateTimeOffset.Now.ToString("O")), ("$c", configPath), ("$f", fingerprint));
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>True when the latest run has no end time: it was killed and may have left temporary files.</summary>
    public bool LastRunUnfinished()
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT ended IS NULL FROM runs ORDER BY id DESC LIMIT 1");
            return cmd.ExecuteScalar() is long unfinished && unfinished == 1;
        }
    }

    public string? GetSetting(string key)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT value FROM settings WHERE key=$k", ("$k", key));
            return cmd.ExecuteScalar() as string;
        }
    }

    public void SetSetting(string key, string? value)
    {
        lock (_lock)
        {
            using var cmd = Command("INSERT INTO settings(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value=$v",
                ("$k", key), ("$v", value));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// A hash of what the overview of <paramref name="files"/> is made from (each document's version,
    /// fingerprint and status): equal hashes, equal overviews.
    /// </summary>
    public string OverviewState(IReadOnlyCollection<string> files, string fingerprint)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        var text = new System.Text.StringBuilder(fingerprint);
        lock (_lock)
        {
            using var cmd = Command("SELECT file, content_hash, fingerprint, status FROM documents ORDER BY file");
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (wanted.Contains(r.GetString(0)))
                    text.Append('\n').Append(r.GetString(0)).Append('\t').Append(r.GetString(1)).Append('\t')
                        .Append(r.GetString(2)).Append('\t').Append(r.GetString(3));
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void FinishRun(long runId, RunSummary summary)
    {
        lock (_lock)
        {
            using var cmd = Command("""
                UPDATE runs SET ended=$e, articles=$a, succeeded=$ok, failed=$f, skipped=$s, cancelled=$c WHERE id=$id
                """, ("$e", summary.Ended.ToString("O")), ("$a", summary.Articles.Length), ("$ok", summary.Succeeded),
                ("$f", summary.Failed), ("$s", summary.Skipped), ("$c", summary.Cancelled ? 1 : 0), ("$id", runId));
            cmd.ExecuteNonQuery();
        }
    }

    public DocumentRecord? Find(string file)
    {
        lock (_lock)
        {
            using var cmd = Command("""
                SELECT file, content_hash, fingerprint, status, title, date, error, warnings, counts, outputs, seconds
                FROM documents WHERE file=$f
                """, ("$f", file));
            using var r = cmd.ExecuteReader();
            return r.Read() ? ReadDocument(r) : null;
        }
    }

    public IReadOnlyList<DocumentRecord> AllDocuments()
    {
        lock (_lock) return AllDocumentsUnlocked();
    }

    private static DocumentRecord ReadDocument(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
        JsonSerializer.Deserialize<ImmutableArray<string>>(r.GetString(7)),
        JsonSerializer.Deserialize<ImmutableDictionary<string, int>>(r.GetString(8))!,
        JsonSerializer.Deserialize<ImmutableDictionary<string, OutputStamp>>(r.GetString(9))!,
        r.GetDouble(10));

    /// <summary>Records a processed article and everything found in it, replacing what an earlier version left.</summary>
    public void SaveSuccess(long runId, string inputDir, string contentHash, string fingerprint, Article article,
        IReadOnlyDictionary<string, OutputStamp> outputs, double seconds)
    {
        lock (_lock)
        {
            using var tx = _connection.BeginTransaction();
            var m = article.Metadata;
            var offsets = new TextOffsets(article.Text);
            UpsertDocument(runId, article.Id, inputDir, contentHash, fingerprint,
                article.Failures.IsEmpty ? RunStatus.Ok : RunStatus.Partial, m.Title?.Value,
                m.DocumentDate?.Value.ToString("yyyy-MM-dd"), m.DocumentDate?.Origin, m.Language?.Value, m.Format, m.Encoding,
                article.Failures.IsEmpty ? null : string.Join("; ", article.Failures), article.Warnings, EntityCounts.Of(article), outputs, seconds);

            using (var cmd = Command("""
                       INSERT INTO entities(file, type, start, "end", text, value, canonical, canonical_en, kind, confidence, source)
                       VALUES ($f, $t, $s, $e, $x, $v, $c, $ce, $k, $p, $src)
                       """))
            {
                var p = Parameters(cmd, "$f", "$t", "$s", "$e", "$x", "$v", "$c", "$ce", "$k", "$p", "$src");
                foreach (var e in article.Entities)
                {
                    Set(p, article.Id, e.Type, offsets.ToCodePoint(e.Start), offsets.ToCodePoint(e.End), e.Text, e.Value,
                        e.Canonical, e.CanonicalEn, e.Kind, e.Confidence, e.Source);
                    cmd.ExecuteNonQuery();
                }
            }
            using (var cmd = Command("""
                       INSERT INTO agreements(file, canonical, canonical_en, kind, date, action, forum, parties, evidence)
                       VALUES ($f, $c, $ce, $k, $d, $a, $fo, $p, $ev)
                       """))
            {
                var p = Parameters(cmd, "$f", "$c", "$ce", "$k", "$d", "$a", "$fo", "$p", "$ev");
                foreach (var a in article.Agreements)
                {
                    Set(p, article.Id, a.Canonical, a.CanonicalEn, a.Kind, a.Date, a.Action, a.Forum,
                        JsonSerializer.Serialize(a.Parties), a.Evidence);
                    cmd.ExecuteNonQuery();
                }
            }
            using (var cmd = Command("""
                       INSERT INTO timeline(file, date, summary, sentence_start, sentence_end, organisations, agreements)
                       VALUES ($f, $d, $s, $ss, $se, $o, $a)
                       """))
            {
                var p = Parameters(cmd, "$f", "$d", "$s", "$ss", "$se", "$o", "$a");
                foreach (var t in article.Timeline)
                {
                    Set(p, article.Id, t.Date, t.Summary, offsets.ToCodePoint(t.Sentence.Start), offsets.ToCodePoint(t.Sentence.End),
                        JsonSerializer.Serialize(t.Organisations), JsonSerializer.Serialize(t.Agreements));
                    cmd.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
    }

    /// <summary>Records a failed article; whatever an earlier version found is dropped with its outputs.</summary>
    public void SaveFailure(long runId, string file, string inputDir, string contentHash, string fingerprint, string error,
        double seconds)
    {
        lock (_lock)
        {
            using var tx = _connection.BeginTransaction();
            UpsertDocument(runId, file, inputDir, contentHash, fingerprint, RunStatus.Failed, null, null, null, null, null, null,
                error, [], ImmutableDictionary<string, int>.Empty, new Dictionary<string, OutputStamp>(), seconds);
            tx.Commit();
        }
    }

    private void UpsertDocument(long runId, string file, string inputDir, string contentHash, string fingerprint,
        string status, string? title, string? date, string? dateOrigin, string? language, string? format, string? encoding,
        string? error, IEnumerable<string> warnings, IReadOnlyDictionary<string, int> counts,
        IReadOnlyDictionary<string, OutputStamp> outputs, double seconds)
    {
        // Deleting the row cascades to what the previous version found.
        using (var del = Command("DELETE FROM documents WHERE file=$f", ("$f", file))) del.ExecuteNonQuery();
        using var cmd = Command("""
            INSERT INTO documents(file, input_dir, content_hash, fingerprint, status, title, date, date_origin, language,
                format, encoding, error, warnings, counts, outputs, seconds, run_id, processed_at)
            VALUES ($f, $in, $h, $fp, $st, $t, $d, $do, $l, $fm, $enc, $err, $w, $c, $o, $sec, $run, $at)
            """, ("$f", file), ("$in", inputDir), ("$h", contentHash), ("$fp", fingerprint), ("$st", status), ("$t", title),
            ("$d", date), ("$do", dateOrigin), ("$l", language), ("$fm", format), ("$enc", encoding), ("$err", error),
            ("$w", JsonSerializer.Serialize(warnings)), ("$c", JsonSerializer.Serialize(counts)),
            ("$o", JsonSerializer.Serialize(outputs)), ("$sec", seconds), ("$run", runId),
            ("$at", DateTimeOffset.Now.ToString("O")));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The batch overview of <paramref name="files"/> (the articles now in the input folder), from stored results only.</summary>
    public BatchOverview Overview(IReadOnlyCollection<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            var documents = AllDocumentsUnlocked().Where(d => wanted.Contains(d.File)).ToList();
            var ok = documents.Where(d => d.Status is RunStatus.Ok or RunStatus.Partial).Select(d => d.File).ToHashSet(StringComparer.Ordinal);

            var orgMentions = new Dictionary<string, Tally>(StringComparer.Ordinal);
            var agreementEntities = new List<(string File, string Canonical, string? English, string? Kind)>();
            using (var cmd = Command("SELECT file, type, text, canonical, canonical_en, kind FROM entities WHERE type IN ('ORG', 'AGREEMENT')"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    var file = r.GetString(0);
                    if (!ok.Contains(file)) continue;
                    var name = r.IsDBNull(3) ? r.GetString(2) : r.GetString(3);
                    var en = r.IsDBNull(4) ? null : r.GetString(4);
                    if (r.GetString(1) == EntityTypes.Agreement)
                    {
                        agreementEntities.Add((file, name, en, r.IsDBNull(5) ? null : r.GetString(5)));
                        continue;
                    }
                    var tally = Tally.For(orgMentions, name, en);
                    tally.Documents.Add(file);
                    tally.Mentions++;
                }

            var agreements = new Dictionary<string, Tally>(StringComparer.Ordinal);
            var recorded = new HashSet<(string File, string Canonical)>();
            using (var cmd = Command("SELECT file, canonical, canonical_en, kind, date FROM agreements"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    var file = r.GetString(0);
                    if (!ok.Contains(file)) continue;
                    recorded.Add((file, r.GetString(1)));
                    AddAgreement(agreements, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                        r.IsDBNull(4) ? null : r.GetString(4), file);
                }
            // Articles processed without the agreement-records stage still list the agreements they mention.
            foreach (var (file, canonical, english, kind) in agreementEntities)
                if (!recorded.Contains((file, canonical)) &&
                    (!agreements.TryGetValue(Tally.Key(canonical, english), out var a) || !a.Documents.Contains(file)))
                    AddAgreement(agreements, canonical, english, kind ?? "agreement", null, file);

            var languages = new Dictionary<string, string?>(StringComparer.Ordinal);
            using (var cmd = Command("SELECT file, language FROM documents"))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) languages[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetString(1);

            var timeline = new List<OverviewTimelineEntry>();
            using (var cmd = Command("SELECT date, file, summary FROM timeline ORDER BY date, file, sentence_start"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    if (ok.Contains(r.GetString(1)))
                        timeline.Add(new OverviewTimelineEntry(r.GetString(0), r.GetString(1), r.GetString(2)));

            return new BatchOverview(
                DateTimeOffset.Now,
                [.. documents.Select(d => new OverviewDocument(d.File, d.Title, d.Status,
                    d.Counts.GetValueOrDefault(EntityTypes.Date), d.Counts.GetValueOrDefault(EntityTypes.Org),
                    d.Counts.GetValueOrDefault(EntityTypes.Agreement), d.Error)
                    { Date = d.Date, Language = languages.GetValueOrDefault(d.File), ContentHash = d.ContentHash })],
                [.. orgMentions.OrderByDescending(o => o.Value.Documents.Count).ThenByDescending(o => o.Value.Mentions)
                    .ThenBy(o => o.Key, StringComparer.Ordinal)
                    .Select(o => new OverviewOrganisation(o.Value.Name, o.Value.English, o.Value.Mentions, [.. o.Value.Documents]))],
                [.. agreements.OrderBy(a => a.Value.Date ?? "9999", StringComparer.Ordinal).ThenBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => new OverviewAgreement(a.Value.Name, a.Value.Kind ?? "agreement", a.Value.Date, [.. a.Value.Documents]))],
                [.. timeline]);
        }
    }

    private static void AddAgreement(Dictionary<string, Tally> agreements, string canonical, string? english, string kind,
        string? date, string file)
    {
        var tally = Tally.For(agreements, canonical, english);
        tally.Kind ??= kind;
        tally.Documents.Add(file);
        tally.Mentions++;
        tally.Date ??= date;
    }

    /// <summary>What the overview gathers about one organisation or agreement across documents.</summary>
    private sealed class Tally
    {
        /// <summary>The name shown: the first canonical seen (a Chinese document's name stays Chinese).</summary>
        public string Name = "";
        public string? English;
        public string? Kind;
        public string? Date;
        public int Mentions;
        public readonly SortedSet<string> Documents = new(StringComparer.Ordinal);

        /// <summary>
        /// One body or instrument across languages: 联合国 in a Chinese article and United Nations in an
        /// English one share their English canonical, so they are one row of the overview.
        /// </summary>
        public static string Key(string canonical, string? english) => english ?? canonical;

        public static Tally For(Dictionary<string, Tally> tallies, string canonical, string? english)
        {
            var key = Key(canonical, english);
            if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new Tally { Name = canonical };
            tally.English ??= english;
            return tally;
        }
    }

    private List<DocumentRecord> AllDocumentsUnlocked()
    {
        using var cmd = Command("""
            SELECT file, content_hash, fingerprint, status, title, date, error, warnings, counts, outputs, seconds
            FROM documents ORDER BY file
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentRecord>();
        while (r.Read()) list.Add(ReadDocument(r));
        return list;
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names) =>
        names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
    }

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
