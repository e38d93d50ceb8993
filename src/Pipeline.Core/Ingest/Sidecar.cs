using System.Text.Json;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// NAME.meta.json beside NAME: what the person who collected the article knows about it
/// (date, title, source, url, language). It outranks whatever the file itself says.
/// Unknown keys are ignored so collectors may keep their own notes there.
/// </summary>
public sealed record Sidecar(DateOnly? Date, string? Title, string? Source, string? Url, string? Language)
{
    public const string Suffix = ".meta.json";

    public static string PathFor(string articlePath) => articlePath + Suffix;

    /// <summary>The sidecar of <paramref name="articlePath"/>, null when there is none.</summary>
    public static Sidecar? ReadFor(string articlePath, SymlinkPolicy symlinks = SymlinkPolicy.InsideFolder,
        CancellationToken cancellation = default)
    {
        if (!Exists(articlePath)) return null;
        var path = PathFor(articlePath);
        byte[] bytes;
        try
        {
            bytes = InputFile.ReadAll(path, MaxBytes, symlinks, cancellation);
        }
        catch (ArticleException e)
        {
            throw new ArticleException($"sidecar {Path.GetFileName(path)}: {e.Message}", e);
        }
        return Parse(bytes, Path.GetFileName(path));
    }

    /// <summary>A few fields of metadata: anything larger is not a sidecar.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// Whether the article has a sidecar entry (of any kind: one that cannot be read is an error, not
    /// silence). A name already near the file system's limit cannot have one.
    /// </summary>
    public static bool Exists(string articlePath)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(articlePath) + Suffix) > MaxNameBytes) return false;
        return UnixFiles.Lstat(PathFor(articlePath)).Kind != FileKind.Missing;
    }

    // NAME_MAX of Linux and macOS file systems, in bytes.
    private const int MaxNameBytes = 255;

    public static Sidecar Parse(byte[] bytes, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes.AsMemory(), new JsonDocumentOptions
                { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArticleException($"malformed sidecar {name}: must be a JSON object");
            string? Str(string key)
            {
                if (!doc.RootElement.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
                if (v.ValueKind != JsonValueKind.String)
                    throw new ArticleException($"malformed sidecar {name}: '{key}' must be a string");
                var s = v.GetString()!.Trim();
                return s.Length == 0 ? null : s;
            }
            var dateText = Str("date");
            DateOnly? date = null;
            if (dateText is not null)
                date = IsoDate.TryParse(dateText)
                       ?? throw new ArticleException($"malformed sidecar {name}: 'date' is not an ISO 8601 date ('{dateText}')");
            return new Sidecar(date, Str("title"), Str("source"), Str("url"), Str("language"));
        }
        catch (JsonException e)
        {
            throw new ArticleException($"malformed sidecar {name}: not valid JSON ({e.Message})", e);
        }
    }
}
