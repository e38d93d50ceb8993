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

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and returns its name.</summary>
    public static string Stage(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid().ToString("N")[..8]}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
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
