using System.Runtime.InteropServices;

namespace Pipeline.Running.Shards;

/// <summary>
/// Puts a shard's output file in its final place without copying its bytes: a hard link where the file
/// system has them (the shard keeps its copy, so rerunning or re-merging it stays cheap), else a copy.
/// Every writer of ours replaces files by renaming, never in place, so two names of one file never see
/// each other change.
/// </summary>
internal static class FileLinks
{
    /// <summary>Makes <paramref name="destination"/> (atomically replaced if present) the same file as <paramref name="source"/>.</summary>
    public static void Place(string source, string destination)
    {
        var dir = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(destination)}.{Guid.NewGuid().ToString("N")[..8]}{AtomicFile.TempSuffix}");
        try
        {
            if (!TryHardLink(source, temp))
            {
                File.Copy(source, temp);
                File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(source));
            }
            AtomicFile.Commit(temp, destination);
            // rename(2) does nothing when both names are already links to one file (a second merge): drop the spare name.
            if (File.Exists(temp)) AtomicFile.TryDelete(temp);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }

    private static bool TryHardLink(string source, string destination)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            return Link(source, destination) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // Ansi strings are UTF-8 on Unix, as file names there are.
    [DllImport("libc", EntryPoint = "link", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int Link(string oldPath, string newPath);
}
