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
    private readonly List<WatchedArticle> _leftBehind = []; // work that did not stop, until it ends
    private readonly System.Collections.Concurrent.ConcurrentBag<ArticleThread> _idle = [];
    private readonly Thread _monitor;
    private readonly CancellationTokenSource _disposed = new();
    private DateTime _lastCollection = DateTime.MinValue;
    private long _runStoppedAt; // Stopwatch timestamp of the run's stop, 0 before
    private readonly CancellationTokenRegistration _runStop;

    /// <param name="stop">Cancelled when the whole run is to stop.</param>
    /// <param name="memoryProbe">The process's memory in bytes (default: its resident set).</param>
    public ArticleWatchdog(WatchdogOptions options, CancellationToken stop, Func<long>? memoryProbe = null)
    {
        _options = options;
        _stop = stop;
        _memory = memoryProbe ?? ResidentBytes;
        _runStop = stop.Register(() => Interlocked.CompareExchange(ref _runStoppedAt, Stopwatch.GetTimestamp(), 0));
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
        var watched = new WatchedArticle(() => size, _stop);
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
                    watched.MarkEnded();
                    done.Set();
                }
            });
            WaitForEndOrStop(done, watched.Token);
            ended = done.Wait(watched.Token.IsCancellationRequested ? _options.Grace : Timeout.InfiniteTimeSpan);
            if (!ended)
            {
                lock (_lock) _leftBehind.Add(watched);
                return LeftBehind<T>(watched);
            }
            return Ended(watched, result, error);
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

    private static WatchOutcome<T> Ended<T>(WatchedArticle watched, T? result, Exception? error) =>
        error is OperationCanceledException && watched.Token.IsCancellationRequested
            ? new WatchOutcome<T>(default, null, watched.StopReason ?? StoppedByRun, Abandoned: false)
            : new WatchOutcome<T>(result, error, null, Abandoned: false);

    private static WatchOutcome<T> LeftBehind<T>(WatchedArticle watched) =>
        new(default, null, watched.StopReason ?? StoppedByRun, Abandoned: true);

    /// <summary>
    /// Runs <paramref name="work"/> for the articles 0 … <paramref name="count"/> − 1 on <paramref name="workers"/>
    /// article threads that each take the next article when one is done, every article watched as by
    /// <see cref="Run{T}"/>, and hands each outcome to <paramref name="finish"/> (on a worker thread; the same
    /// article never twice). Returns when every article has its outcome. An article left behind is given up by the
    /// watchdog's monitor, whose new worker reports it and goes on with the rest in its place; its old thread never
    /// takes another article. Unlike <see cref="Run{T}"/> for each article from a caller's thread, the article runs
    /// on the thread that took it: no hand-over and wait for every article (measured: a tenth of a run's context
    /// switches, 5–7 % of its wall time on 200 short articles).
    /// </summary>
    /// <param name="size">An article's size, to rank articles for the memory budget.</param>
    /// <exception cref="Exception">The first exception that <paramref name="finish"/> threw: no article is
    /// started after it.</exception>
    public void ForEach<T>(int count, int workers, Func<int, long> size, Func<int, CancellationToken, T> work,
        Action<int, WatchOutcome<T>> finish)
    {
        if (count <= 0) return;
        var batch = new Batch<T>(this, count, size, work, finish);
        batch.Start(workers);
        batch.Wait();
    }

    private interface IAbandonable
    {
        /// <summary>Called by the monitor, once, for an article of a batch that did not stop within the grace period.</summary>
        void Abandon(WatchedArticle watched);
    }

    private sealed class Batch<T>(ArticleWatchdog owner, int count, Func<int, long> size, Func<int, CancellationToken, T> work,
        Action<int, WatchOutcome<T>> finish) : IAbandonable
    {
        private readonly ManualResetEventSlim _done = new();
        private int _next = -1;
        private int _remaining;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;

        public void Start(int workers)
        {
            _remaining = count;
            for (var w = 0; w < Math.Clamp(workers, 1, count); w++) StartWorker(abandoned: null);
        }

        private void StartWorker((int Index, WatchedArticle Watched)? abandoned) =>
            new Thread(() => Loop(abandoned), ArticleThreadStack) { IsBackground = true, Name = "article" }.Start();

        public void Abandon(WatchedArticle watched) => StartWorker((watched.Index, watched));

        public void Wait()
        {
            _done.Wait();
            _failure?.Throw();
        }

        private void Loop((int Index, WatchedArticle Watched)? abandoned)
        {
            if (abandoned is var (index, left)) Finish(index, LeftBehind<T>(left));
            while (Volatile.Read(ref _failure) is null)
            {
                var i = Interlocked.Increment(ref _next);
                if (i >= count) return;
                var watched = new WatchedArticle(() => SizeOf(i), owner._stop) { Index = i, Batch = this };
                lock (owner._lock) owner._running.Add(watched);
                T? result = default;
                Exception? error = null;
                try
                {
                    result = work(i, watched.Token);
                }
                catch (Exception e)
                {
                    error = e;
                }
                if (!owner.EndOfBatchArticle(watched)) return; // given up meanwhile: reported by the worker started in its place
                var outcome = Ended(watched, result, error);
                var stoppedForMemory = watched.StoppedForMemory;
                watched.Dispose();
                if (stoppedForMemory) owner.Collect(force: true);
                Finish(i, outcome);
            }
        }

        // Only a ranking for the memory budget: a file that vanished or cannot be looked at is the article's own
        // failure to report, never the worker's end.
        private long SizeOf(int index)
        {
            try
            {
                return size(index);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }

        private void Finish(int index, WatchOutcome<T> outcome)
        {
            try
            {
                finish(index, outcome);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e), null);
                _done.Set();
                return;
            }
            if (Interlocked.Decrement(ref _remaining) == 0) _done.Set();
        }
    }

    /// <returns>false when the monitor gave the article up before it ended.</returns>
    private bool EndOfBatchArticle(WatchedArticle watched)
    {
        lock (_lock)
        {
            watched.MarkEnded();
            if (watched.Abandoned) return false;
            _running.Remove(watched);
            return true;
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
        List<WatchedArticle> givenUp = [];
        lock (_lock)
        {
            _leftBehind.RemoveAll(w => w.HasEnded);
            // An article of a batch that was stopped and has not ended within the grace period is given up here:
            // no caller's thread waits for it.
            foreach (var w in _running.Where(w => w.Batch is not null && w.Token.IsCancellationRequested))
                if (w.StoppedFor(_options.Grace, Interlocked.Read(ref _runStoppedAt)))
                {
                    w.Abandoned = true;
                    givenUp.Add(w);
                }
            foreach (var w in givenUp)
            {
                _running.Remove(w);
                _leftBehind.Add(w);
            }
            running = [.. _running.Where(w => !w.Token.IsCancellationRequested)];
            leftBehindRunning = _leftBehind.Count > 0;
        }
        foreach (var w in givenUp) w.Batch!.Abandon(w);
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
        _runStop.Dispose();
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

        // The size only ranks articles when the memory budget is passed: looked up then, not for every article.
        private readonly Func<long> _size;
        private long? _knownSize;

        public WatchedArticle(Func<long> size, CancellationToken stop)
        {
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Token = _cancel.Token; // kept: the token stays readable after the source is disposed
            _size = size;
        }

        public long Size => _knownSize ??= _size();
        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>For an article of a batch: its index, and the batch that reports it if it is given up.</summary>
        public int Index { get; init; }
        public IAbandonable? Batch { get; init; }
        public bool Abandoned { get; set; } // under the watchdog's lock

        private volatile bool _ended;
        public bool HasEnded => _ended;
        public void MarkEnded() => _ended = true;

        private long _stoppedAt; // Stopwatch timestamp of the watchdog's stop, 0 before

        /// <summary>True when the article was stopped (by the watchdog, or with the run at <paramref name="runStoppedAt"/>) more than <paramref name="grace"/> ago.</summary>
        public bool StoppedFor(TimeSpan grace, long runStoppedAt)
        {
            var since = Interlocked.Read(ref _stoppedAt) is var own and not 0 ? own : runStoppedAt;
            return since != 0 && Stopwatch.GetElapsedTime(since) > grace;
        }
        public CancellationToken Token { get; }
        public string? StopReason => _reason;
        public bool StoppedForMemory => _forMemory;

        public void Stop(string reason, bool memory)
        {
            _reason ??= reason;
            _forMemory |= memory;
            Interlocked.CompareExchange(ref _stoppedAt, Stopwatch.GetTimestamp(), 0);
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
