using System.Buffers.Binary;
using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pipeline.Ingest;

/// <summary>
/// An embedded TrueType program whose composite glyphs are made of each other in a circle (glyph 5 of glyph 9, glyph 9
/// of glyph 5) sends PdfPig into endless recursion when it measures a letter: a stack overflow, which no code can
/// catch, and the whole batch would end (found by fuzzing the product's own briefings). Such programs are looked for
/// before any page is read. A program that cannot be read this far is left to PdfPig, whose errors are caught.
/// </summary>
public static class PdfFontPrograms
{
    /// <summary>Why an embedded font of the document cannot be read safely, or null.</summary>
    public static string? Problem(PdfDocument pdf)
    {
        foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            IToken data;
            try
            {
                data = pdf.Structure.GetObject(reference).Data;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                continue; // what cannot be parsed here is not read as a font either
            }
            // A TrueType program's stream says how long it is decoded (/Length1); no other stream does.
            if (data is not StreamToken stream || !stream.StreamDictionary.Data.ContainsKey("Length1")) continue;
            if (Decoded(stream) is { } program && CompositeCycle(program) is { } glyph)
                return $"an embedded font's glyph {glyph} is made of itself";
        }
        return null;
    }

    private static byte[]? Decoded(StreamToken stream)
    {
        var filter = stream.StreamDictionary.Data.GetValueOrDefault("Filter");
        if (filter is null) return stream.Data.ToArray();
        if (filter is not NameToken { Data: "FlateDecode" }) return null;
        // As PdfPig reads it: the deflate data after the two-byte zlib header, no checksum checked, and what inflates
        // before any damage (a cut stream) is the program it goes on with.
        using var output = new MemoryStream();
        if (stream.Data.Length < 2) return null;
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(stream.Data[2..].ToArray()), CompressionMode.Decompress);
            deflate.CopyTo(output);
        }
        catch (InvalidDataException)
        {
        }
        return output.ToArray();
    }

    /// <summary>A glyph of a TrueType program that is made, through its components, of itself; null where none is.</summary>
    public static int? CompositeCycle(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12) return null;
        int head = -1, maxp = -1, loca = -1, glyf = -1, glyfLength = 0;
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var t = 0; t < tables && 12 + 16 * t + 16 <= font.Length; t++)
        {
            var record = font.Slice(12 + 16 * t, 16);
            var offset = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(record[8..]), int.MaxValue);
            switch (System.Text.Encoding.ASCII.GetString(record[..4]))
            {
                case "head": head = offset; break;
                case "maxp": maxp = offset; break;
                case "loca": loca = offset; break;
                case "glyf":
                    glyf = offset;
                    glyfLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(record[12..]), int.MaxValue);
                    break;
            }
        }
        if (head < 0 || maxp < 0 || loca < 0 || glyf < 0 || head + 52 > font.Length || maxp + 6 > font.Length) return null;
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font[(head + 50)..]) != 0;
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font[(maxp + 4)..]);
        if (loca + (glyphs + 1) * (longOffsets ? 4 : 2) > font.Length) return null;

        // The components of every composite glyph, then a walk that finds a circle among them.
        var components = new List<int>[glyphs];
        for (var g = 0; g < glyphs; g++)
        {
            var start = (long)glyf + Location(font, loca, longOffsets, g);
            var end = Math.Min((long)glyf + Math.Min(Location(font, loca, longOffsets, g + 1), glyfLength), font.Length);
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(font[(int)start..]) >= 0) continue;
            var list = components[g] = [];
            var p = (int)start + 10;
            while (p + 4 <= end)
            {
                var flags = BinaryPrimitives.ReadUInt16BigEndian(font[p..]);
                list.Add(BinaryPrimitives.ReadUInt16BigEndian(font[(p + 2)..]));
                p += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
                if ((flags & 0x20) == 0) break; // no more components
            }
        }
        var state = new byte[glyphs]; // 0 not seen, 1 on the current path, 2 done
        for (var root = 0; root < glyphs; root++)
        {
            if (components[root] is null || state[root] != 0) continue;
            var path = new Stack<(int Glyph, int Next)>();
            path.Push((root, 0));
            state[root] = 1;
            while (path.Count > 0)
            {
                var (glyph, next) = path.Pop();
                var list = components[glyph];
                if (list is null || next >= list.Count)
                {
                    state[glyph] = 2;
                    continue;
                }
                path.Push((glyph, next + 1));
                var part = list[next];
                if (part >= glyphs) continue;
                if (state[part] == 1) return part;
                if (state[part] == 0)
                {
                    state[part] = 1;
                    path.Push((part, 0));
                }
            }
        }
        return null;
    }

    private static int Location(ReadOnlySpan<byte> font, int loca, bool longOffsets, int glyph) => longOffsets
        ? (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(font[(loca + 4 * glyph)..]), int.MaxValue)
        : 2 * BinaryPrimitives.ReadUInt16BigEndian(font[(loca + 2 * glyph)..]);
}
