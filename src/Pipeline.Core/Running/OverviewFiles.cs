using System.Collections.Immutable;
using Pipeline.Model;
using Pipeline.Reports;

namespace Pipeline.Running;

/// <summary>
/// output/overview.&lt;format&gt;, made from the record alone (by a run and by a merge of shards alike).
/// Rewritten only when what it shows may differ: another set of documents, versions or results.
/// </summary>
public sealed class OverviewFiles(PipelineDatabase database, IReadOnlyList<IReportWriter> writers, string outputDirectory)
{
    private const string StateKey = "overview-state";
    private const string SnapshotKey = "overview-snapshot";

    /// <returns>The overview files that could not be written, with the reason.</returns>
    public ImmutableArray<string> Write(IReadOnlyCollection<string> files, string fingerprint, IRunProgress progress)
    {
        var names = writers.Select(w => w.OverviewFileName).ToList();
        var state = database.Overview.State(files, fingerprint);
        if (state == database.Runs.GetSetting(StateKey) && names.All(n => File.Exists(Path.Combine(outputDirectory, n))))
            return [];

        var overview = database.Overview.Build(files);
        overview = overview with { Changes = OverviewSnapshot.FromJson(database.Runs.GetSetting(SnapshotKey))?.Compare(overview) };
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var writer in writers)
        {
            var name = writer.OverviewFileName;
            try
            {
                AtomicFile.Write(Path.Combine(outputDirectory, name), s => writer.WriteOverview(overview, s));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var reason = $"{e.GetType().Name}: {e.Message}";
                progress.Error(name, reason);
                errors.Add($"{name}: {reason}");
            }
        }
        database.Runs.SetSetting(StateKey, errors.Count == 0 ? state : null);
        // The next overview says what changed since this one.
        if (errors.Count == 0) database.Runs.SetSetting(SnapshotKey, OverviewSnapshot.Of(overview).ToJson());
        return errors.ToImmutable();
    }
}
