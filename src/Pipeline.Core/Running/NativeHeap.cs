using System.Runtime.InteropServices;

namespace Pipeline.Running;

/// <summary>
/// The C library's heap, where SkiaSharp, HarfBuzz and SQLite allocate. glibc gives busy threads arenas of their own
/// (up to eight per core) and keeps what is freed in them, so a long batch with a thread per article holds hundreds
/// of MB it no longer uses. Fewer arenas, and giving freed pages back after a batch's articles, keep the resident
/// memory near what is live. No-ops where the C library is not glibc.
/// </summary>
public static class NativeHeap
{
    private const int ArenaMax = -8; // M_ARENA_MAX

    /// <summary>At most <paramref name="arenas"/> arenas from now on (process-wide: only the command line sets it).</summary>
    public static void LimitArenas(int arenas)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            mallopt(ArenaMax, Math.Max(1, arenas));
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
        }
    }

    /// <summary>Returns the free pages of every arena to the system.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            malloc_trim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
        }
    }

    [DllImport("libc")]
    private static extern int mallopt(int param, int value);

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}
