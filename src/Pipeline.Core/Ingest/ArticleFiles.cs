namespace Pipeline.Ingest;

/// <summary>
/// Which files of the input folder are articles. Only the folder itself is read, not its
/// sub-folders: each article's output goes to output/&lt;file name&gt;/, so names must be unique,
/// and sub-folders are where people keep drafts and originals they do not want processed.
/// An entry with an article's name that is not a regular file (a FIFO, a device, a socket, a
/// symlink the policy does not follow) is refused with its reason and never opened.
/// </summary>
public static class ArticleFiles
{
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".md", ".html", ".htm", ".docx", ".pdf"];

    /// <summary>The article files of <paramref name="folder"/> that may be read, in name order.</summary>
    public static IEnumerable<string> Enumerate(string folder, SymlinkPolicy symlinks = SymlinkPolicy.InsideFolder) =>
        Scan(folder, symlinks).Articles;

    /// <summary>Every entry of <paramref name="folder"/> named like an article: those to read and those refused.</summary>
    public static InputScan Scan(string folder, SymlinkPolicy symlinks = SymlinkPolicy.InsideFolder)
    {
        var articles = new List<string>();
        var refused = new List<RefusedFile>();
        var entries = UnixFiles.ListFolder(folder) is { } kinds
            ? kinds.Select(e => (Path: Path.Join(folder, e.Name), Listed: e.Kind))
            : Directory.EnumerateFileSystemEntries(folder).Select(p => (Path: p, Listed: FileKind.Unknown));
        foreach (var (path, listed) in entries.Where(e => IsArticle(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            // Sub-folders are never read, whatever their name; a symlink to one is a sub-folder too. A regular file or a
            // folder as the folder records it is what lstat would say; anything else is looked at.
            var kind = listed is FileKind.Regular or FileKind.Directory ? listed : UnixFiles.Lstat(path).Kind;
            if (kind == FileKind.Directory || kind == FileKind.Symlink && Directory.Exists(path)) continue;
            if (ReservedNames.Contains(Path.GetFileName(path)))
            {
                refused.Add(new RefusedFile(path, $"the name {Path.GetFileName(path)} is the batch overview's in the output folder, where " +
                                                  "this article's results would go; rename the file to have it processed"));
                continue;
            }
            // A regular file is what InputFile.Refusal would pass without a second look; a folder of thousands of
            // articles is then one system call a file.
            if (kind == FileKind.Regular) articles.Add(path);
            else if (InputFile.Refusal(path, symlinks) is { } reason) refused.Add(new RefusedFile(path, reason));
            else articles.Add(path);
        }
        return new InputScan(articles, refused);
    }

    /// <summary>
    /// The batch overview's files in the output folder (every report format's <c>OverviewFileName</c>): an article of
    /// that name would have its folder there, and the two would take each other's place.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "index.html", "overview.docx", "overview.pdf",
    };

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

/// <summary>The article files of a folder to read, and the entries refused without being opened.</summary>
public sealed record InputScan(IReadOnlyList<string> Articles, IReadOnlyList<RefusedFile> Refused);
