using Pipeline.Configuration;
using Pipeline.Reports;
using Pipeline.Stages;

namespace Pipeline.Running.Shards;

/// <summary>What running one shard came to.</summary>
/// <param name="Summary">The shard's run; null when it was already complete and nothing was done.</param>
public sealed record ShardOutcome(ShardSpec Shard, RunSummary? Summary, int Articles, string Folder);

/// <summary>
/// Runs one shard: its articles (<see cref="ShardSpec.Contains"/>) into output/shards/I-of-N.running/ with
/// the batch runner (its own record, outputs and run summary, no overview), then writes shard.json and
/// renames the folder to I-of-N/: a shard is either complete or visibly not. A complete shard whose
/// input, configuration and program are unchanged is left alone; a killed one is finished where it
/// stopped (its record skips what was done); a second process on the same shard waits for the first and
/// then finds it complete. Scheduling is the scheduler's: this only makes any order of runs safe.
/// </summary>
public sealed class ShardRunner(PipelineConfig config, ArticlePipeline pipeline, IEnumerable<IReportWriter> writers, RunOptions options)
{
    private readonly InputRules _inputs = InputRules.Of(pipeline);

    public ShardOutcome Run(ShardSpec shard, IRunProgress progress, TextWriter log, CancellationToken cancellation = default)
    {
        var folder = new ShardFolder(config.OutputDirectory, shard);
        Directory.CreateDirectory(ShardFolder.RootOf(config.OutputDirectory));
        // Only one process works on a shard at a time: a second copy of one index waits for the first.
        using var exclusive = ExclusiveLock.Wait(folder.LockFile,
            () => log.WriteLine($"pipeline: {folder.Shard} is being run by another process; waiting for it to finish"), cancellation);

        var fingerprint = BatchRunner.FingerprintOf(pipeline, ReportWriters.For(config.Reports, writers), options);
        if (!options.Force && UpToDate(folder, fingerprint) is { } articles)
            return new ShardOutcome(shard, null, articles, folder.Committed);

        // A committed shard whose input changed is reopened and updated incrementally, like an output folder.
        if (Directory.Exists(folder.Committed))
        {
            if (Directory.Exists(folder.Running)) Directory.Delete(folder.Running, recursive: true);
            Directory.Move(folder.Committed, folder.Running);
        }
        AtomicFile.TryDelete(Path.Combine(folder.Running, ShardManifest.FileName));

        var started = DateTimeOffset.Now;
        RunSummary summary;
        ShardManifest manifest;
        using (var runner = new BatchRunner(config with { OutputDirectory = folder.Running }, pipeline, writers,
                   options with { Shard = shard, WriteOverview = false }))
        {
            summary = runner.Run(progress, cancellation);
            if (summary.Cancelled) return new ShardOutcome(shard, summary, summary.Articles.Length, folder.Running);
            manifest = new ShardManifest(shard.Index, shard.Count, runner.Fingerprint, started, DateTimeOffset.Now,
                [.. runner.Database.Documents.All().Select(d => new ShardArticle(d.File, d.ContentHash, d.Status))]);
        }
        // Last: the manifest, then the rename that makes the shard complete.
        AtomicFile.WriteText(Path.Combine(folder.Running, ShardManifest.FileName), manifest.ToJson());
        Directory.Move(folder.Running, folder.Committed);
        return new ShardOutcome(shard, summary with { OutputDirectory = folder.Committed }, summary.Articles.Length, folder.Committed);
    }

    /// <summary>The number of articles when the committed shard holds exactly this input, program and configuration; else null.</summary>
    private int? UpToDate(ShardFolder folder, string fingerprint)
    {
        ShardManifest? manifest;
        try
        {
            manifest = folder.ReadManifest();
        }
        catch (InvalidDataException)
        {
            return null; // rewritten by this run
        }
        if (manifest is null || manifest.Fingerprint != fingerprint || manifest.Shard != folder.Shard) return null;
        var recorded = manifest.Articles.ToDictionary(a => a.File, a => a.ContentHash, StringComparer.Ordinal);
        var files = _inputs.Scan(config.InputDirectory, folder.Shard).Articles;
        if (files.Count != recorded.Count) return null;
        foreach (var path in files)
        {
            if (!recorded.TryGetValue(Path.GetFileName(path), out var hash) || _inputs.RecordedHash(path) != hash) return null;
        }
        return files.Count;
    }
}
