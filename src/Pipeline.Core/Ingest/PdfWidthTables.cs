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

    /// <summary>Why the file's width tables cannot be right, or null where every one that is visible is plausible.</summary>
    public static string? Problem(ReadOnlySpan<byte> pdf)
    {
        var from = 0;
        while (from < pdf.Length)
        {
            var hit = pdf[from..].IndexOf(Key);
            if (hit < 0) return null;
            var at = from + hit + Key.Length;
            from = at;
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

    private static string Shorten(string token) => token.Length <= 20 ? token : token[..20] + "…";

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
}
