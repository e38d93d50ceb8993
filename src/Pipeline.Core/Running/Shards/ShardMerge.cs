using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Reports;
using Pipeline.Running.Record;
using Pipeline.Stages;

namespace Pipeline.Running.Shards;

/// <summary>The shards cannot be merged: each problem names the shard or the file and what to do.</summary>
public sealed class ShardMergeException(IReadOnlyList<string> problems)
    : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// `pipeline merge`: checks that every shard of the split is complete and that together they hold the
/// input folder exactly once, each file in the version it has now and made by this program and
/// configuration; then builds what a single run builds from its record: output/&lt;file&gt;/ (hard links to
/// the shards' files), output/pipeline.db, output/run-summary.json and the overview. Nothing is
/// reprocessed, so N shards and a merge give the bytes one run gives.
/// </summary>
public sealed class ShardMerge(PipelineConfig config, ArticlePipeline pipeline, IEnumerable<IReportWriter> writers, RunOptions options)
{
    private readonly IReadOnlyList<IReportWriter> _writers = ReportWriters.For(config.Reports, writers);
    private readonly InputRules _inputs = InputRules.Of(pipeline);

    public RunSummary Merge(int? shardCount, IRunProgress progress, CancellationToken cancellation = default)
    {
        var fingerprint = BatchRunner.FingerprintOf(pipeline, _writers, options);
        var scan = _inputs.Scan(config.InputDirectory);
        var shards = Check(shardCount ?? CountFromFolders(), fingerprint, scan.Articles);
        cancellation.ThrowIfCancellationRequested();

        var output = config.OutputDirectory;
        using var database = new PipelineDatabase(Path.Combine(output, PipelineDatabase.FileName));
        var runId = database.Runs.Start(RunKind.Merge, config.ConfigPath, fingerprint);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, _) in shards)
            merged.UnionWith(database.Import(folder.Database, runId));

        var gone = database.Documents.All().Select(d => d.File).Where(f => !merged.Contains(f)).ToImmutableArray();
        database.Documents.Delete(gone);
        foreach (var file in gone) ArticleOutputs.Remove(output, file);

        var records = database.Documents.All();
        var shardOf = shards.SelectMany(s => s.Manifest.Articles.Select(a => (a.File, s.Folder)))
            .ToDictionary(x => x.File, x => x.Folder, StringComparer.Ordinal);
        Parallel.ForEach(records, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs ?? config.Jobs) },
            record => PlaceOutputs(record, shardOf[record.File].Committed, output));

        // Entries no shard opened (FIFOs, devices…) are reported here as a single run reports them.
        foreach (var r in scan.Refused) progress.Error(r.FileName, r.Reason);
        var overviewErrors = new OverviewFiles(database, _writers, output).Write(merged, fingerprint, progress);
        var results = records.Select(r => new ArticleResult(r.File, r.Status, r.Counts, r.Error, r.Warnings, r.Seconds))
            .Concat(scan.Refused.Select(ArticleResult.Refusal)).OrderBy(a => a.File, StringComparer.Ordinal);
        var summary = new RunSummary(shards.Min(s => s.Manifest.Started), DateTimeOffset.Now, config.ConfigPath,
            config.InputDirectory, output, [.. results], false, overviewErrors)
        {
            Deleted = gone,
            Shards = [.. shards.Select(s => new ShardTiming(s.Folder.Shard.FolderName, s.Manifest.Started, s.Manifest.Ended,
                s.Manifest.Articles.Count, s.Manifest.Articles.Count(a => a.Status == RunStatus.Failed)))],
        };
        AtomicFile.WriteText(Path.Combine(output, RunSummary.FileName), summary.ToJson());
        database.Runs.Finish(runId, summary);
        return summary;
    }

    /// <summary>output/&lt;file&gt;/ holds exactly the outputs the shard recorded for the article (none for a failed one).</summary>
    private static void PlaceOutputs(DocumentRecord record, string shardFolder, string output)
    {
        if (record.Outputs.IsEmpty)
        {
            ArticleOutputs.Remove(output, record.File);
            return;
        }
        foreach (var name in record.Outputs.Keys.Order(StringComparer.Ordinal))
            FileLinks.Place(Path.Combine(shardFolder, record.File, name), Path.Combine(output, record.File, name));
        foreach (var stale in ArticleOutputs.AllNames.Except(record.Outputs.Keys))
            AtomicFile.TryDelete(Path.Combine(output, record.File, stale));
    }

    /// <summary>The split the shard folders were made for, when --shard-count does not say.</summary>
    private int CountFromFolders()
    {
        var root = ShardFolder.RootOf(config.OutputDirectory);
        var counts = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(d => ShardSpec.Parse(Path.GetFileName(d).Replace(ShardFolder.RunningSuffix, "")))
                .OfType<ShardSpec>().Select(s => s.Count).Distinct().Order().ToList()
            : [];
        return counts.Count switch
        {
            0 => throw new ShardMergeException([$"no shards in {root}: run `pipeline run --shard-index I --shard-count N` " +
                                                "for every I from 0 to N-1 first"]),
            1 => counts[0],
            _ => throw new ShardMergeException([$"{root} holds shards of {counts.Count} different splits " +
                                                $"({string.Join(", ", counts.Select(c => $"{c} shards"))}): pass --shard-count N"]),
        };
    }

    /// <summary>Every problem at once, each naming the shard or file, so one look tells what to rerun.</summary>
    private List<(ShardFolder Folder, ShardManifest Manifest)> Check(int count, string fingerprint, IReadOnlyList<string> articles)
    {
        var problems = new List<string>();
        var shards = new List<(ShardFolder, ShardManifest)>();
        for (var i = 0; i < count; i++)
        {
            var folder = new ShardFolder(config.OutputDirectory, new ShardSpec(i, count));
            ShardManifest? manifest;
            try
            {
                manifest = folder.ReadManifest();
            }
            catch (InvalidDataException e)
            {
                problems.Add($"{folder.Shard}: {e.Message}: rerun it");
                continue;
            }
            if (manifest is null)
            {
                problems.Add(Directory.Exists(folder.Running)
                    ? $"{folder.Shard} is not complete ({folder.Running} was started and never finished): rerun it"
                    : $"{folder.Shard} is missing (no {folder.Committed}): run it");
                continue;
            }
            if (manifest.Shard != folder.Shard)
                problems.Add($"{folder.Committed} holds {manifest.Shard}, not {folder.Shard}: a mismatched shard; rerun {folder.Shard}");
            else if (manifest.Fingerprint != fingerprint)
                problems.Add($"{folder.Shard} was made by another configuration or program version than this merge: " +
                             "rerun it, or merge with the configuration and program the shards used");
            else shards.Add((folder, manifest));
        }

        var inputs = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        Parallel.ForEach(articles, path => inputs[Path.GetFileName(path)] = _inputs.RecordedHash(path));

        var owner = new Dictionary<string, ShardSpec>(StringComparer.Ordinal);
        foreach (var (folder, manifest) in shards)
            foreach (var article in manifest.Articles)
            {
                if (owner.TryGetValue(article.File, out var other))
                {
                    problems.Add($"{article.File} is in two shards, {other} and {folder.Shard}: rerun both");
                    continue;
                }
                owner[article.File] = folder.Shard;
                if (!inputs.TryGetValue(article.File, out var hash) || hash is null)
                    problems.Add($"{folder.Shard} holds {article.File}, which is no longer in the input folder: rerun {folder.Shard}");
                else if (!folder.Shard.Contains(article.File))
                    problems.Add($"{folder.Shard} holds {article.File}, which belongs to shard {ShardSpec.Of(article.File, count)}: " +
                                 $"a mismatched shard; rerun {folder.Shard}");
                else if (hash != article.ContentHash)
                    problems.Add($"{article.File} changed after {folder.Shard} read it: rerun {folder.Shard}");
            }
        var complete = shards.Select(s => s.Item1.Shard).ToHashSet();
        foreach (var file in inputs.Keys.Order(StringComparer.Ordinal))
        {
            var shard = new ShardSpec(ShardSpec.Of(file, count), count);
            if (!owner.ContainsKey(file) && complete.Contains(shard))
                problems.Add($"{file} is in no shard (it arrived after {shard} ran): rerun {shard}");
        }
        if (problems.Count > 0) throw new ShardMergeException(problems);
        return shards;
    }
}
