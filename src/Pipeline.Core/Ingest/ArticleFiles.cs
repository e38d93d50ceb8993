namespace Pipeline.Ingest;

/// <summary>
/// Which files of the input folder are articles. Only the folder itself is read, not its
/// sub-folders: each article's output goes to output/&lt;file name&gt;/, so names must be unique,
/// and sub-folders are where people keep drafts and originals they do not want processed.
/// </summary>
public static class ArticleFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".md", ".html", ".htm", ".docx", ".pdf"];

    public static IEnumerable<string> Enumerate(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(IsArticle)
            .Order(StringComparer.Ordinal);

    public static bool IsArticle(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Length == 0 || IsIgnored(name)) return false;
        return Extensions.Contains(Path.GetExtension(name).ToLowerInvariant());
    }

    /// <summary>Sidecars, hidden files, and the temporary files of editors, Office and downloads.</summary>
    public static bool IsIgnored(string name) =>
        name.EndsWith(Sidecar.Suffix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith('.')          // hidden, and emacs lock files .#name
        || name.StartsWith("~$")         // Office owner files
        || name.EndsWith('~')            // editor backups
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase);
}
