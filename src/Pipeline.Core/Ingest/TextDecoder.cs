using System.Text;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// Turns the bytes of a text file into a string, or refuses: a file that does not decode
/// cleanly is an error, never mangled text. The decoded text is kept exactly (only a BOM is
/// dropped) because annotation offsets count into it.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(false, false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(true, false, throwOnInvalidBytes: true);

    private static Encoding StrictGb18030 => Encoding.GetEncoding(54936,
        EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public sealed record Decoded(string Text, string EncodingName);

    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new ArticleException("empty file");

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Checked(Strict(StrictUtf8, bytes[3..], "UTF-8"), "UTF-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Checked(Strict(StrictUtf16Le, bytes[2..], "UTF-16 LE"), "UTF-16 LE (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Checked(Strict(StrictUtf16Be, bytes[2..], "UTF-16 BE"), "UTF-16 BE (BOM)");

        if (LooksLikeUtf16(bytes, out var bigEndian))
            return bigEndian
                ? Checked(Strict(StrictUtf16Be, bytes, "UTF-16 BE"), "UTF-16 BE")
                : Checked(Strict(StrictUtf16Le, bytes, "UTF-16 LE"), "UTF-16 LE");

        if (bytes.IndexOf((byte)0) >= 0)
            throw new ArticleException("binary file (contains NUL bytes), not text");

        if (TryStrict(StrictUtf8, bytes, out var utf8))
            return Checked(utf8, "UTF-8");

        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected?.EncodingName?.ToLowerInvariant();
        if (Legacy(bytes, detected) is { } legacy) return legacy;

        throw new ArticleException("undecodable text: neither valid UTF-8, UTF-16, GB18030, Big5 nor Windows-1252"
            + (detected is null or "ascii" or "utf-8" ? "" : $" (it looks like {detected}; save it as UTF-8)"));
    }

    /// <summary>
    /// A file in one of the older encodings news still arrives in: GB18030/GBK (mainland), Big5 (Taiwan, Hong Kong)
    /// or Windows-1252/Latin-1 (Western). Chinese decodes from most byte pairs in either of the two, so uchardet's
    /// statistics (UTF.Unknown) say which one the text is; a Chinese or Latin text must then look like one.
    /// </summary>
    private static Decoded? Legacy(ReadOnlySpan<byte> bytes, string? name)
    {
        if (name is "big5" or "big-5" && TryStrict(StrictLegacy(950), bytes, out var big5) && PlausibleChinese(big5))
            return Checked(big5, "Big5");
        if (TryStrict(StrictGb18030, bytes, out var gb) && PlausibleChinese(gb))
            return Checked(gb, "GB18030");
        if (name is "windows-1252" or "iso-8859-1" or "iso-8859-15" && TryStrict(StrictLegacy(1252), bytes, out var latin)
            && PlausibleLatin(latin))
            return Checked(latin, "Windows-1252");
        return null;
    }

    private static Encoding StrictLegacy(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>
    /// Western text: ASCII with a few accented letters and typographic punctuation; the C1 controls (0x80–0x9F
    /// as Latin-1) and a run of symbols mean the bytes are something else.
    /// </summary>
    private static bool PlausibleLatin(string text)
    {
        int usual = 0;
        foreach (var c in text)
            if (c < 0x80 || char.IsLetter(c) && c <= '\u024F' || c is >= '\u2010' and <= '\u2026' || c is '\u00A0' or '\u00AB' or '\u00BB' or '\u00B0' or '\u20AC')
                usual++;
        return usual >= text.Length * 0.97;
    }

    /// <summary>
    /// UTF-16 without a BOM: ASCII-range characters put a NUL in every other byte, on the
    /// odd side for little endian and the even side for big endian.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Length < 4 || sample.Length % 2 != 0 && sample.Length == bytes.Length) return false;
        int pairs = sample.Length / 2, evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        // Chinese UTF-16 has NULs only where ASCII (digits, spaces, line breaks) occurs, and news
        // text always has some; an ideograph puts a NUL on the other side only 1 time in 256.
        if (oddZeros > pairs / 50 && evenZeros < oddZeros / 4) return true;
        if (evenZeros > pairs / 50 && oddZeros < evenZeros / 4)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name) =>
        TryStrict(encoding, bytes, out var text) ? text : throw new ArticleException($"undecodable text: invalid {name} bytes");

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>
    /// GB18030 maps most byte pairs to some character, so bytes that are really something else
    /// (Latin-1, random data) may "decode". Real Chinese text has no private-use characters and
    /// is mostly common ideographs, ASCII and CJK punctuation.
    /// </summary>
    private static bool PlausibleChinese(string text)
    {
        int usual = 0, total = 0;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c)) continue;
            total++;
            if (c is >= '\uE000' and <= '\uF8FF') return false; // private use: GBK user-defined areas
            if (c < 0x80 || c is >= '\u4E00' and <= '\u9FFF' || c is >= '\u3000' and <= '\u303F'
                || c is >= '\uFF00' and <= '\uFFEF' || c is >= '\u2000' and <= '\u206F' || c == '\u00B7')
                usual++;
        }
        return total > 0 && usual >= total * 0.9;
    }

    /// <summary>Control characters other than line breaks and tabs mean binary data, not text.</summary>
    private static Decoded Checked(string text, string encoding)
    {
        if (text.Length == 0) throw new ArticleException("empty file");
        int controls = 0;
        foreach (var c in text)
        {
            if (c == '\0') throw new ArticleException("binary file (contains NUL characters), not text");
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v') && c < 0x80) controls++;
        }
        if (controls > Math.Max(2, text.Length / 200))
            throw new ArticleException($"binary file ({controls} control characters), not text");
        if (string.IsNullOrWhiteSpace(text)) throw new ArticleException("empty file (only white space)");
        return new Decoded(text, encoding);
    }
}
