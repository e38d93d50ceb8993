namespace Pipeline.Ingest;

/// <summary>Which files in a folder are articles (placeholder until the ingest stage lands).</summary>
public static class ArticleFiles
{
    private static readonly string[] Extensions = [".txt", ".md", ".html", ".htm", ".docx", ".pdf"];

    public static IEnumerable<string> Enumerate(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".meta.json"))
            .Order(StringComparer.Ordinal);
}
