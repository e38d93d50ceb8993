using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pipeline.Reports.Pdf;

/// <summary>
/// A copy of a TrueType font whose simple glyphs are reduced to a one-triangle outline; composite glyphs, empty
/// glyphs, the character map and every advance stay as they are.
/// Why: Skia's PDF backend reads the outline of every glyph a document draws (about 0.2 ms per CJK glyph, over
/// 100 ms for a Chinese article), although a PDF viewer draws the glyphs from the embedded font program, not
/// from these outlines. The writer therefore draws with a subset of this placeholder, whose outlines cost
/// nothing to read, and <see cref="PdfFontPrograms"/> then puts the real subset (same glyph ids, same advances,
/// made with the same subsetting) in the PDF in its place.
/// </summary>
public static class PlaceholderFont
{
    // numberOfContours 1, bbox (0,0)-(1,1), endPts [2], no instructions, three on-curve points with 16-bit coordinates.
    private static readonly byte[] Triangle =
    [
        0, 1, 0, 0, 0, 0, 0, 1, 0, 1, // numberOfContours, xMin, yMin, xMax, yMax
        0, 2, 0, 0,                   // endPtsOfContours[0] = 2, instructionLength = 0
        1, 1, 1,                      // flags: on curve, x and y as int16 deltas
        0, 0, 0, 1, 0xFF, 0xFF,       // x deltas: 0, +1, -1
        0, 0, 0, 0, 0, 1,             // y deltas: 0, 0, +1
        0, 0, 0,                      // padding to 32 bytes (long loca offsets stay 4-aligned)
    ];

    public static byte[] Make(ReadOnlySpan<byte> font)
    {
        var plan = Plan.Of(font);
        var output = new byte[plan.Length];
        plan.Write(font, output);
        return output;
    }

    /// <summary>
    /// The placeholder written straight into native memory (for HarfBuzz, which needs bytes that never move), with
    /// no copy on the way: the CJK faces' placeholders are a megabyte each, and memory touched for the first time is
    /// what a short run pays most for. Free with <see cref="FreeNative"/>.
    /// </summary>
    public static unsafe (nint Address, int Length) MakeNative(ReadOnlySpan<byte> font)
    {
        var plan = Plan.Of(font);
        var memory = NativeMemory.AllocZeroed((nuint)plan.Length);
        plan.Write(font, new Span<byte>(memory, plan.Length));
        return ((nint)memory, plan.Length);
    }

    public static unsafe void FreeNative(nint address) => NativeMemory.Free((void*)address);

    /// <summary>Where every table of the placeholder goes, and how long its new glyf and loca are.</summary>
    private sealed class Plan
    {
        private readonly List<(string Name, Table Source, int Length)> _tables;
        private readonly int _glyphCount;
        private readonly bool _shortLoca;
        private readonly Table _loca, _glyf;

        private Plan(Dictionary<string, Table> tables, int glyphCount, bool shortLoca, int glyfLength)
        {
            _glyphCount = glyphCount;
            _shortLoca = shortLoca;
            _loca = tables["loca"];
            _glyf = tables["glyf"];
            _tables = [.. tables.OrderBy(t => t.Value.Tag).Select(t => (t.Key, t.Value, t.Key switch
            {
                "glyf" => glyfLength,
                "loca" => 4 * (glyphCount + 1),
                _ => t.Value.Length,
            }))];
            Length = 12 + 16 * _tables.Count + _tables.Sum(t => (t.Length + 3) & ~3);
        }

        public int Length { get; }

        public static Plan Of(ReadOnlySpan<byte> font)
        {
            var tables = ReadDirectory(font);
            var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font[(tables["maxp"].Offset + 4)..]);
            var shortLoca = BinaryPrimitives.ReadInt16BigEndian(font[(tables["head"].Offset + 50)..]) == 0;
            var glyfLength = 0;
            var loca = font[tables["loca"].Offset..];
            var glyf = tables["glyf"];
            for (var i = 0; i < glyphCount; i++)
                glyfLength += NewGlyphLength(font, glyf, GlyphOffset(loca, shortLoca, i), GlyphOffset(loca, shortLoca, i + 1));
            return new Plan(tables, glyphCount, shortLoca, glyfLength);
        }

