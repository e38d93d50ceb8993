using System.Security.Cryptography;
using Pipeline.Configuration;
using Pipeline.Ingest;
using Pipeline.Running.Shards;
using Pipeline.Stages;

namespace Pipeline.Running;

/// <summary>
/// How the runner, a shard and the merge see the input folder: which entries are articles and which are
/// refused, and each article's content hash. They read inputs under the ingest stage's rules (symlink
/// policy, maxFileBytes), so every one of them agrees on what the input is.
/// </summary>
public sealed record InputRules(long MaxFileBytes, SymlinkPolicy Symlinks)
{
    public static InputRules Of(ArticlePipeline pipeline) =>
        pipeline.Stages.OfType<IngestStage>().FirstOrDefault() is { } ingest
            ? new InputRules(ingest.MaxFileBytes, ingest.Symlinks)
            : new InputRules(IngestStage.DefaultMaxFileBytes, SymlinkPolicy.InsideFolder);

    /// <summary>The articles and refused entries of <paramref name="folder"/>, only <paramref name="shard"/>'s when given.</summary>
    public InputScan Scan(string folder, ShardSpec? shard = null)
    {
        if (!Directory.Exists(folder))
            throw new ConfigException(File.Exists(folder) ? $"the input is a file, not a folder: {folder}" : $"input folder not found: {folder}");
        var scan = ArticleFiles.Scan(folder, Symlinks);
        if (shard is null || shard.Count == 1) return scan;
        bool Mine(string path) => shard.Contains(Path.GetRelativePath(folder, path));
        return new InputScan([.. scan.Articles.Where(Mine)], [.. scan.Refused.Where(r => Mine(r.Path))]);
    }

    /// <summary>
    /// The article's bytes and its sidecar's: a new date in the sidecar changes the results too. Read
    /// under the same rules as ingest (regular files only, at most maxFileBytes), streamed.
    /// </summary>
    public string ContentHash(string path, CancellationToken cancellation = default)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        InputFile.AppendHash(sha, path, MaxFileBytes, Symlinks, cancellation);
        if (Sidecar.Exists(path))
        {
            sha.AppendData("\0sidecar\0"u8);
            try
            {
                InputFile.AppendHash(sha, Sidecar.PathFor(path), Sidecar.MaxBytes, Symlinks, cancellation);
            }
            catch (ArticleException e)
            {
                throw new ArticleException($"sidecar {Path.GetFileName(Sidecar.PathFor(path))}: {e.Message}", e);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The hash a run records for the file: its <see cref="ContentHash"/>, empty when the file cannot be read
    /// (too large, unreadable: the run recorded it failed without a hash), null when it is gone.
    /// </summary>
    public string? RecordedHash(string path)
    {
        try
        {
            return ContentHash(path);
        }
        catch (ArticleException)
        {
            return Path.Exists(path) ? "" : null;
        }
    }
}
