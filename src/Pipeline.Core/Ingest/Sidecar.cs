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
    public static Sidecar? ReadFor(string articlePath)
    {
        var path = PathFor(articlePath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        return Parse(bytes, Path.GetFileName(path));
    }

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
