using System.IO.Compression;
using System.Security.Cryptography;

namespace Pipeline.Evaluation;

/// <summary>
/// A digest of an annotated corpus's content (decompressed), so a model can record which corpora it learnt from
/// without keeping any of their text or document ids, and `evaluate` can tell a training file from a test file.
/// </summary>
public static class CorpusSignatures
{
    public static string Digest(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
