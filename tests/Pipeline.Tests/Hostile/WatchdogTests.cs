using System.Diagnostics;
using Pipeline.Configuration;
using Pipeline.Running;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// The watchdog stops an article over its time or memory budget, or when the run stops, and lets the
/// batch go on even when the article does not cooperate.
/// </summary>
public class WatchdogTests
{
    private static readonly WatchdogOptions NoBudgets = new() { ArticleTime = null, MemoryBytes = null };

    /// <summary>Work that checks its token the way stages do (per sentence): it stops when asked.</summary>
    private static int Cooperative(CancellationToken token)
    {
        for (var sentence = 0; ; sentence++)
        {
            token.ThrowIfCancellationRequested();
            Thread.Sleep(5);
            if (sentence > 100_000) return sentence;
        }
    }

    [Test]
    public void An_article_over_its_time_budget_is_stopped_with_the_reason()
    {
        using var watchdog = new ArticleWatchdog(NoBudgets with { ArticleTime = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        var outcome = watchdog.Run(100, Cooperative);
        Assert.That(outcome.Stopped && !outcome.Abandoned);
        Assert.That(outcome.StopReason, Does.StartWith("stopped by the watchdog after 1.").And.Contain("over the time budget of 1 s"));
    }

    [Test]
    public void An_article_that_ignores_the_stop_is_left_behind_and_the_caller_goes_on()
    {
        using var never = new ManualResetEventSlim();
        using var watchdog = new ArticleWatchdog(NoBudgets with { ArticleTime = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var outcome = watchdog.Run(100, _ =>
        {
            never.Wait(TimeSpan.FromSeconds(30)); // a stage that never looks at its token
            return 0;
        });
        Assert.That(outcome.Stopped && outcome.Abandoned);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "not the 30 s the work would take");
        never.Set();
    }

    [Test]
    public void Over_the_memory_budget_the_largest_article_running_is_stopped_and_the_others_finish()
    {
        var memory = 100L;
        using var watchdog = new ArticleWatchdog(NoBudgets with { MemoryBytes = 1024L * 1024 * 1024 }, CancellationToken.None, () => Interlocked.Read(ref memory));
        using var bothRunning = new CountdownEvent(2);
        var small = Task.Run(() => watchdog.Run(10, token =>
        {
            bothRunning.Signal();
            bothRunning.Wait(token);
            Thread.Sleep(1500); // busy while the budget is passed, then done
            return "done";
        }));
        var large = Task.Run(() => watchdog.Run(5_000_000, token =>
        {
            bothRunning.Signal();
            return Cooperative(token);
        }));
        bothRunning.Wait();
        Interlocked.Exchange(ref memory, 2048L * 1024 * 1024);
        Assert.That(large.Wait(TimeSpan.FromSeconds(30)));
        Interlocked.Exchange(ref memory, 100);
        Assert.That(small.Wait(TimeSpan.FromSeconds(30)));

        Assert.That(large.Result.StopReason, Does.Contain("the process used 2,048 MiB, over the memory budget of 1,024 MiB")
            .And.Contain("the largest article running"));
        Assert.That(small.Result is { Stopped: false, Result: "done" });
    }

    [Test]
    public void A_stopped_run_stops_the_article_within_the_grace_period()
    {
        using var stop = new CancellationTokenSource();
        using var watchdog = new ArticleWatchdog(NoBudgets, stop.Token);
        stop.CancelAfter(300);
        var clock = Stopwatch.StartNew();
        var outcome = watchdog.Run(100, _ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(30)); // deaf to the token
            return 0;
        });
        Assert.That(outcome.StopReason, Is.EqualTo(ArticleWatchdog.StoppedByRun));
        Assert.That(outcome.Abandoned);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void An_error_and_a_result_come_back_as_they_are()
    {
        using var watchdog = new ArticleWatchdog(WatchdogOptions.Default, CancellationToken.None);
        Assert.That(watchdog.Run(1, _ => 42).Result, Is.EqualTo(42));
        var failed = watchdog.Run<int>(1, _ => throw new InvalidDataException("broken"));
        Assert.That(failed.Error, Is.TypeOf<InvalidDataException>());
        Assert.That(failed.Stopped, Is.False);
    }

    [Test]
    public void Articles_one_after_another_share_a_thread_but_one_left_behind_never_gets_the_next()
    {
        using var never = new ManualResetEventSlim();
        using var watchdog = new ArticleWatchdog(NoBudgets with { ArticleTime = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        var first = watchdog.Run(1, _ => Environment.CurrentManagedThreadId).Result;
        var second = watchdog.Run(1, _ => Environment.CurrentManagedThreadId).Result;
        Assert.That(second, Is.EqualTo(first), "a finished article's thread takes the next one");

        var stuckThread = 0;
        var stuck = watchdog.Run(1, _ =>
        {
            stuckThread = Environment.CurrentManagedThreadId;
            never.Wait(TimeSpan.FromSeconds(30));
            return 0;
        });
        Assert.That(stuck.Abandoned);
        var after = watchdog.Run(1, _ => Environment.CurrentManagedThreadId);
        Assert.That(after.Result, Is.Not.EqualTo(stuckThread), "the next article does not wait behind the stuck one");
        Assert.That(after.Stopped, Is.False);
        never.Set();
    }

    // ForEach: a batch on the watchdog's own article threads, each article on the thread that took it.

    private static Dictionary<int, WatchOutcome<T>> Batch<T>(ArticleWatchdog watchdog, int count, int workers, Func<int, CancellationToken, T> work)
    {
        var outcomes = new Dictionary<int, WatchOutcome<T>>();
        watchdog.ForEach(count, workers, _ => 1, work, (i, outcome) =>
        {
            lock (outcomes) outcomes.Add(i, outcome); // Add: an article reported twice would throw
        });
        return outcomes;
    }

    [Test]
    public void A_batch_gives_every_article_its_own_outcome_on_no_more_threads_than_workers()
    {
        using var watchdog = new ArticleWatchdog(WatchdogOptions.Default, CancellationToken.None);
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        var outcomes = Batch(watchdog, 200, 2, (i, _) =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, 0);
            if (i % 50 == 7) throw new InvalidDataException($"broken {i}");
            return i * i;
        });
        Assert.That(outcomes.Keys.Order(), Is.EqualTo(Enumerable.Range(0, 200)));
        Assert.That(outcomes.Where(o => o.Key % 50 != 7).All(o => o.Value.Result == o.Key * o.Key && o.Value.Error is null));
        Assert.That(outcomes.Where(o => o.Key % 50 == 7).OrderBy(o => o.Key).Select(o => o.Value.Error?.Message),
            Is.EqualTo(new[] { "broken 7", "broken 57", "broken 107", "broken 157" }));
        Assert.That(threads.Count, Is.InRange(1, 2));
        Assert.That(threads.ContainsKey(Environment.CurrentManagedThreadId), Is.False, "the caller only waits");
    }

    [Test]
    public void In_a_batch_an_article_that_ignores_the_stop_is_given_up_and_the_rest_goes_on_without_it()
    {
        using var never = new ManualResetEventSlim();
        using var watchdog = new ArticleWatchdog(NoBudgets with { ArticleTime = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        // One worker: the articles after the stuck one can only run on the worker started in its place.
        var outcomes = Batch(watchdog, 4, 1, (i, _) =>
        {
            if (i == 1) never.Wait(TimeSpan.FromSeconds(30)); // a stage that never looks at its token
            return i;
        });
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "not the 30 s the stuck article would take");
        Assert.That(outcomes[1] is { Stopped: true, Abandoned: true });
        Assert.That(watchdog.Reason(outcomes[1]), Does.Contain("over the time budget of 1 s").And.Contain("was left behind"));
        Assert.That(new[] { 0, 2, 3 }.Select(i => outcomes[i].Result), Is.EqualTo(new[] { 0, 2, 3 }));
        never.Set();
    }

    [Test]
    public void A_stopped_run_ends_a_batch_within_the_grace_period_with_every_article_accounted_for()
    {
        using var stop = new CancellationTokenSource();
        using var watchdog = new ArticleWatchdog(NoBudgets, stop.Token);
        stop.CancelAfter(300);
        var clock = Stopwatch.StartNew();
        var outcomes = Batch(watchdog, 50, 2, (i, token) =>
        {
            token.ThrowIfCancellationRequested(); // as the run's work does before it starts an article
            if (i == 0) Thread.Sleep(TimeSpan.FromSeconds(30)); // deaf to the token
            return Cooperative(token);
        });
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(outcomes, Has.Count.EqualTo(50));
        Assert.That(outcomes.Values.All(o => o.StopReason == ArticleWatchdog.StoppedByRun));
        Assert.That(outcomes[0].Abandoned);
        Assert.That(outcomes.Values.Count(o => o.Abandoned), Is.EqualTo(1), "the others stopped when asked");
    }

    [Test]
    public void A_batch_whose_finish_fails_starts_no_more_articles_and_throws_the_failure()
    {
        using var watchdog = new ArticleWatchdog(WatchdogOptions.Default, CancellationToken.None);
        var failed = false;
        var startedAfter = 0;
        var failure = Assert.Throws<IOException>(() => watchdog.ForEach(1000, 2, _ => 1,
            (i, _) =>
            {
                if (Volatile.Read(ref failed)) Interlocked.Increment(ref startedAfter);
                Thread.Sleep(1);
                return i;
            },
            (i, _) =>
            {
                if (i != 3) return;
                Volatile.Write(ref failed, true);
                throw new IOException("disk full");
            }));
        Assert.That(failure!.Message, Is.EqualTo("disk full"));
        // The other worker may have taken its article just before the failure was known: at most that one.
        Assert.That(startedAfter, Is.LessThanOrEqualTo(1), "the workers stop taking articles");
    }

    [Test]
    public void A_batch_whose_article_size_cannot_be_looked_at_still_runs_that_article()
    {
        using var watchdog = new ArticleWatchdog(WatchdogOptions.Default, CancellationToken.None);
        var outcomes = new Dictionary<int, WatchOutcome<int>>();
        watchdog.ForEach(3, 2, i => i == 1 ? throw new IOException("cannot inspect x.txt: No such file or directory") : 10,
            (i, _) => i + 100, (i, outcome) => { lock (outcomes) outcomes.Add(i, outcome); });
        Assert.That(outcomes.OrderBy(o => o.Key).Select(o => o.Value.Result), Is.EqualTo(new[] { 100, 101, 102 }));
    }
}
