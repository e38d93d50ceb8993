using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pipeline.Model;

namespace Pipeline.Running.Record;

/// <summary>
/// The record of each article file: the version last processed and how it went (documents), when and
/// into which outputs (processing), and what was found in it (entities, agreements, timeline).
/// </summary>
public sealed class DocumentStore
{
    private readonly RecordConnection _db;

    internal DocumentStore(RecordConnection db) => _db = db;

    private const string SelectDocument = """
        SELECT d.file, d.content_hash, d.fingerprint, d.status, d.title, d.date, d.error, d.warnings, d.counts,
               p.outputs, p.seconds, d.date_origin
        FROM documents d LEFT JOIN processing p ON p.file = d.file
        """;

    public DocumentRecord? Find(string file)
    {
        lock (_db.Lock)
        {
            using var cmd = _db.Command(SelectDocument + " WHERE d.file=$f", ("$f", file));
            using var r = cmd.ExecuteReader();
            return r.Read() ? Read(r) : null;
        }
    }

    /// <summary>Every recorded document, by file name.</summary>
    public IReadOnlyList<DocumentRecord> All()
    {
        lock (_db.Lock)
        {
            using var cmd = _db.Command(SelectDocument + " ORDER BY d.file");
            using var r = cmd.ExecuteReader();
            var list = new List<DocumentRecord>();
            while (r.Read()) list.Add(Read(r));
            return list;
        }
    }

