using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Reports.Pdf;

/// <summary>
/// Replaces embedded font programs in a PDF that Skia wrote: each FontFile2 stream whose font is one of the
/// placeholders drawn with (<see cref="PlaceholderFont"/>) gets the real subset instead. The PDF is written out
/// again object by object with a new cross-reference table; every other object keeps its bytes.
/// </summary>
public static partial class PdfFontPrograms
{
    /// <param name="replacements">Placeholder font bytes (as given to Skia) → the font to embed instead.</param>
    public static MemoryStream Replace(MemoryStream pdf, IReadOnlyList<(byte[] Placeholder, byte[] Real)> replacements)
    {
        var bytes = pdf.GetBuffer().AsSpan(0, (int)pdf.Length);
        var tail = Encoding.Latin1.GetString(bytes[Math.Max(0, bytes.Length - 1024)..]);
        var startXref = StartXref().Match(tail);
        if (!startXref.Success) throw new InvalidOperationException("PDF trailer not found");
        var xref = int.Parse(startXref.Groups["at"].Value, CultureInfo.InvariantCulture);
        var head = Encoding.Latin1.GetString(bytes.Slice(xref, Math.Min(64, bytes.Length - xref)));
        var section = XrefHeader().Match(head);
        if (!section.Success || section.Groups["start"].Value != "0") throw new InvalidOperationException("PDF xref table not found");
        var count = int.Parse(section.Groups["count"].Value, CultureInfo.InvariantCulture);
        var offsets = new int[count];
        for (var n = 1; n < count; n++)
            offsets[n] = int.Parse(Encoding.Latin1.GetString(bytes.Slice(xref + section.Length + 20 * n, 10)), CultureInfo.InvariantCulture);
        var trailerAt = Encoding.Latin1.GetString(bytes[xref..]).IndexOf("trailer", StringComparison.Ordinal) + xref;

        // Objects in file order; each ends where the next begins (or at the xref table).
        var order = Enumerable.Range(1, count - 1).Where(n => offsets[n] > 0).OrderBy(n => offsets[n]).ToList();
        var output = new MemoryStream(bytes.Length);
        output.Write(bytes[..offsets[order[0]]]);
        var newOffsets = new long[count];
        for (var i = 0; i < order.Count; i++)
        {
            var n = order[i];
            var end = i + 1 < order.Count ? offsets[order[i + 1]] : xref;
            var obj = bytes[offsets[n]..end];
            newOffsets[n] = output.Length;
            if (FontProgram(obj) is { } program && Match(program, replacements) is { } real) WriteFontProgram(output, n, real);
            else output.Write(obj);
        }

        var newXref = output.Length;
        var table = new StringBuilder(20 * count + 64);
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {count}\n0000000000 65535 f \n");
        for (var n = 1; n < count; n++) table.Append(CultureInfo.InvariantCulture, $"{newOffsets[n]:0000000000} 00000 n \n");
        output.Write(Encoding.Latin1.GetBytes(table.ToString()));
        var trailer = Encoding.Latin1.GetString(bytes[trailerAt..]);
        var trailerEnd = trailer.IndexOf("startxref", StringComparison.Ordinal);
        output.Write(Encoding.Latin1.GetBytes(trailer[..trailerEnd] + $"startxref\n{newXref}\n%%EOF\n"));
        return output;
    }

    /// <summary>The decompressed data of a FontFile2 stream object (Skia writes /Length1 only there), else null.</summary>
    private static byte[]? FontProgram(ReadOnlySpan<byte> obj)
    {
        var header = Encoding.Latin1.GetString(obj[..Math.Min(200, obj.Length)]);
        var dict = FontFileHeader().Match(header);
        if (!dict.Success) return null;
        var length = int.Parse(dict.Groups["length"].Value, CultureInfo.InvariantCulture);
        var data = obj.Slice(dict.Length, length);
        if (!dict.Groups["filter"].Success) return data.ToArray();
        using var inflate = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
        using var result = new MemoryStream(int.Parse(dict.Groups["length1"].Value, CultureInfo.InvariantCulture));
        inflate.CopyTo(result);
        return result.ToArray();
    }

    private static byte[]? Match(byte[] program, IReadOnlyList<(byte[] Placeholder, byte[] Real)> replacements)
    {
        foreach (var (placeholder, real) in replacements)
            if (placeholder.AsSpan().SequenceEqual(program)) return real;
        return null;
    }

    private static void WriteFontProgram(MemoryStream output, int number, byte[] font)
    {
        using var compressed = new MemoryStream(font.Length / 2);
        using (var deflate = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(font);
        output.Write(Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{number} 0 obj\n<</Length1 {font.Length}\n/Filter /FlateDecode\n/Length {compressed.Length}>> stream\n")));
        output.Write(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        output.Write("\nendstream\nendobj\n"u8);
    }

    [GeneratedRegex(@"startxref\s+(?<at>\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^xref\s+(?<start>\d+) (?<count>\d+)\s*?\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"^\d+ 0 obj\s*<</Length1 (?<length1>\d+)\s*(?<filter>/Filter /FlateDecode\s*)?/Length (?<length>\d+)>>\s*stream\r?\n")]
    private static partial Regex FontFileHeader();
}
