namespace Pipeline.Running;

/// <summary>
/// An exclusive open of a lock file, which the kernel drops when the process dies however it dies. Held by another
/// process: wait for it (saying so once), so two processes never write one folder at the same time.
/// </summary>
public sealed class ExclusiveLock : IDisposable
{
    private readonly FileStream _file;
    private readonly bool _removeWhenDone;

    private ExclusiveLock(FileStream file, bool removeWhenDone)
    {
        _file = file;
        _removeWhenDone = removeWhenDone;
    }

    /// <param name="removeWhenDone">remove the file on release (while still holding it), so a finished folder holds
    /// only results; one left by a killed process is taken over by the next.</param>
    public static ExclusiveLock Wait(string lockFile, Action sayWaiting, CancellationToken cancellation, bool removeWhenDone = false)
    {
        var told = false;
        while (true)
        {
            try
            {
                return new ExclusiveLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), removeWhenDone);
            }
            catch (IOException) when (File.Exists(lockFile))
            {
                if (!told) sayWaiting();
                told = true;
                if (cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250)))
                    cancellation.ThrowIfCancellationRequested();
            }
        }
    }

    public void Dispose()
    {
        if (_removeWhenDone)
            try
            {
                File.Delete(_file.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind, it is only taken over by the next run.
            }
        _file.Dispose();
    }
}
