using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using Pipeline.Configuration;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Output;
using Pipeline.Reports;
using Pipeline.Running.Shards;
using Pipeline.Stages;

namespace Pipeline.Running;

/// <summary>
/// Runs the pipeline over the input folder: output/&lt;file&gt;/entities.json and one briefing per
/// report format, output/overview.*, output/run-summary.json and output/pipeline.db.
/// Articles run in parallel and independently (one failing never stops the others); every
/// output file is written atomically; an article whose content, sidecar, configuration, code
/// and outputs are unchanged since its last successful run is skipped. Inputs are only read; an input
/// that is gone takes its outputs and its record with it. With <see cref="RunOptions.Shard"/> it runs one
/// shard's articles into that shard's own folder (see <see cref="ShardRunner"/>).
/// </summary>
public sealed class BatchRunner : IDisposable
{
    public const string EntitiesFile = "entities.json";
    public const string BriefingName = "briefing";
    public const string OverviewName = "overview";
    public const string LockFileName = ".pipeline.lock";

    private readonly PipelineConfig _config;
    private readonly ArticlePipeline _pipeline;
    private readonly IReadOnlyList<IReportWriter> _writers;
    private readonly RunOptions _options;
    private readonly PipelineDatabase _database;

    public BatchRunner(PipelineConfig config, ArticlePipeline pipeline, IEnumerable<IReportWriter> writers, RunOptions options)
    {
        _config = config;
        _pipeline = pipeline;
        _writers = ReportWriters.For(config.Reports, writers);
        _options = options;
        Fingerprint = FingerprintOf(pipeline, _writers, options);
        _database = OpenOutput(config.OutputDirectory);
        _overview = new OverviewFiles(_database, _writers, config.OutputDirectory, Jobs);
        _inputs = InputRules.Of(pipeline);
    }

    private readonly InputRules _inputs;

    private readonly OverviewFiles _overview;

    /// <summary>What decides every article's results besides the article (see <see cref="PipelineFingerprint"/>).</summary>
    public static string FingerprintOf(ArticlePipeline pipeline, IReadOnlyList<IReportWriter> writers, RunOptions options) =>
        PipelineFingerprint.Compute(pipeline, writers, options.ExtraFingerprint);

    public string Fingerprint { get; }

