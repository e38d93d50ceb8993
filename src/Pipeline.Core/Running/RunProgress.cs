namespace Pipeline.Running;

/// <summary>How a run tells the person watching it what is going on (all on stderr).</summary>
public interface IRunProgress
{
    void Begin(int total);
    void Done(ArticleResult result);
    /// <summary>An error as it happens: `pipeline: FILE: REASON`.</summary>
    void Error(string file, string reason);
    void End();

    public static IRunProgress For(TextWriter error, bool terminal) =>
        terminal ? new TerminalProgress(error) : new LogProgress(error);
}

/// <summary>One plain line per article, for logs and CI.</summary>
public sealed class LogProgress(TextWriter error) : IRunProgress
{
    private readonly Lock _lock = new();
    private int _total, _done;

    public void Begin(int total) => _total = total;

    public void Done(ArticleResult result)
    {
        lock (_lock)
        {
            _done++;
            // Failures were told as they happened; articles a stop left undone are counted in the summary.
            if (result.Status is RunStatus.Ok or RunStatus.Skipped or RunStatus.Partial)
                error.WriteLine($"pipeline: [{_done}/{_total}] {result.Status} {result.File} ({result.Seconds:0.00} s)");
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
}

/// <summary>A progress bar redrawn in place; errors scroll above it.</summary>
public sealed class TerminalProgress(TextWriter error) : IRunProgress
{
    private const int Width = 30;
    private readonly Lock _lock = new();
    private int _total, _done;
    private string _last = "";

    public void Begin(int total)
    {
        lock (_lock)
        {
            _total = total;
            Draw();
        }
    }

    public void Done(ArticleResult result)
    {
        lock (_lock)
        {
            _done++;
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
        var filled = _total == 0 ? Width : _done * Width / _total;
        var name = _last.Length > 40 ? _last[..37] + "..." : _last;
        error.Write($"\r\x1b[K[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{_total} {name}");
        error.Flush();
    }
}
