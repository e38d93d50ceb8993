using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Reports.Pdf;

public sealed record OutlineItem(string Title, string Destination, int Level);

/// <summary>
/// Adds bookmarks (a PDF outline) to a PDF that Skia wrote. Skia writes named destinations and links but no
/// outline, so the outline is appended as an incremental update (PDF 32000-1, 7.5.6): a new catalog that
/// points to outline items whose targets are Skia's named destinations, a new xref section and trailer.
/// The bytes Skia wrote stay as they are.
/// </summary>
public static partial class PdfOutline
{
    public static void Append(MemoryStream pdf, IReadOnlyList<OutlineItem> items)
    {
        if (items.Count == 0) return;
        var bytes = pdf.GetBuffer().AsSpan(0, (int)pdf.Length);
        var tail = Encoding.Latin1.GetString(bytes[Math.Max(0, bytes.Length - 1024)..]);
        var trailer = TrailerPattern().Match(tail);
        var startXref = StartXrefPattern().Match(tail);
        if (!trailer.Success || !startXref.Success) throw new InvalidOperationException("PDF trailer not found");
        var root = int.Parse(trailer.Groups["root"].Value, CultureInfo.InvariantCulture);
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var info = trailer.Groups["info"].Success ? trailer.Groups["info"].Value : null;
        var catalog = CatalogBody(bytes, root, long.Parse(startXref.Groups["at"].Value, CultureInfo.InvariantCulture));

        // Object numbers: the outline dictionary, then one per item.
        var outlines = size;
        var numbers = Enumerable.Range(size + 1, items.Count).ToArray();
        var parents = new int[items.Count];
        var children = Enumerable.Range(0, items.Count).Select(_ => new List<int>()).ToArray();
        var top = new List<int>();
        var lastTop = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Level > 1 && lastTop >= 0) { parents[i] = lastTop; children[lastTop].Add(i); }
            else { parents[i] = -1; top.Add(i); lastTop = i; }
        }

        var offsets = new SortedDictionary<int, long>();
        var output = new StringBuilder();
        var at = pdf.Length;
        void Object(int number, string body)
        {
            var text = $"\n{number} 0 obj\n{body}\nendobj";
            offsets[number] = at + 1;
            at += Encoding.Latin1.GetByteCount(text);
            output.Append(text);
        }

        Object(root, $"<<{catalog}\n/Outlines {outlines} 0 R\n/PageMode /UseOutlines>>");
        Object(outlines, $"<</Type /Outlines\n/First {numbers[top[0]]} 0 R\n/Last {numbers[top[^1]]} 0 R\n/Count {items.Count}>>");
        for (var i = 0; i < items.Count; i++)
        {
            var siblings = parents[i] < 0 ? top : children[parents[i]];
            var index = siblings.IndexOf(i);
            var d = new StringBuilder($"<</Title {TextString(items[i].Title)}\n/Parent {(parents[i] < 0 ? outlines : numbers[parents[i]])} 0 R");
            if (index > 0) d.Append($"\n/Prev {numbers[siblings[index - 1]]} 0 R");
            if (index < siblings.Count - 1) d.Append($"\n/Next {numbers[siblings[index + 1]]} 0 R");
            if (children[i].Count > 0)
                d.Append($"\n/First {numbers[children[i][0]]} 0 R\n/Last {numbers[children[i][^1]]} 0 R\n/Count {children[i].Count}");
            d.Append($"\n/Dest /{Name(items[i].Destination)}>>");
            Object(numbers[i], d.ToString());
        }

        var xrefAt = at + 1;
        output.Append("\nxref\n");
        foreach (var run in Runs(offsets.Keys))
        {
            output.Append(CultureInfo.InvariantCulture, $"{run.Start} {run.Count}\n");
            for (var n = run.Start; n < run.Start + run.Count; n++)
                output.Append(CultureInfo.InvariantCulture, $"{offsets[n]:0000000000} 00000 n \n");
        }
        output.Append(CultureInfo.InvariantCulture,
            $"trailer\n<</Size {numbers[^1] + 1}\n/Root {root} 0 R{(info is null ? "" : $"\n/Info {info} 0 R")}\n/Prev {startXref.Groups["at"].Value}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        var appended = Encoding.Latin1.GetBytes(output.ToString());
        pdf.Seek(0, SeekOrigin.End);
        pdf.Write(appended);
    }

    /// <summary>The entries of the catalog dictionary (without the enclosing &lt;&lt; &gt;&gt;), found through the xref table.</summary>
    private static string CatalogBody(ReadOnlySpan<byte> pdf, int root, long xref)
    {
        // Skia writes one classic xref table "xref\n0 N\n" with 20-byte entries.
        var header = Encoding.Latin1.GetString(pdf.Slice((int)xref, Math.Min(64, pdf.Length - (int)xref)));
        var first = XrefHeader().Match(header);
        if (!first.Success || int.Parse(first.Groups["start"].Value, CultureInfo.InvariantCulture) != 0)
            throw new InvalidOperationException("PDF xref table not found");
        var entry = (int)xref + first.Length + 20 * root;
        var offset = int.Parse(Encoding.Latin1.GetString(pdf.Slice(entry, 10)), CultureInfo.InvariantCulture);
        var text = Encoding.Latin1.GetString(pdf.Slice(offset, Math.Min(4096, pdf.Length - offset)));
        var match = CatalogObject().Match(text);
        if (!match.Success || !text.StartsWith($"{root} 0 obj", StringComparison.Ordinal)) throw new InvalidOperationException("PDF catalog not found");
        var body = match.Groups["body"].Value;
        if (body.Contains("/Outlines", StringComparison.Ordinal)) throw new InvalidOperationException("PDF already has an outline");
        return body;
    }

    [GeneratedRegex(@"^xref\s+(?<start>\d+) (?<count>\d+)\s*?\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"^\d+ 0 obj\s*<<(?<body>.*?)>>\s*endobj", RegexOptions.Singleline)]
    private static partial Regex CatalogObject();

    private static IEnumerable<(int Start, int Count)> Runs(IEnumerable<int> sorted)
    {
        int start = -1, count = 0;
        foreach (var n in sorted)
        {
            if (start >= 0 && n == start + count) { count++; continue; }
            if (start >= 0) yield return (start, count);
            (start, count) = (n, 1);
        }
        if (start >= 0) yield return (start, count);
    }

    /// <summary>A PDF text string in UTF-16BE with a byte order mark, as hex: any script, no escaping.</summary>
    private static string TextString(string s)
    {
        var sb = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(s)) sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return sb.Append('>').ToString();
    }

    /// <summary>Anchors are made of letters, digits and '-' (see the composers); anything else is escaped as #xx.</summary>
    private static string Name(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_')
                sb.Append((char)b);
            else sb.Append(CultureInfo.InvariantCulture, $"#{b:X2}");
        return sb.ToString();
    }

    [GeneratedRegex(@"trailer\s*<<(?=.*?/Size (?<size>\d+))(?=.*?/Root (?<root>\d+) 0 R)(?:(?=.*?/Info (?<info>\d+) 0 R))?", RegexOptions.Singleline)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"startxref\s+(?<at>\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXrefPattern();
}
