using System.Runtime.InteropServices;

namespace Pipeline.Running;

/// <summary>
/// The C library's heap, where SkiaSharp, HarfBuzz and SQLite allocate. glibc gives busy threads arenas of their own
/// (up to eight per core) and keeps what is freed in them, so a long batch with a thread per article holds memory it
/// no longer uses; giving the free pages back after a batch's articles keeps the resident memory near what is live.
/// (Capping the arenas with mallopt was tried: one 10,000-article run then aborted on a corrupted C heap, so the
/// allocator's defaults are kept.) A no-op where the C library is not glibc.
/// </summary>
public static class NativeHeap
{
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
    private static extern int malloc_trim(nuint pad);
}
