using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Model;

/// <summary>
/// Zeroed arrays for the models' large tables (the recogniser's 8 MB weight table, the classifier's 8 MB one),
/// laid on 2 MB pages where Linux allows it. Filling a table on 4 KB pages costs a page fault per 4 KB (about 15 µs
/// each in a virtual machine: 30 ms for 8 MB, a sixth of a small article's run). Asking for transparent huge pages
/// (<c>madvise(MADV_HUGEPAGE)</c>, honoured by the default <c>madvise</c> setting of
/// <c>/sys/kernel/mm/transparent_hugepage/enabled</c>) turns that into a handful of faults. The advice is only a
/// hint: where it is refused the table is the same array on ordinary pages.
/// </summary>
public static class LargeTables
{
    private const int HugePage = 2 << 20;
    private const int MadvHugePage = 14;

    /// <summary>
    /// <paramref name="length"/> zeroed elements; from 2 MB up, in a pinned array one huge page longer, so that the
    /// segment can start on a huge-page boundary and lie on huge pages whole.
    /// </summary>
    public static ArraySegment<T> Zeroed<T>(int length) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        var bytes = (long)length * size;
        if (bytes < HugePage || !OperatingSystem.IsLinux() || HugePage % size != 0) return new T[length];
        // Zeroed by the runtime, which leaves memory fresh from the system untouched (it is zero already): no page is
        // touched before the advice (a page already faulted in stays small), and none is cleared twice. Clearing it
        // ourselves made every page of an 8 MB table zeroed by the kernel and again by us (2 % of a batch's CPU).
        var array = GC.AllocateArray<T>(length + HugePage / size, pinned: true);
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var aligned = (start + HugePage - 1) & ~(nint)(HugePage - 1);
        var table = new ArraySegment<T>(array, (int)((aligned - start) / size), length);
        _ = Madvise(aligned, (nuint)(bytes & ~(long)(HugePage - 1)), MadvHugePage);
        return table;
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
