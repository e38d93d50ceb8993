using Pipeline.Ingest;

namespace Pipeline.Running;

/// <summary>
/// Keeps the output in step with the input folder: new and changed article files are processed
/// once they have stopped changing. A FileSystemWatcher makes it react quickly; a periodic rescan
/// catches what the watcher misses (network folders, overflowing event buffers). The runner's
/// database makes sure one version (content hash) of a file is never processed twice, even across restarts.
/// </summary>
public sealed class FolderWatch(BatchRunner runner, string inputDirectory, TimeSpan settle)
{
    /// <summary>Raised after each batch (the overview and run-summary.json are already written).</summary>
    public event Action<RunSummary>? BatchCompleted;

    public void Run(IRunProgress progress, CancellationToken cancellation)
    {
        // file -> size and time as last observed, and since when it has looked like that
        var observed = new Dictionary<string, (FileStamp Stamp, DateTime Since)>(StringComparer.Ordinal);
        var handled = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal); // told once, until the reason changes
        using var changed = new AutoResetEvent(true);
        using var watcher = new FileSystemWatcher(inputDirectory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => changed.Set();
        watcher.Changed += (_, _) => changed.Set();
        watcher.Renamed += (_, _) => changed.Set();
        watcher.Deleted += (_, _) => changed.Set();
        watcher.EnableRaisingEvents = true;

        var poll = TimeSpan.FromMilliseconds(Math.Max(50, settle.TotalMilliseconds / 2));
        // Inputs deleted while nothing watched: their reports and rows go in a first batch even if nothing else changes.
        var deletions = runner.RecordsInputsGone();
        while (!cancellation.IsCancellationRequested)
        {
            var now = DateTime.UtcNow;
            var present = new HashSet<string>(StringComparer.Ordinal);
            var ready = new List<(string Path, FileStamp Stamp)>();
            var scan = runner.ScanInput();
            foreach (var refused in scan.Refused)
                if (!refusals.TryGetValue(refused.Path, out var told) || told != refused.Reason)
                {
                    refusals[refused.Path] = refused.Reason;
                    progress.Error(refused.FileName, refused.Reason);
                }
            foreach (var gone in refusals.Keys.Where(k => !scan.Refused.Any(r => r.Path == k)).ToList()) refusals.Remove(gone);
            foreach (var path in scan.Articles)
            {
                var stamp = FileStamp.Of(path);
                if (stamp is null) continue;
                present.Add(path);
                if (!observed.TryGetValue(path, out var seen) || seen.Stamp != stamp)
                    observed[path] = (stamp, now);
                // Ready when it has not changed for the settle time: a copy in progress keeps changing.
                else if (now - seen.Since >= settle && (!handled.TryGetValue(path, out var done) || done != stamp))
                    ready.Add((path, stamp));
            }
            foreach (var gone in observed.Keys.Where(k => !present.Contains(k)).ToList())
            {
                observed.Remove(gone);
                // A deleted article's reports, row and place in the overview go at once, not with the next new file.
                deletions |= handled.Remove(gone);
            }

            if (ready.Count > 0 || deletions)
            {
                deletions = false;
                var summary = runner.Run([.. ready.Select(r => r.Path)], progress, cancellation);
                foreach (var (path, stamp) in ready)
                    if (summary.Articles.Any(a => a.File == Path.GetFileName(path) && a.Status != RunStatus.Cancelled))
                        handled[path] = stamp;
                BatchCompleted?.Invoke(summary);
            }
            WaitHandle.WaitAny([changed, cancellation.WaitHandle], poll);
        }
    }
}

/// <summary>Size and modification time: cheap to read, and they change while a file is being written.</summary>
public sealed record FileStamp(long Size, DateTime WriteTimeUtc)
{
    public static FileStamp? Of(string path)
    {
        try
        {
            // What the name leads to (a symlink's target), from one stat: nothing here ever opens the file.
            var facts = UnixFiles.Stat(path);
            return facts.Kind == FileKind.Regular ? new FileStamp(facts.Size, new DateTime(facts.ModifiedTicks, DateTimeKind.Utc)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