    private static DocumentRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        RecordConnection.NullableString(r, 4), RecordConnection.NullableString(r, 5), RecordConnection.NullableString(r, 6),
        JsonSerializer.Deserialize(r.GetString(7), RecordJson.Default.ImmutableArrayString),
        JsonSerializer.Deserialize(r.GetString(8), RecordJson.Default.ImmutableDictionaryStringInt32)!,
        r.IsDBNull(9) ? ImmutableDictionary<string, OutputStamp>.Empty
            : JsonSerializer.Deserialize(r.GetString(9), RecordJson.Default.ImmutableDictionaryStringOutputStamp)!,
        r.IsDBNull(10) ? 0 : r.GetDouble(10))
        { DateOrigin = RecordConnection.NullableString(r, 11) };

    /// <summary>Records a processed article and everything found in it, replacing what an earlier version left.</summary>
    public void SaveSuccess(long runId, string inputDir, string contentHash, string fingerprint, Article article,
        IReadOnlyDictionary<string, OutputStamp> outputs, double seconds)
    {
        lock (_db.Lock)
        {
            using var tx = _db.Connection.BeginTransaction();
            var m = article.Metadata;
            var offsets = new TextOffsets(article.Text);
            Replace(article.Id, contentHash, fingerprint, article.Failures.IsEmpty ? RunStatus.Ok : RunStatus.Partial,
                m.Title?.Value, Date(m), m.DocumentDate?.Origin, m.Language?.Value, m.Format,
                m.Encoding, article.Failures.IsEmpty ? null : string.Join("; ", article.Failures), article.Warnings,
                EntityCounts.Of(article));
            SaveProcessing(article.Id, runId, inputDir, outputs, seconds);

            using (var cmd = _db.Command("""
                       INSERT INTO entities(file, type, start, "end", text, value, canonical, canonical_en, kind, confidence, source)
                       VALUES ($f, $t, $s, $e, $x, $v, $c, $ce, $k, $p, $src)
                       """))
            {
                var p = RecordConnection.Parameters(cmd, "$f", "$t", "$s", "$e", "$x", "$v", "$c", "$ce", "$k", "$p", "$src");
                foreach (var e in article.Entities)
                {
                    RecordConnection.Set(p, article.Id, e.Type, offsets.ToCodePoint(e.Start), offsets.ToCodePoint(e.End), e.Text,
                        e.Value, e.Canonical, e.CanonicalEn, e.Kind, e.Confidence, e.Source);
                    cmd.ExecuteNonQuery();
                }
            }
            using (var cmd = _db.Command("""
                       INSERT INTO agreements(file, canonical, canonical_en, kind, date, action, forum, parties, evidence)
                       VALUES ($f, $c, $ce, $k, $d, $a, $fo, $p, $ev)
                       """))
            {
                var p = RecordConnection.Parameters(cmd, "$f", "$c", "$ce", "$k", "$d", "$a", "$fo", "$p", "$ev");
                foreach (var a in article.Agreements)
                {
                    RecordConnection.Set(p, article.Id, a.Canonical, a.CanonicalEn, a.Kind, a.Date, a.Action, a.Forum,
                        JsonSerializer.Serialize(a.Parties, RecordJson.Default.ImmutableArrayString), a.Evidence);
                    cmd.ExecuteNonQuery();
                }
            }
            using (var cmd = _db.Command("""
                       INSERT INTO timeline(file, date, summary, sentence_start, sentence_end, organisations, agreements)
                       VALUES ($f, $d, $s, $ss, $se, $o, $a)
                       """))
            {
                var p = RecordConnection.Parameters(cmd, "$f", "$d", "$s", "$ss", "$se", "$o", "$a");
                foreach (var t in article.Timeline)
                {
                    RecordConnection.Set(p, article.Id, t.Date, t.Summary, offsets.ToCodePoint(t.Sentence.Start),
                        offsets.ToCodePoint(t.Sentence.End), JsonSerializer.Serialize(t.Organisations, RecordJson.Default.ImmutableArrayString),
                        JsonSerializer.Serialize(t.Agreements, RecordJson.Default.ImmutableArrayString));
                    cmd.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
    }

    /// <summary>The document date no more precise than its source: a day padded onto "2020-10" would be shown as a fact.</summary>
    private static string? Date(ArticleMetadata m) => m.DocumentDate is { } d ? m.DocumentDateAsWritten ?? d.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Records a failed article; whatever an earlier version found is dropped with its outputs.</summary>
    public void SaveFailure(long runId, string file, string inputDir, string contentHash, string fingerprint, string error,
        double seconds)
    {
        lock (_db.Lock)
        {
            using var tx = _db.Connection.BeginTransaction();
            Replace(file, contentHash, fingerprint, RunStatus.Failed, null, null, null, null, null, null, error, [],
                ImmutableDictionary<string, int>.Empty);
            SaveProcessing(file, runId, inputDir, new Dictionary<string, OutputStamp>(), seconds);
            tx.Commit();
        }
    }

    /// <summary>Forgets input files that are gone, with everything found in them.</summary>
    public void Delete(IEnumerable<string> files)
    {
        lock (_db.Lock)
        {
            using var tx = _db.Connection.BeginTransaction();
            foreach (var file in files) _db.Execute("DELETE FROM documents WHERE file=$f", ("$f", file));
            tx.Commit();
        }
    }

    private void Replace(string file, string contentHash, string fingerprint, string status, string? title, string? date,
        string? dateOrigin, string? language, string? format, string? encoding, string? error, IEnumerable<string> warnings,
        IReadOnlyDictionary<string, int> counts)
    {
        // Deleting the row cascades to what the previous version found and to its processing row.
        _db.Execute("DELETE FROM documents WHERE file=$f", ("$f", file));
        _db.Execute("""
            INSERT INTO documents(file, content_hash, fingerprint, status, title, date, date_origin, language, format,
                encoding, error, warnings, counts)
            VALUES ($f, $h, $fp, $st, $t, $d, $do, $l, $fm, $enc, $err, $w, $c)
            """, ("$f", file), ("$h", contentHash), ("$fp", fingerprint), ("$st", status), ("$t", title), ("$d", date),
            ("$do", dateOrigin), ("$l", language), ("$fm", format), ("$enc", encoding), ("$err", error),
            ("$w", JsonSerializer.Serialize(warnings, RecordJson.Default.IEnumerableString)),
            ("$c", JsonSerializer.Serialize(counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(), RecordJson.Default.DictionaryStringInt32)));
    }

    private void SaveProcessing(string file, long runId, string inputDir, IReadOnlyDictionary<string, OutputStamp> outputs,
        double seconds) =>
        _db.Execute("""
            INSERT INTO processing(file, run_id, processed_at, seconds, input_dir, outputs)
            VALUES ($f, $run, $at, $sec, $in, $o)
            """, ("$f", file), ("$run", runId), ("$at", DateTimeOffset.Now.ToString("O")), ("$sec", seconds),
            ("$in", inputDir), ("$o", JsonSerializer.Serialize(outputs.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(), RecordJson.Default.DictionaryStringOutputStamp)));
}
