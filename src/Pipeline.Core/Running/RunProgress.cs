using System.Diagnostics;

namespace Pipeline.Running;

/// <summary>How a run tells the person watching it what is going on (all on stderr).</summary>
public interface IRunProgress
{
    void Begin(int total);
    void Done(ArticleResult result);
    /// <summary>An error as it happens: `pipeline: FILE: REASON`.</summary>
    void Error(string file, string reason);
    void End();

    public static IRunProgress For(TextWriter error, bool terminal, int width = 80) =>
        terminal ? new TerminalProgress(error, width) : new LogProgress(error);
}

/// <summary>
/// For logs and CI: one line per article that was processed (or failed, as it happens); articles left
/// unchanged print nothing, so a rerun of a large folder logs only what changed.
/// </summary>
public sealed class LogProgress(TextWriter error) : IRunProgress
{
    private readonly Lock _lock = new();
    private readonly ProgressCounter _counter = new();

    public void Begin(int total)
    {
        lock (_lock) _counter.Begin(total);
    }

    public void Done(ArticleResult result)
    {
        lock (_lock)
        {
            _counter.Done(result);
            // Failures were told as they happened; articles a stop left undone are counted in the summary.
            if (result.Status is RunStatus.Ok or RunStatus.Partial)
                error.WriteLine($"pipeline: [{_counter.Finished}/{_counter.Total}] {result.Status} {result.File} ({result.Seconds:0.00} s)"
                                + WarningNote(result));
        }
    }

    public void Error(string file, string reason)
    {
        lock (_lock) error.WriteLine($"pipeline: {file}: {reason}");
    }

    public void End()
    {
        lock (_lock) error.Flush();
    }

    /// <summary>" with a warning: …": an article that passed with warnings says so on its line, not only in the summary.</summary>
    private static string WarningNote(ArticleResult result) => result.Warnings.Length switch
    {
        0 => "",
        1 => $" with a warning: {result.Warnings[0]}",
        var n => $" with {n} warnings, the first: {result.Warnings[0]}",
    };
}

/// <summary>One status line redrawn in place, never wider than the terminal; errors scroll above it.</summary>
public sealed class TerminalProgress(TextWriter error, int width) : IRunProgress
{
    private readonly Lock _lock = new();
    private readonly ProgressCounter _counter = new();
    private string _last = "";

    public void Begin(int total)
    {
        lock (_lock)
        {
            _counter.Begin(total);
            Draw();
        }
    }

    public void Done(ArticleResult result)
    {
        lock (_lock)
        {
            _counter.Done(result);
            _last = result.File;
            Draw();
        }
    }

    public void Error(string file, string reason)
    {
        lock (_lock)
        {
            error.Write("\r\x1b[K");
            error.WriteLine($"pipeline: {file}: {reason}");
            Draw();
        }
    }

    public void End()
    {
        lock (_lock)
        {
            error.Write("\r\x1b[K");
            error.Flush();
        }
    }

    private void Draw()
    {
        var line = _counter.Line(_last, Math.Max(20, width - 1));
        error.Write("\r\x1b[K" + line);
        error.Flush();
    }
}

/// <summary>Done/total, rate, time left and failures, measured from the first article.</summary>
public sealed class ProgressCounter
{
    private readonly Stopwatch _clock = new();

    public int Total { get; private set; }
    public int Finished { get; private set; }
    public int Failed { get; private set; }

    public void Begin(int total)
    {
        Total = total;
        Finished = Failed = 0;
        _clock.Restart();
    }

    public void Done(ArticleResult result)
    {
        Finished++;
        if (result.Status is RunStatus.Failed or RunStatus.Partial) Failed++;
    }

    /// <summary>Articles finished per second since the run began.</summary>
    public double Rate => _clock.Elapsed.TotalSeconds > 0 ? Finished / _clock.Elapsed.TotalSeconds : 0;

    public TimeSpan? Remaining => Rate > 0 && Finished < Total ? TimeSpan.FromSeconds((Total - Finished) / Rate) : null;

    /// <summary>"[#####.....] 120/300  41.2/s  ETA 0:04  2 failed  name.txt", cut to <paramref name="width"/>.</summary>
    public string Line(string current, int width)
    {
        var eta = Remaining is { } r ? $"  ETA {(int)r.TotalMinutes}:{r.Seconds:00}" : "";
        var failed = Failed > 0 ? $"  {Failed} failed" : "";
        var counts = $" {Finished}/{Total}  {Rate:0.0}/s{eta}{failed}";
        var barWidth = Math.Clamp(width - counts.Length - 2 - 12, 0, 30);
        var bar = "";
        if (barWidth >= 5)
        {
            var filled = Total == 0 ? barWidth : Finished * barWidth / Total;
            bar = $"[{new string('#', filled)}{new string('.', barWidth - filled)}]";
        }
        var line = bar + counts;
        var room = width - line.Length - 2;
        if (room >= 8 && current.Length > 0)
            line += "  " + (current.Length > room ? current[..(room - 1)] + "…" : current);
        return line.Length > width ? line[..width] : line;
    }
}