        /// <summary>Writes the placeholder into <paramref name="output"/> (of <see cref="Length"/> bytes, zeroed).</summary>
        public void Write(ReadOnlySpan<byte> font, Span<byte> output)
        {
            font[..12].CopyTo(output); // sfnt version and search fields: same number of tables
            var at = 12 + 16 * _tables.Count;
            for (var i = 0; i < _tables.Count; i++)
            {
                var (name, source, length) = _tables[i];
                var data = output.Slice(at, length);
                switch (name)
                {
                    case "glyf": WriteGlyf(font, data); break;
                    case "loca": WriteLoca(font, data); break;
                    default:
                        font.Slice(source.Offset, source.Length).CopyTo(data);
                        if (name == "head") BinaryPrimitives.WriteInt16BigEndian(data[50..], 1); // indexToLocFormat: long offsets
                        break;
                }
                var record = output[(12 + 16 * i)..];
                BinaryPrimitives.WriteUInt32BigEndian(record, source.Tag);
                BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
                BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
                BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
                at += (length + 3) & ~3;
            }
        }

        private void WriteGlyf(ReadOnlySpan<byte> font, Span<byte> glyf)
        {
            var loca = font[_loca.Offset..];
            var at = 0;
            for (var i = 0; i < _glyphCount; i++)
            {
                int start = GlyphOffset(loca, _shortLoca, i), end = GlyphOffset(loca, _shortLoca, i + 1);
                var length = NewGlyphLength(font, _glyf, start, end);
                if (length == 0) continue;
                var data = font.Slice(_glyf.Offset + start, end - start);
                // A composite refers to other glyphs: kept (zero-padded to 4 bytes), so subsetting reaches exactly the
                // glyphs it reaches in the real font.
                if (BinaryPrimitives.ReadInt16BigEndian(data) < 0) data.CopyTo(glyf[at..]);
                else Triangle.CopyTo(glyf[at..]);
                at += length;
            }
        }

        private void WriteLoca(ReadOnlySpan<byte> font, Span<byte> newLoca)
        {
            var loca = font[_loca.Offset..];
            var at = 0u;
            for (var i = 0; i < _glyphCount; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(newLoca[(4 * i)..], at);
                at += (uint)NewGlyphLength(font, _glyf, GlyphOffset(loca, _shortLoca, i), GlyphOffset(loca, _shortLoca, i + 1));
            }
            BinaryPrimitives.WriteUInt32BigEndian(newLoca[(4 * _glyphCount)..], at);
        }

        // An empty glyph (a space) stays empty; a composite keeps its bytes, 4-aligned; a simple glyph becomes the triangle.
        private static int NewGlyphLength(ReadOnlySpan<byte> font, Table glyf, int start, int end) =>
            end <= start ? 0
            : BinaryPrimitives.ReadInt16BigEndian(font[(glyf.Offset + start)..]) < 0 ? (end - start + 3) & ~3
            : Triangle.Length;

        private static int GlyphOffset(ReadOnlySpan<byte> loca, bool shortLoca, int i) => shortLoca
            ? BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * i)..]) * 2
            : (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * i)..]);
    }

    private readonly record struct Table(uint Tag, int Offset, int Length);

    private static Dictionary<string, Table> ReadDirectory(ReadOnlySpan<byte> font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, Table>();
        for (var i = 0; i < count; i++)
        {
            var record = font[(12 + 16 * i)..];
            var tag = BinaryPrimitives.ReadUInt32BigEndian(record);
            tables[TagName(tag)] = new Table(tag, (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        foreach (var required in new[] { "head", "maxp", "loca", "glyf" })
            if (!tables.ContainsKey(required)) throw new InvalidOperationException($"not a TrueType font: no '{required}' table");
        return tables;
    }

    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (var i = 0; i < table.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++) word = word << 8 | (i + j < table.Length ? table[i + j] : 0u);
            sum += word;
        }
        return sum;
    }

    private static string TagName(uint tag) => new([(char)(tag >> 24), (char)(tag >> 16 & 0xFF), (char)(tag >> 8 & 0xFF), (char)(tag & 0xFF)]);
}
