using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Tests.Model;

/// <summary>The models' large tables: zeroed whatever memory the collector hands out, and on huge pages on Linux.</summary>
public class LargeTablesTests
{
    private const int HugePage = 2 << 20;

    [Test]
    public void A_table_is_zeroed_even_where_the_heap_held_other_data_before()
    {
        for (var round = 0; round < 3; round++)
        {
            // Garbage of the same size first, so that the table may well reuse its memory.
            var garbage = GC.AllocateUninitializedArray<sbyte>(3 * HugePage, pinned: true);
            garbage.AsSpan().Fill(0x55);
            garbage = null;
            GC.Collect();
            var table = LargeTables.Zeroed<sbyte>(3 * HugePage + 17);
            Assert.That(table.Count, Is.EqualTo(3 * HugePage + 17));
            Assert.That(table.AsSpan().ContainsAnyExcept((sbyte)0), Is.False, "a table must start as zeros");
        }
    }

    [Test]
    public void A_small_table_is_a_plain_array()
    {
        var table = LargeTables.Zeroed<float>(1000);
        Assert.That((table.Offset, table.Array!.Length), Is.EqualTo((0, 1000)));
    }

    [Test]
    public void A_large_table_starts_on_a_huge_page_and_the_kernel_may_back_it_with_them()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("huge pages are asked for on Linux only");
        var table = LargeTables.Zeroed<float>(2 * HugePage / sizeof(float));
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(table.Array!, table.Offset);
        Assert.That((long)start % HugePage, Is.EqualTo(0L), "the table starts on a 2 MB boundary");

        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!File.Exists(setting) || File.ReadAllText(setting).Contains("[never]"))
            Assert.Ignore("transparent huge pages are switched off on this machine: the table stays on small pages");
        Assert.That(ThpEligible(start), Is.True, "/proc/self/smaps: the table's mapping is eligible for huge pages");
        GC.KeepAlive(table.Array);
    }

    /// <summary>The THPeligible flag of the mapping that holds <paramref name="address"/> in /proc/self/smaps.</summary>
    private static bool ThpEligible(nint address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (Regex.Match(line, "^([0-9a-f]+)-([0-9a-f]+) ") is { Success: true } range)
                inside = address >= long.Parse(range.Groups[1].Value, NumberStyles.HexNumber)
                         && address < long.Parse(range.Groups[2].Value, NumberStyles.HexNumber);
            else if (inside && line.StartsWith("THPeligible:", StringComparison.Ordinal))
                return line.TrimEnd().EndsWith('1');
        }
        Assert.Fail("the table's address is in no mapping of /proc/self/smaps");
        return false;
    }
}
