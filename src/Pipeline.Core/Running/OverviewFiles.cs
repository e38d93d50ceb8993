using System.Collections.Immutable;
using Pipeline.Model;
using Pipeline.Reports;

namespace Pipeline.Running;

/// <summary>
/// output/overview.&lt;format&gt;, made from the record alone (by a run and by a merge of shards alike).
/// Rewritten only when what it shows may differ: another set of documents, versions or results.
/// </summary>
/// <param name="jobs">formats drawn at once (the overview is all that is left to do after a run's articles).</param>
public sealed class OverviewFiles(PipelineDatabase database, IReadOnlyList<IReportWriter> writers, string outputDirectory, int jobs = 1)
{
    // An overview of thousands of documents takes a few hundred MB to draw (the DOCX one most): those are drawn one
    // format after another.
    private const int LargeOverview = 1000;

    private const string StateKey = "overview-state";
    private const string SnapshotKey = "overview-snapshot";

    private static void ReleaseMemory()
    {
        ManagedHeap.Compact();
        NativeHeap.Trim();
    }

    /// <returns>The overview files that could not be written, with the reason.</returns>
    public ImmutableArray<string> Write(IReadOnlyCollection<string> files, string fingerprint, IRunProgress progress)
    {
        var names = writers.Select(w => w.OverviewFileName).ToList();
        // An overview in a format no longer configured would show an older batch beside the current one.
        foreach (var stale in Ingest.ArticleFiles.ReservedNames.Except(names)) AtomicFile.TryDelete(Path.Combine(outputDirectory, stale));
        var state = database.Overview.State(files, fingerprint);
        if (state == database.Runs.GetSetting(StateKey) && names.All(n => File.Exists(Path.Combine(outputDirectory, n))))
            return [];

        var overview = database.Overview.Build(files);
        overview = overview with { Changes = OverviewSnapshot.FromJson(database.Runs.GetSetting(SnapshotKey))?.Compare(overview) };
        var failures = new string?[writers.Count];
        var large = overview.Documents.Length > LargeOverview;
        var atOnce = large ? 1 : Math.Max(1, jobs);
        Parallel.For(0, writers.Count, new ParallelOptions { MaxDegreeOfParallelism = atOnce }, i =>
        {
            // What the previous format left is garbage now: collected and given back before the next one draws, so
            // the peak is one format's, not the sum of their leftovers (10,000 documents: 805 → 576 MB for the run).
            if (large && i > 0) ReleaseMemory();
            var writer = writers[i];
            var name = writer.OverviewFileName;
            try
            {
                AtomicFile.Write(Path.Combine(outputDirectory, name), s => writer.WriteOverview(overview, s));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var reason = $"{e.GetType().Name}: {e.Message}";
                progress.Error(name, reason);
                failures[i] = $"{name}: {reason}";
            }
        });
        if (large) ReleaseMemory();
        var errors = failures.OfType<string>().ToImmutableArray();
        database.Runs.SetSetting(StateKey, errors.Length == 0 ? state : null);
        // The next overview says what changed since this one.
        if (errors.Length == 0) database.Runs.SetSetting(SnapshotKey, OverviewSnapshot.Of(overview).ToJson());
        return errors;
    }
}
