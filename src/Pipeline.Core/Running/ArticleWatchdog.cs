using System.Diagnostics;
using Pipeline.Configuration;

namespace Pipeline.Running;

/// <summary>
/// Keeps one article from taking the batch down with it. Each article runs on a thread of its own
/// under a cancellation token that the watchdog cancels when the article passes its time budget, when
/// the process passes its memory budget (the largest article running is stopped), or when the run is
/// stopped (Ctrl+C, SIGTERM). Stages notice the token and stop; one that does not notice within
/// <see cref="WatchdogOptions.Grace"/> is left behind on its background thread (nothing in .NET can
/// stop a thread from outside) and the batch goes on without waiting for it: the article is recorded
/// as stopped, and whatever the abandoned thread does later is never committed.
/// </summary>
public sealed class ArticleWatchdog : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CollectionInterval = TimeSpan.FromSeconds(2);
    // Articles are sequences of stages over text, not recursions over it; the room is for libraries.
    private const int ArticleThreadStack = 16 * 1024 * 1024;

    private readonly WatchdogOptions _options;
    private readonly CancellationToken _stop;
    private readonly Func<long> _memory;
    private readonly Lock _lock = new();
    private readonly List<WatchedArticle> _running = [];
    private readonly List<ManualResetEventSlim> _leftBehind = []; // the end signals of work that did not stop
    private readonly System.Collections.Concurrent.ConcurrentBag<ArticleThread> _idle = [];
    private readonly Thread _monitor;
    private readonly CancellationTokenSource _disposed = new();
    private DateTime _lastCollection = DateTime.MinValue;

    /// <param name="stop">Cancelled when the whole run is to stop.</param>
    /// <param name="memoryProbe">The process's memory in bytes (default: its resident set).</param>
    public ArticleWatchdog(WatchdogOptions options, CancellationToken stop, Func<long>? memoryProbe = null)
    {
        _options = options;
        _stop = stop;
        _memory = memoryProbe ?? ResidentBytes;
        _monitor = new Thread(Monitor) { IsBackground = true, Name = "article watchdog" };
        _monitor.Start();
    }

    public WatchdogOptions Options => _options;

    /// <summary>
    /// The backstop for an article left behind: its thread may go on allocating, and nothing can stop
    /// it from outside, so the managed heap of the whole process is capped below the memory budget
    /// (the rest of the budget is the runtime's, the models' and the report renderer's own memory).
    /// The thread that then cannot allocate (almost always the one allocating without pause) fails with
    /// OutOfMemoryException, which its article thread catches. Process-wide: only the command line
    /// sets it, never a library caller or a test host.
    /// </summary>
    public static void LimitProcessHeap(WatchdogOptions options)
    {
        if (options.MemoryBytes is not { } budget) return;
        AppContext.SetData("GCHeapHardLimit", (ulong)(budget * HeapShareOfBudget));
        GC.RefreshMemoryLimit();
    }

    /// <summary>The managed heap's share of the memory budget; measured, the rest of a run's resident memory is below a fifth.</summary>
    public const double HeapShareOfBudget = 0.8;

    /// <summary>The process's resident memory, as /usr/bin/time and the kernel's OOM killer count it.</summary>
    public static long ResidentBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for one article and returns when it has ended, or when it was stopped
    /// and did not end within the grace period. <paramref name="size"/> ranks articles for the memory budget.
    /// </summary>
    public WatchOutcome<T> Run<T>(long size, Func<CancellationToken, T> work)
    {
        var watched = new WatchedArticle(size, _stop);
        T? result = default;
        Exception? error = null;
        var done = new ManualResetEventSlim();
        var thread = _idle.TryTake(out var idle) ? idle : new ArticleThread();
        lock (_lock) _running.Add(watched);
        var ended = false;
        try
        {
            thread.Start(() =>
            {
                try
                {
                    result = work(watched.Token);
                }
                catch (Exception e)
                {
                    error = e;
                }
                finally
                {
                    done.Set();
                }
            });
            WaitForEndOrStop(done, watched.Token);
            ended = done.Wait(watched.Token.IsCancellationRequested ? _options.Grace : Timeout.InfiniteTimeSpan);
            if (!ended)
            {
                lock (_lock) _leftBehind.Add(done);
                return new WatchOutcome<T>(default, null, watched.StopReason ?? StoppedByRun, Abandoned: true);
            }
            if (error is OperationCanceledException && watched.Token.IsCancellationRequested)
                return new WatchOutcome<T>(default, null, watched.StopReason ?? StoppedByRun, Abandoned: false);
            return new WatchOutcome<T>(result, error, null, Abandoned: false);
        }
        finally
        {
            lock (_lock) _running.Remove(watched);
            // An abandoned thread still holds both: they stay undisposed for it.
            if (ended)
            {
                done.Dispose();
                watched.Dispose();
                _idle.Add(thread); // a thread left behind is never given another article
            }
            if (watched.StoppedForMemory) Collect(force: true);
        }
    }

    // Not WaitHandle.WaitAny: that makes two kernel-backed events an article, whose waits cost about
    // 40 µs of CPU each time; a slim event's wait on the token is a spin and a monitor.
    private static void WaitForEndOrStop(ManualResetEventSlim done, CancellationToken stop)
    {
        try
        {
            done.Wait(stop);
        }
        catch (OperationCanceledException)
        {
            // stopped: the caller gives it the grace period
        }
    }

    /// <summary>Why a watched article did not give a result, in the words run-summary.json and stderr use.</summary>
    public string Reason<T>(WatchOutcome<T> outcome)
    {
        if (outcome.Stopped)
            return outcome.StopReason + (outcome.Abandoned ? $" (it did not stop within {_options.Grace.TotalSeconds:0.##} s and was left behind)" : "");
        return outcome.Error switch
        {
            null => "no result",
            Stages.ArticleException e => e.Message,
            OutOfMemoryException when _options.MemoryBytes is { } budget =>
                $"stopped by the watchdog: out of memory (the process reached its memory budget of {budget / Mib:N0} MiB, pipeline.json: watchdog.memoryMiB)",
            var e => $"{e.GetType().Name}: {e.Message}",
        };
    }

    /// <summary>The reason given when the run itself was stopped (Ctrl+C, SIGTERM), not the watchdog.</summary>
    public const string StoppedByRun = "stopped with the run (Ctrl+C or SIGTERM)";

    private void Monitor()
    {
        while (!_disposed.Token.WaitHandle.WaitOne(Tick))
        {
            try
            {
                Check();
            }
            catch (OutOfMemoryException)
            {
                // The heap cap was reached: the article threads get it too and end; look again next tick.
            }
        }
    }

    private void Check()
    {
        List<WatchedArticle> running;
        bool leftBehindRunning;
        lock (_lock)
        {
            running = [.. _running.Where(w => !w.Token.IsCancellationRequested)];
            _leftBehind.RemoveAll(done => done.IsSet);
            leftBehindRunning = _leftBehind.Count > 0;
        }
        if (running.Count == 0) return;
        if (_options.ArticleTime is { } limit)
            foreach (var w in running.Where(w => w.Elapsed > limit))
                w.Stop($"stopped by the watchdog after {w.Elapsed.TotalSeconds:0.0} s: over the time budget of "
                       + $"{limit.TotalSeconds:0.#} s (pipeline.json: watchdog.articleSeconds)", memory: false);
        // Memory that work left behind holds is no running article's doing: stopping one would not free it.
        // The heap cap (LimitProcessHeap) is what ends such work when it takes too much.
        if (_options.MemoryBytes is { } budget && !leftBehindRunning)
            CheckMemory(running.Where(w => !w.Token.IsCancellationRequested).ToList(), budget);
    }

    private void CheckMemory(List<WatchedArticle> running, long budget)
    {
        if (running.Count == 0 || _memory() <= budget) return;
        // Garbage counts in the resident set too: collect it before blaming an article, at most every few seconds.
        if (DateTime.UtcNow - _lastCollection >= CollectionInterval && Collect(force: false) && _memory() <= budget) return;
        var used = _memory();
        if (used <= budget) return;
        var victim = running.OrderByDescending(w => w.Size).ThenByDescending(w => w.Elapsed).First();
        victim.Stop($"stopped by the watchdog after {victim.Elapsed.TotalSeconds:0.0} s: the process used {used / Mib:N0} MiB, "
                    + $"over the memory budget of {budget / Mib:N0} MiB (pipeline.json: watchdog.memoryMiB), and this was "
                    + "the largest article running", memory: true);
    }

    private const long Mib = 1024 * 1024;

    /// <summary>A full, compacting collection that also returns the freed memory to the system.</summary>
    private bool Collect(bool force)
    {
        lock (_lock)
        {
            if (!force && DateTime.UtcNow - _lastCollection < CollectionInterval) return false;
            _lastCollection = DateTime.UtcNow;
        }
        ManagedHeap.Compact();
        return true;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var thread)) thread.Retire();
        _disposed.Cancel();
        _monitor.Join();
        _disposed.Dispose();
    }

    /// <summary>
    /// A thread that runs one article at a time and waits for the next: starting a thread per article cost more
    /// than a short article's extraction (a new stack, cold per-thread caches). Background, so a thread whose
    /// article was left behind never keeps the process alive.
    /// </summary>
    private sealed class ArticleThread
    {
        private readonly SemaphoreSlim _go = new(0);
        private Action? _work;

        public ArticleThread() =>
            new Thread(Loop, ArticleThreadStack) { IsBackground = true, Name = "article" }.Start();

        public void Start(Action work)
        {
            _work = work;
            _go.Release();
        }

        public void Retire() => _go.Release(); // with no work: the loop ends

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                var work = Interlocked.Exchange(ref _work, null);
                if (work is null) return;
                work();
            }
        }
    }

    private sealed class WatchedArticle : IDisposable
    {
        private readonly CancellationTokenSource _cancel;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private volatile string? _reason;
        private volatile bool _forMemory;

        public WatchedArticle(long size, CancellationToken stop)
        {
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Token = _cancel.Token; // kept: the token stays readable after the source is disposed
            Size = size;
        }

        public long Size { get; }
        public TimeSpan Elapsed => _clock.Elapsed;
        public CancellationToken Token { get; }
        public string? StopReason => _reason;
        public bool StoppedForMemory => _forMemory;

        public void Stop(string reason, bool memory)
        {
            _reason ??= reason;
            _forMemory |= memory;
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // it ended meanwhile
            }
        }

        public void Dispose() => _cancel.Dispose();
    }
}

/// <summary>
/// How a watched article ended: with a result, with an error, or stopped (<see cref="StopReason"/> set);
/// <see cref="Abandoned"/> when it did not stop within the grace period and still runs in the background.
/// </summary>
public readonly record struct WatchOutcome<T>(T? Result, Exception? Error, string? StopReason, bool Abandoned)
{
    public bool Stopped => StopReason is not null;
}
