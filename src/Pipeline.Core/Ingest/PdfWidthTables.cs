using System.Globalization;
using System.Text;

namespace Pipeline.Ingest;

/// <summary>
/// A CID font's width table (<c>/W [c [w…] cFirst cLast w …]</c>) with an absurd entry makes PdfPig loop for
/// as long as the range says (found by fuzzing: <c>1e308 1e308 1e308</c> never ends). CIDs are at most
/// 65,535 and widths a few thousand units, so a table that names more is damage, refused before parsing.
/// Only tables written in the clear are seen; one inside a compressed object stream is left to the watchdog.
/// </summary>
public static class PdfWidthTables
{
    private const double LargestEntry = 100_000; // above any CID (65,535) and any glyph width
    private static readonly byte[] Key = "/W"u8.ToArray();
    private static readonly byte[] StreamStart = "stream"u8.ToArray();
    private static readonly byte[] StreamEnd = "endstream"u8.ToArray();

    /// <summary>Why the file's width tables cannot be right, or null where every one that is visible is plausible.</summary>
    public static string? Problem(ReadOnlySpan<byte> pdf)
    {
        // Each search runs once per match, so a file of many keys or many streams is still read in one pass.
        var key = Next(pdf, Key, 0);
        var stream = Next(pdf, StreamStart, 0);
        while (key >= 0)
        {
            // Stream data (compressed content, fonts, images) can hold the bytes "/W[" by chance: skip it whole.
            if (stream >= 0 && stream < key)
            {
                var end = Next(pdf, StreamEnd, stream + StreamStart.Length);
                if (end < 0) return null;
                var after = end + StreamEnd.Length;
                stream = Next(pdf, StreamStart, after);
                if (key < after) key = Next(pdf, Key, after);
                continue;
            }
            var at = key + Key.Length;
            key = Next(pdf, Key, at);
            if (at < pdf.Length && pdf[at] == (byte)'2') at++; // /W2: vertical metrics, the same shape
            while (at < pdf.Length && IsSpace(pdf[at])) at++;
            if (at >= pdf.Length || pdf[at] != (byte)'[') continue; // /Widths, /WMode, /W as a value…
            if (TableProblem(pdf, at + 1) is { } problem) return problem;
        }
        return null;
    }

    private static string? TableProblem(ReadOnlySpan<byte> pdf, int at)
    {
        var depth = 1;
        while (at < pdf.Length && depth > 0)
        {
            var b = pdf[at];
            if (b == (byte)'[') { depth++; at++; continue; }
            if (b == (byte)']') { depth--; at++; continue; }
            if (IsSpace(b)) { at++; continue; }
            var start = at;
            while (at < pdf.Length && !IsSpace(pdf[at]) && pdf[at] is not ((byte)'[' or (byte)']' or (byte)'/')) at++;
            if (at == start) { at++; continue; }
            var token = Encoding.ASCII.GetString(pdf[start..at]);
            // PDF numbers are plain decimals (no exponent); anything else in a width table is damage too.
            if (!double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                if (token == "R") continue; // an indirect width, read by reference
                return $"a font's width table holds '{Shorten(token)}', which is not a number";
            }
            if (Math.Abs(n) > LargestEntry)
                return $"a font's width table holds {Shorten(token)}, far beyond any character code or width";
        }
        return null;
    }

    private static int Next(ReadOnlySpan<byte> pdf, ReadOnlySpan<byte> what, int from)
    {
        if (from >= pdf.Length) return -1;
        var hit = pdf[from..].IndexOf(what);
        return hit < 0 ? -1 : from + hit;
    }

    private static string Shorten(string token) => token.Length <= 20 ? token : token[..20] + "…";

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
}
