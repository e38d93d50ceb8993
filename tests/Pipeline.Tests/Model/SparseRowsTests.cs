using System.Runtime.InteropServices;
using Pipeline.Model;

namespace Pipeline.Tests.Model;

/// <summary>The weight rows of our model files, read from memory where the bytes lie: a file's array or the library's image.</summary>
public class SparseRowsTests
{
    private static byte[] Written(float[][] rows)
    {
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("header");
            SparseRows.Write<float>(w, rows.Length, f => rows[f]);
            w.Write("after");
        }
        return memory.ToArray();
    }

    private static readonly float[][] Rows = [[0, 0], [1.5f, -2], [0, 0], [0, 0], [0, 3.25f]];

    private static List<(int Feature, int Index, float[] Values)> ReadBack(Stream stream)
    {
        var read = new List<(int, int, float[])>();
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        Assert.That(r.ReadString(), Is.EqualTo("header"));
        var count = SparseRows.ReadCount(stream, Rows.Length, "test");
        SparseRows.Read(stream, count, Rows.Length, 2 * sizeof(float), "test",
            (feature, index, values) => read.Add((feature, index, MemoryMarshal.Cast<byte, float>(values).ToArray())));
        Assert.That(r.ReadString(), Is.EqualTo("after"), "the stream is left after the last row");
        return read;
    }

    private static readonly (int, int, float[])[] Expected = [(1, 0, [1.5f, -2]), (4, 1, [0, 3.25f])];

    [Test]
    public void Rows_with_a_weight_come_back_from_a_file_read_into_memory_and_from_a_slice_of_a_larger_buffer()
    {
        var bytes = Written(Rows);
        Assert.That(ReadBack(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true)), Is.EqualTo(Expected));
        var padded = new byte[bytes.Length + 7];
        bytes.CopyTo(padded, 3);
        Assert.That(ReadBack(new MemoryStream(padded, 3, bytes.Length, writable: false, publiclyVisible: true)), Is.EqualTo(Expected));
    }

    [Test]
    public unsafe void Rows_come_back_from_memory_outside_the_managed_heap_as_a_library_resource_lies()
    {
        var bytes = Written(Rows);
        var memory = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        try
        {
            bytes.CopyTo(new Span<byte>(memory, bytes.Length));
            using var stream = new UnmanagedMemoryStream(memory, bytes.Length);
            Assert.That(ReadBack(stream), Is.EqualTo(Expected));
            Assert.That(SparseRows.InMemory(stream).Length, Is.EqualTo(bytes.Length), "the whole, wherever the stream stands");
        }
        finally
        {
            NativeMemory.Free(memory);
        }
    }

    [Test]
    public void A_stream_that_is_not_in_memory_is_refused()
    {
        using var hidden = new MemoryStream(new byte[8], writable: false); // its buffer is not visible
        Assert.Throws<ArgumentException>(() => SparseRows.InMemory(hidden));
    }
}