    /// <summary>The output folder and its database: a folder that cannot be made is the user's to fix, not a crash.</summary>
    private static PipelineDatabase OpenOutput(string folder)
    {
        try
        {
            if (File.Exists(folder)) throw new ConfigException($"output folder {folder} is a file");
            Directory.CreateDirectory(folder);
            return new PipelineDatabase(Path.Combine(folder, PipelineDatabase.FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new ConfigException($"output folder {folder} cannot be used: {e.Message}");
        }
    }

    public PipelineDatabase Database => _database;

    private int Jobs => Math.Max(1, _options.Jobs ?? _config.Jobs);

    /// <summary>The article files of the input folder now (of this shard's, when the run is one shard) that may be read.</summary>
    public IReadOnlyList<string> InputFiles() => ScanInput().Articles;

    /// <summary>
    /// The input folder now (this shard's part of it): the article files to read and the entries refused
    /// unopened (FIFOs, devices…).
    /// </summary>
    public InputScan ScanInput() => _inputs.Scan(_config.InputDirectory, _options.Shard);

    /// <summary>Every article of the input folder, then the overview and the run summary.</summary>
    public RunSummary Run(IRunProgress progress, CancellationToken cancellation = default)
    {
        _pipeline.WarmUpInBackground();
        var scan = ScanInput();
        return Run(scan.Articles, progress, cancellation, scan.Refused);
    }

    /// <summary>
    /// The given article files (of the input folder), then the overview and the run summary;
    /// <paramref name="refused"/> are entries of the folder that were not opened, listed with their reason.
    /// </summary>
    public RunSummary Run(IReadOnlyList<string> files, IRunProgress progress, CancellationToken cancellation = default,
        IReadOnlyList<RefusedFile>? refused = null)
    {
        // Two runs writing one output folder would process every article twice and remove each other's temporary files.
        using var exclusive = ExclusiveLock.Wait(Path.Combine(_config.OutputDirectory, LockFileName),
            () => progress.Error(LockFileName, $"another run is writing to {_config.OutputDirectory}; waiting for it to finish"), cancellation,
            removeWhenDone: true);
        var started = DateTimeOffset.Now;
        // A killed run, or an article left behind by the watchdog, can have left temporary files.
        AtomicFile.RemoveLeftovers(_config.OutputDirectory);
        var runId = _database.Runs.Start(_options.Shard is null ? Record.RunKind.Run : Record.RunKind.Shard, _config.ConfigPath, Fingerprint);
        // One query for all: per-article look-ups would serialise the workers on the connection.
        var previous = _database.Documents.All().ToDictionary(d => d.File, StringComparer.Ordinal);
        var results = new ArticleResult[files.Count];
        refused ??= [];
        progress.Begin(files.Count + refused.Count);
        foreach (var r in refused)
        {
            progress.Error(r.FileName, r.Reason);
            progress.Done(ArticleResult.Refusal(r));
        }
        using (var watchdog = new ArticleWatchdog(_config.Watchdog, cancellation))
        {
            var hashes = new string[files.Count];
            var clocks = new long[files.Count];
            watchdog.ForEach(files.Count, Jobs, i => UnixFiles.Stat(files[i]).Size,
                (i, token) =>
                {
                    clocks[i] = Stopwatch.GetTimestamp();
                    cancellation.ThrowIfCancellationRequested();
                    return ProcessOne(files[i], runId, previous, progress, token, clocks[i], ref hashes[i]);
                },
                (i, outcome) =>
                {
                    results[i] = Result(files[i], outcome, hashes[i] ?? "", Stopwatch.GetElapsedTime(clocks[i]), runId, progress, watchdog, cancellation);
                    progress.Done(results[i]);
                });
        }

        // The articles' files were staged without a flush each: one flush of the file system makes them all durable.
        if (results.Any(r => r.Status is RunStatus.Ok or RunStatus.Partial)) AtomicFile.FlushFileSystem(_config.OutputDirectory);
        // What the articles' reports freed in the C heap goes back before the overview draws the whole batch.
        NativeHeap.Trim();
        var deleted = cancellation.IsCancellationRequested ? [] : ForgetDeletedInputs();
        var overviewErrors = cancellation.IsCancellationRequested || !_options.WriteOverview ? [] : WriteOverview(progress);
        progress.End();
        var all = refused.Select(ArticleResult.Refusal)
            .Concat(results).OrderBy(a => a.File, StringComparer.Ordinal);
        var summary = new RunSummary(started, DateTimeOffset.Now, _config.ConfigPath, _config.InputDirectory,
            _config.OutputDirectory, [.. all], cancellation.IsCancellationRequested, overviewErrors) { Deleted = deleted };
        AtomicFile.WriteText(Path.Combine(_config.OutputDirectory, RunSummary.FileName), summary.ToJson());
        _database.Runs.Finish(runId, summary);
        return summary;
    }

    /// <summary>
    /// Inputs recorded earlier and gone now: their outputs (output/&lt;file&gt;/) and their rows are removed,
    /// so the output folder and the record describe the input folder as it is.
    /// </summary>
    private ImmutableArray<string> ForgetDeletedInputs()
    {
        var gone = RecordedInputsGone();
        foreach (var file in gone) ArticleOutputs.Remove(_config.OutputDirectory, file);
        _database.Documents.Delete(gone);
        return gone;
    }

    /// <summary>Whether the record holds articles whose input file is no longer there (the next run removes them).</summary>
    public bool RecordsInputsGone() => !RecordedInputsGone().IsEmpty;

    private ImmutableArray<string> RecordedInputsGone()
    {
        var present = InputFiles().Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal);
        return _database.Documents.All().Select(d => d.File).Where(f => !present.Contains(f)).ToImmutableArray();
    }

    /// <summary>output/overview.&lt;format&gt; for every article now in the input folder (see <see cref="OverviewFiles"/>).</summary>
    public ImmutableArray<string> WriteOverview(IRunProgress progress) =>
        _overview.Write(InputFiles().Select(f => Path.GetFileName(f)!).ToList(), Fingerprint, progress);

    /// <summary>
    /// One article, on its own thread under the watchdog: hashed, skipped if unchanged, processed and written.
    /// </summary>
    /// <param name="started">when the article was taken (a Stopwatch timestamp): its time, ended or failed, counts from there.</param>
    private ArticleResult ProcessOne(string path, long runId, IReadOnlyDictionary<string, DocumentRecord> previousRecords,
        IRunProgress progress, CancellationToken token, long started, ref string hash)
    {
        var file = Path.GetFileName(path);
        double Seconds() => Stopwatch.GetElapsedTime(started).TotalSeconds;
        hash = _inputs.ContentHash(path, token);
        if (!_options.Force && previousRecords.TryGetValue(file, out var previous) && Unchanged(previous, hash))
            return new ArticleResult(file, RunStatus.Skipped, previous.Counts, previous.Error, previous.Warnings,
                Seconds());

        token.ThrowIfCancellationRequested();
        PrepareWritersOnce();
        var article = _pipeline.ProcessFile(path, token);
        // Last point to abandon the article: once its files are being written they are all written.
        token.ThrowIfCancellationRequested();
        var outputs = WriteOutputs(article, token);
        _database.Documents.SaveSuccess(runId, _config.InputDirectory, hash, Fingerprint, article, outputs, Seconds());
        foreach (var failure in article.Failures) progress.Error(file, failure.ToString());
        return new ArticleResult(file, article.Failures.IsEmpty ? RunStatus.Ok : RunStatus.Partial, EntityCounts.Of(article),
            article.Failures.IsEmpty ? null : string.Join("; ", article.Failures), article.Warnings, Seconds());
    }

    /// <summary>Whatever ended an article (its result, an error, a budget, the run stopping) as its result.</summary>
    private ArticleResult Result(string path, WatchOutcome<ArticleResult> outcome, string hash, TimeSpan elapsed, long runId,
        IRunProgress progress, ArticleWatchdog watchdog, CancellationToken cancellation)
    {
        var file = Path.GetFileName(path);
        // Work left behind may be drawing a report: what it has staged goes now, and it never commits.
        if (outcome.Abandoned) AtomicFile.RemoveLeftovers(ArticleFolder(file));
        if (cancellation.IsCancellationRequested && (outcome.Stopped || outcome.Error is OperationCanceledException))
            return NotRun(file);
        if (outcome.Error is null && !outcome.Stopped) return outcome.Result!;

        var reason = watchdog.Reason(outcome);
        progress.Error(file, reason);
        RemoveOutputs(file);
        _database.Documents.SaveFailure(runId, file, _config.InputDirectory, hash, Fingerprint, reason, elapsed.TotalSeconds);
        return new ArticleResult(file, RunStatus.Failed, ImmutableDictionary<string, int>.Empty, reason, [], elapsed.TotalSeconds);
    }

    private int _writersPrepared;

    /// <summary>
    /// When the first article is to be processed, the report writers load their fonts and fixed parts on other
    /// threads, beside its extraction, instead of in front of its briefings (half a second, and every worker waited
    /// for it). A run whose articles are all unchanged never pays for it. A failure here is not lost: the writer
    /// meets it again in the first briefing, which fails with the reason.
    /// </summary>
    private void PrepareWritersOnce()
    {
        if (Interlocked.Exchange(ref _writersPrepared, 1) == 1) return;
        foreach (var writer in _writers)
            Task.Run(writer.Prepare).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    private static ArticleResult NotRun(string path) =>
        new(Path.GetFileName(path), RunStatus.Cancelled, ImmutableDictionary<string, int>.Empty, null, [], 0);

    private bool Unchanged(DocumentRecord previous, string hash)
    {
        if (previous.ContentHash != hash || previous.Fingerprint != Fingerprint) return false;
        if (previous.Status is RunStatus.Failed or RunStatus.Partial && _options.RetryFailed) return false;
        if (previous.Status == RunStatus.Failed) return true;
        var dir = ArticleFolder(previous.File);
        var expected = ArticleOutputs.Names(_writers).ToHashSet();
        return previous.Outputs.Count == expected.Count
               && previous.Outputs.All(o => expected.Contains(o.Key) && OutputStamp.Of(Path.Combine(dir, o.Key)) == o.Value);
    }

    // Where the file system can be flushed at once, the batch's files are flushed together at its end.
    private static bool FlushEach => !AtomicFile.CanFlushFileSystem;

    private string ArticleFolder(string file) => Path.Combine(_config.OutputDirectory, file);

    /// <summary>
    /// Stages every file of the article first and renames them only when all were written, so a
    /// writer that fails leaves the previous outputs (or none), never a mix.
    /// </summary>
    private Dictionary<string, OutputStamp> WriteOutputs(Article article, CancellationToken cancellation)
    {
        var dir = ArticleFolder(article.Id);
        var staged = new List<(string Temp, string Final)>();
        try
        {
            var json = ArticleJson.Serialize(article);
            staged.Add((AtomicFile.Stage(Path.Combine(dir, EntitiesFile), s =>
            {
                using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
                w.Write(json);
            }, FlushEach), Path.Combine(dir, EntitiesFile)));
            foreach (var writer in _writers)
            {
                cancellation.ThrowIfCancellationRequested();
                var final = Path.Combine(dir, $"{BriefingName}.{writer.Format}");
                try
                {
                    staged.Add((AtomicFile.Stage(final, s => writer.Write(article, s), FlushEach), final));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new ArticleException($"{writer.Format} briefing failed: {e.GetType().Name}: {e.Message}", e);
                }
            }
            // An article the watchdog stopped while its reports were drawn commits nothing.
            cancellation.ThrowIfCancellationRequested();
        }
        catch
        {
            foreach (var (temp, _) in staged) AtomicFile.TryDelete(temp);
            throw;
        }
        var stamps = new Dictionary<string, OutputStamp>();
        foreach (var (temp, final) in staged)
        {
            AtomicFile.Commit(temp, final);
            stamps[Path.GetFileName(final)] = OutputStamp.Of(final)!;
        }
        // A format no longer configured leaves no briefing that describes an older version of the article.
        foreach (var stale in ArticleOutputs.AllNames.Where(n => !stamps.ContainsKey(n))) AtomicFile.TryDelete(Path.Combine(dir, stale));
        return stamps;
    }

    /// <summary>A failed article keeps no outputs from an earlier version: they would describe other text.</summary>
    private void RemoveOutputs(string file) => ArticleOutputs.Remove(_config.OutputDirectory, file, removeFolder: false);

    public void Dispose() => _database.Dispose();
}
