using System.Runtime.InteropServices;

namespace Pipeline.Running;

/// <summary>
/// Every output file is written under a temporary hidden name in its own folder and then
/// renamed over the real name, so a reader (or a kill) never sees half a file. A kill during
/// the write can leave the temporary file behind; <see cref="RemoveLeftovers"/> clears them
/// at the start of the next run.
/// </summary>
public static class AtomicFile
{
    public const string TempSuffix = ".partial";

    public static void Write(string path, Action<Stream> write)
    {
        var temp = Stage(path, write);
        Commit(temp, path);
    }

    public static void WriteText(string path, string text) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
            w.Write(text);
        });

    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/> and returns its name. <paramref name="flushToDisk"/>
    /// false leaves the flush to one <see cref="FlushFileSystem"/> for the whole batch: a flush per file makes every
    /// article wait for the disk (a quarter of its time, measured), and writers wait on each other's flushes.
    /// </summary>
    public static string Stage(string path, Action<Stream> write, bool flushToDisk = true)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid().ToString("N")[..8]}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }
            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void Commit(string temp, string path) => File.Move(temp, path, overwrite: true);

    /// <summary>True where <see cref="FlushFileSystem"/> can flush a batch at once (Linux: syncfs).</summary>
    public static bool CanFlushFileSystem => OperatingSystem.IsLinux();

    /// <summary>
    /// Writes every file of the file system that holds <paramref name="folder"/> to disk (syncfs): the durability
    /// point of a batch whose files were staged without a flush each. Until then a power cut can lose them, and the
    /// run is not recorded finished; the next run redoes any article whose outputs' sizes and times do not match.
    /// </summary>
    public static void FlushFileSystem(string folder)
    {
        if (!CanFlushFileSystem) return;
        var fd = Open(folder, ReadOnly | OpenDirectory | CloseOnExec);
        if (fd < 0) throw new IOException($"cannot open {folder} to flush it: error {Marshal.GetLastPInvokeError()}");
        try
        {
            if (SyncFs(fd) != 0) throw new IOException($"flushing {folder} to disk failed: error {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            Close(fd);
        }
    }

    private const int ReadOnly = 0, OpenDirectory = 0x10000, CloseOnExec = 0x80000;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static extern int SyncFs(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static bool IsTemporary(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') && name.EndsWith(TempSuffix, StringComparison.Ordinal);
    }

    /// <summary>Deletes temporary files a killed run left in <paramref name="outputDirectory"/> (ours only).</summary>
    public static int RemoveLeftovers(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(outputDirectory, "*" + TempSuffix, SearchOption.AllDirectories))
            if (IsTemporary(file))
            {
                TryDelete(file);
                removed++;
            }
        return removed;
    }
}
