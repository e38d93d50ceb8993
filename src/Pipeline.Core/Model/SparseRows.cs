using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pipeline.Model;

/// <summary>
/// The learnt weight rows of our model files (the candidate classifier's, the recogniser's): their count, then each
/// row with a non-zero weight as its feature index's distance from the previous one (7-bit encoded) followed by its
/// values as they lie in memory (little-endian). Most hashed features never get a weight, so their rows are left out.
/// </summary>
public static class SparseRows
{
    /// <summary>Where a row read from a file goes: its feature, its place among the rows read, its bytes.</summary>
    public delegate void Store(int feature, int index, ReadOnlySpan<byte> values);

    /// <summary>Writes the rows of features 0 to <paramref name="features"/> − 1 that hold a value other than zero.</summary>
    public static void Write<T>(BinaryWriter w, int features, Func<int, ReadOnlySpan<T>> row) where T : unmanaged, IEquatable<T>
    {
        var count = 0;
        for (var f = 0; f < features; f++)
            if (row(f).ContainsAnyExcept(default(T))) count++;
        w.Write(count);
        var previous = -1;
        for (var f = 0; f < features; f++)
        {
            var values = row(f);
            if (!values.ContainsAnyExcept(default(T))) continue;
            w.Write7BitEncodedInt(f - previous);
            previous = f;
            w.Write(MemoryMarshal.AsBytes(values));
        }
    }

    /// <summary>
    /// The bytes of a stream that lies in memory whole: a <see cref="MemoryStream"/> whose buffer is visible, or an
    /// <see cref="UnmanagedMemoryStream"/> (a resource of the library, read where the program's image lies, never copied).
    /// </summary>
    public static unsafe ReadOnlySpan<byte> InMemory(Stream memory) => memory switch
    {
        MemoryStream m when m.TryGetBuffer(out var buffer) => buffer.AsSpan(),
        UnmanagedMemoryStream u => new ReadOnlySpan<byte>(Start(u), checked((int)u.Length)),
        _ => throw new ArgumentException("a model is read from memory: a MemoryStream with a visible buffer or an UnmanagedMemoryStream", nameof(memory)),
    };

    /// <summary>
    /// A stream over <paramref name="length"/> bytes of <paramref name="whole"/> (disposed here) from <paramref name="start"/>:
    /// in memory as they lie when <paramref name="whole"/> is (<see cref="InMemory"/>), else read out once.
    /// </summary>
    public static unsafe Stream Section(Stream whole, long start, int length)
    {
        using (whole)
        {
            if (start + length > whole.Length) throw new EndOfStreamException();
            return whole switch
            {
                UnmanagedMemoryStream u => new UnmanagedMemoryStream(Start(u) + start, length),
                MemoryStream m when m.TryGetBuffer(out var all) =>
                    new MemoryStream(all.Array!, all.Offset + (int)start, length, writable: false, publiclyVisible: true),
                _ => ReadOut(whole, start, length),
            };
        }

        static MemoryStream ReadOut(Stream whole, long start, int length)
        {
            var bytes = new byte[length];
            whole.Position = start;
            whole.ReadExactly(bytes);
            return new MemoryStream(bytes, 0, length, writable: false, publiclyVisible: true);
        }
    }

    // The first byte of an unmanaged stream's memory, wherever its position is.
    private static unsafe byte* Start(UnmanagedMemoryStream u) => u.PositionPointer - u.Position;

    /// <summary>How many rows follow at <paramref name="memory"/>'s position (read past), so a caller can size their table.</summary>
    public static int ReadCount(Stream memory, int features, string origin)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        memory.ReadExactly(bytes);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return count < 0 || count > features ? throw new InvalidDataException($"{origin}: {count} weight rows") : count;
    }

    /// <summary>
    /// Reads <paramref name="count"/> rows of <paramref name="rowBytes"/> bytes each from <paramref name="memory"/>'s
    /// bytes (<see cref="InMemory"/>) at its position, which it leaves after the last row. A file cut short throws <see cref="EndOfStreamException"/>;
    /// indices out of order or range, <see cref="InvalidDataException"/> naming <paramref name="origin"/>.
    /// </summary>
    public static void Read(Stream memory, int count, int features, int rowBytes, string origin, Store store)
    {
        var data = InMemory(memory);
        var at = (int)memory.Position;
        var feature = -1;
        for (var n = 0; n < count; n++)
        {
            var delta = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (at >= data.Length) throw new EndOfStreamException();
                if (shift > 28) throw new InvalidDataException($"{origin}: bad feature index");
                var b = data[at++];
                delta |= (b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            feature += delta;
            if (delta <= 0 || feature >= features) throw new InvalidDataException($"{origin}: feature index {feature} out of range");
            if (at + rowBytes > data.Length) throw new EndOfStreamException();
            store(feature, n, data.Slice(at, rowBytes));
            at += rowBytes;
        }
        memory.Position = at;
    }
}
