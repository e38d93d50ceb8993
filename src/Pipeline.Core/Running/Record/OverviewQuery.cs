using System.Security.Cryptography;
using System.Text;
using Pipeline.Model;

namespace Pipeline.Running.Record;

/// <summary>
/// The batch overview from the record alone (no article is reprocessed): documents, organisations and
/// agreements across documents, one merged timeline. Every query is ordered, so the same record gives
/// the same overview however its rows were inserted (in parallel, or shard by shard by a merge).
/// </summary>
public sealed class OverviewQuery
{
    private readonly RecordConnection _db;
    private readonly DocumentStore _documents;

    internal OverviewQuery(RecordConnection db, DocumentStore documents)
    {
        _db = db;
        _documents = documents;
    }

    /// <summary>
    /// A hash of what the overview of <paramref name="files"/> is made from (each document's version,
    /// fingerprint and status): equal hashes, equal overviews.
    /// </summary>
    public string State(IReadOnlyCollection<string> files, string fingerprint)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder(fingerprint);
        // A fixed SOURCE_DATE_EPOCH is shown in the overview; the clock is not, or it would be rewritten every run.
        if (SourceDate.IsFixed) text.Append("\nsource-date\t").Append(SourceDate.Now().ToUnixTimeSeconds());
        lock (_db.Lock)
        {
            using var cmd = _db.Command("SELECT file, content_hash, fingerprint, status FROM documents ORDER BY file");
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (wanted.Contains(r.GetString(0)))
                    text.Append('\n').Append(r.GetString(0)).Append('\t').Append(r.GetString(1)).Append('\t')
                        .Append(r.GetString(2)).Append('\t').Append(r.GetString(3));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The batch overview of <paramref name="files"/> (the articles now in the input folder).</summary>
    public BatchOverview Build(IReadOnlyCollection<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        var documents = _documents.All().Where(d => wanted.Contains(d.File)).ToList();
        var ok = documents.Where(d => d.Status is RunStatus.Ok or RunStatus.Partial).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        lock (_db.Lock)
        {
            var orgMentions = new Dictionary<string, Tally>(StringComparer.Ordinal);
            // Per document, the rows of the overview's lists it belongs to: its counts then agree with those lists.
            var orgsOf = new Dictionary<string, HashSet<Tally>>(StringComparer.Ordinal);
            var agreementsOf = new Dictionary<string, HashSet<Tally>>(StringComparer.Ordinal);
            using (var cmd = _db.Command("""
                       SELECT file, text, canonical, canonical_en FROM entities WHERE type = 'ORG'
                       ORDER BY file, start, "end", rowid
                       """))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    var file = r.GetString(0);
                    if (!ok.Contains(file)) continue;
                    var tally = Tally.For(orgMentions, RecordConnection.NullableString(r, 2) ?? r.GetString(1), RecordConnection.NullableString(r, 3));
                    tally.Documents.Add(file);
                    Of(orgsOf, file).Add(tally);
                    tally.Mentions++;
                }

            // The agreement records as the stage made them: an article processed without that stage has none,
            // whatever agreements it mentions (they stay in its entities).
            var agreements = new Dictionary<string, Tally>(StringComparer.Ordinal);
            // rowid keeps an article's own order of records: a merge copies them in that order.
            using (var cmd = _db.Command("SELECT file, canonical, canonical_en, kind, date FROM agreements ORDER BY file, rowid"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                {
                    var file = r.GetString(0);
                    if (!ok.Contains(file)) continue;
                    var tally = Tally.For(agreements, r.GetString(1), RecordConnection.NullableString(r, 2));
                    tally.Kind ??= r.GetString(3);
                    tally.Documents.Add(file);
                    Of(agreementsOf, file).Add(tally);
                    tally.Mentions++;
                    tally.Date ??= RecordConnection.NullableString(r, 4);
                }

            var languages = new Dictionary<string, string?>(StringComparer.Ordinal);
            using (var cmd = _db.Command("SELECT file, language FROM documents"))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) languages[r.GetString(0)] = RecordConnection.NullableString(r, 1);

            var timeline = new List<OverviewTimelineEntry>();
            using (var cmd = _db.Command("SELECT date, file, summary FROM timeline ORDER BY date, file, sentence_start, rowid"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    if (ok.Contains(r.GetString(1)))
                        timeline.Add(new OverviewTimelineEntry(r.GetString(0), r.GetString(1), r.GetString(2)));

            return new BatchOverview(
                SourceDate.Now(),
                [.. documents.Select(d => new OverviewDocument(d.File, d.Title, d.Status,
                    d.Counts.GetValueOrDefault(EntityTypes.Date), orgsOf.GetValueOrDefault(d.File)?.Count ?? 0,
                    agreementsOf.GetValueOrDefault(d.File)?.Count ?? 0, d.Error)
                    { Date = d.Date, DateOrigin = d.DateOrigin, Language = languages.GetValueOrDefault(d.File), ContentHash = d.ContentHash })],
                [.. orgMentions.OrderByDescending(o => o.Value.Documents.Count).ThenByDescending(o => o.Value.Mentions)
                    .ThenBy(o => o.Key, StringComparer.Ordinal)
                    .Select(o => new OverviewOrganisation(o.Value.Name, o.Value.English, o.Value.Mentions, [.. o.Value.Documents]))],
                [.. agreements.OrderBy(a => a.Value.Date ?? "9999", StringComparer.Ordinal).ThenBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => new OverviewAgreement(a.Value.Name, a.Value.Kind!, a.Value.Date, [.. a.Value.Documents]))],
                [.. timeline]);
        }
    }

    private static HashSet<Tally> Of(Dictionary<string, HashSet<Tally>> byFile, string file)
    {
        if (!byFile.TryGetValue(file, out var set)) byFile[file] = set = [];
        return set;
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
        private static string Key(string canonical, string? english) => english ?? canonical;

        public static Tally For(Dictionary<string, Tally> tallies, string canonical, string? english)
        {
            var key = Key(canonical, english);
            if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new Tally { Name = canonical };
            tally.English ??= english;
            return tally;
        }
    }
}
