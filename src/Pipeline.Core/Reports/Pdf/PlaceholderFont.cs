using System.Buffers.Binary;

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
        var tables = ReadDirectory(font);
        var head = tables["head"];
        var maxp = tables["maxp"];
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font[(maxp.Offset + 4)..]);
        var shortLoca = BinaryPrimitives.ReadInt16BigEndian(font[(head.Offset + 50)..]) == 0;
        var loca = font[tables["loca"].Offset..];
        var glyf = tables["glyf"];

        static int GlyphOffset(ReadOnlySpan<byte> loca, bool shortLoca, int i) => shortLoca
            ? BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * i)..]) * 2
            : (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * i)..]);

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (glyphCount + 1)];
        for (var i = 0; i < glyphCount; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * i), (uint)newGlyf.Length);
            int start = GlyphOffset(loca, shortLoca, i), end = GlyphOffset(loca, shortLoca, i + 1);
            if (end <= start) continue; // empty glyph (a space): stays empty
            var data = font.Slice(glyf.Offset + start, end - start);
            var contours = BinaryPrimitives.ReadInt16BigEndian(data);
            if (contours < 0)
            {
                // A composite refers to other glyphs: kept, so subsetting reaches exactly the glyphs it reaches in the real font.
                newGlyf.Write(data);
                while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
            }
            else newGlyf.Write(Triangle);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyphCount), (uint)newGlyf.Length);

        var replaced = new Dictionary<string, byte[]>
        {
            ["glyf"] = newGlyf.ToArray(),
            ["loca"] = newLoca,
            ["head"] = font.Slice(head.Offset, head.Length).ToArray(),
        };
        BinaryPrimitives.WriteInt16BigEndian(replaced["head"].AsSpan(50), 1); // indexToLocFormat: long offsets
        return Write(font, tables, replaced);
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

    /// <summary>The font with some tables replaced; tables in tag order, 4-byte aligned, checksums recomputed.</summary>
    private static byte[] Write(ReadOnlySpan<byte> font, Dictionary<string, Table> tables, Dictionary<string, byte[]> replaced)
    {
        var ordered = tables.OrderBy(t => t.Value.Tag).ToList();
        var data = new List<byte[]>(ordered.Count);
        foreach (var (name, table) in ordered)
            data.Add(replaced.TryGetValue(name, out var r) ? r : font.Slice(table.Offset, table.Length).ToArray());
        var headerLength = 12 + 16 * ordered.Count;
        var total = headerLength + data.Sum(d => (d.Length + 3) & ~3);
        var output = new byte[total];
        font[..12].CopyTo(output); // sfnt version and search fields: same number of tables
        var at = headerLength;
        for (var i = 0; i < ordered.Count; i++)
        {
            var record = output.AsSpan(12 + 16 * i);
            BinaryPrimitives.WriteUInt32BigEndian(record, ordered[i].Value.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data[i]));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data[i].Length);
            data[i].CopyTo(output, at);
            at += (data[i].Length + 3) & ~3;
        }
        return output;
    }

    private static uint Checksum(byte[] table)
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
