using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>Which symlinks among the article files are followed (ingest option <c>symlinks</c>).</summary>
public enum SymlinkPolicy
{
    /// <summary>Followed when the final target is a regular file in the same folder as the link (the default).</summary>
    InsideFolder,
    /// <summary>Followed to a regular file anywhere: for folders of links to an archive elsewhere.</summary>
    Anywhere,
    /// <summary>Never followed.</summary>
    Never,
}

/// <summary>A file of the input folder that is not read, and why (it is never opened).</summary>
public sealed record RefusedFile(string Path, string Reason)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// The only way article bytes are read. A file is read only when it is a regular file (or a symlink the
/// policy allows to one); FIFOs, devices, sockets and symlink loops are refused before anything opens
/// them. <c>maxFileBytes</c> is enforced on the bytes actually read, not on a size that a device, a
/// growing file or a sparse file reports, and the read stops as soon as the limit is passed.
/// </summary>
public static class InputFile
{
    private const int Chunk = 1 << 20;
    private const int MinHashBuffer = 4096;

    /// <summary>
    /// Null when <paramref name="path"/> may be read under <paramref name="policy"/>, else the reason it is
    /// refused. Symlinks are judged by their final target; "inside" means in the folder holding the link.
    /// </summary>
    public static string? Refusal(string path, SymlinkPolicy policy)
    {
        try
        {
            var entry = UnixFiles.Lstat(path);
            if (entry.Kind == FileKind.Missing) return "file not found (deleted before it could be read)";
            if (entry.Kind != FileKind.Symlink)
                return entry.Kind == FileKind.Regular ? null : $"not a regular file: {UnixFiles.Describe(entry.Kind)}; never opened";
            if (policy == SymlinkPolicy.Never)
                return "a symlink, not followed (the ingest option symlinks is \"never\")";
            var target = UnixFiles.Stat(path);
            if (target.Kind == FileKind.Missing) return "broken symlink: its target does not exist";
            var real = UnixFiles.RealPathOf(path) ?? "?";
            if (target.Kind != FileKind.Regular)
                return $"a symlink to {UnixFiles.Describe(target.Kind)} ({real}), not followed; never opened";
            if (policy == SymlinkPolicy.InsideFolder && !IsInside(real, Path.GetDirectoryName(Path.GetFullPath(path))!))
                return $"a symlink to a file outside its folder ({real}), not followed (the ingest option symlinks: \"anywhere\" allows it)";
            return null;
        }
        catch (SymlinkLoopException)
        {
            return "symlink loop (the link leads back to itself), not followed";
        }
        catch (PathTooLongException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"file cannot be inspected: {e.Message}";
        }
    }

    private static bool IsInside(string realTarget, string folder)
    {
        var realFolder = UnixFiles.RealPathOf(folder) ?? folder;
        var prefix = realFolder.EndsWith(Path.DirectorySeparatorChar) ? realFolder : realFolder + Path.DirectorySeparatorChar;
        return realTarget.StartsWith(prefix, StringComparison.Ordinal)
               && realTarget.IndexOf(Path.DirectorySeparatorChar, prefix.Length) < 0;
    }

    /// <summary>
    /// The whole file, at most <paramref name="maxBytes"/> of it, or an <see cref="ArticleException"/> that
    /// says why not: refused by the policy, too large, changed or deleted while read, unreadable.
    /// </summary>
    public static byte[] ReadAll(string path, long maxBytes, SymlinkPolicy policy, CancellationToken cancellation = default) =>
        Read(path, maxBytes, policy, cancellation).Bytes;

    /// <summary><see cref="ReadAll"/> with the modification time the file had while it was read.</summary>
    public static FileRead Read(string path, long maxBytes, SymlinkPolicy policy, CancellationToken cancellation = default)
    {
        // An article is held in memory whole, in one array: a larger limit cannot be honoured.
        maxBytes = Math.Min(maxBytes, MaxArticleBytes);
        using var file = OpenChecked(path, maxBytes, policy);
        var length = file.Before.Size;
        var bytes = new byte[(int)Math.Min(Math.Max(length, 0) + 1, Math.Min(maxBytes + 1, Array.MaxLength))];
        long total = 0;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (total == bytes.Length)
            {
                if (total > maxBytes) throw TooLarge(maxBytes, $"more than {maxBytes:N0} bytes read");
                Array.Resize(ref bytes, (int)Math.Min(Math.Max(total * 2, Chunk), Math.Min(maxBytes + 1, Array.MaxLength)));
            }
            var asked = (int)Math.Min(Chunk, bytes.Length - total);
            var read = RandomAccess.Read(file.Handle, bytes.AsSpan((int)total, asked), total);
            total += read;
            // A read short of the size the file had is at its end: no read for the zero. (Any other short read, as
            // some network file systems give, reads on; the size is checked again below either way.)
            if (read == 0 || read < asked && total == length) break;
        }
        if (total > maxBytes) throw TooLarge(maxBytes, $"more than {maxBytes:N0} bytes read");
        file.CheckUnchanged(path, total);
        if (total == 0) throw new ArticleException("empty file");
        if (total != bytes.Length) Array.Resize(ref bytes, (int)total);
        // The file was checked unchanged after the read, so its time then is the time of these bytes.
        return new FileRead(bytes, file.Before.ModifiedTicks > 0 ? new DateTime(file.Before.ModifiedTicks, DateTimeKind.Utc) : null);
    }

    /// <summary>SHA-256 of the file's first <paramref name="maxBytes"/> + 1 bytes, streamed (a file over the limit
    /// is refused when it is read; its hash only has to differ from other versions').</summary>
    public static void AppendHash(IncrementalHash hash, string path, long maxBytes, SymlinkPolicy policy,
        CancellationToken cancellation = default)
    {
        using var file = OpenChecked(path, long.MaxValue, policy);
        // Sized by the file, not the chunk: a news article is a few KB, and a 1 MB buffer per article was memory
        // the collector cleared and the kernel mapped for nothing. A file that grows is read in more rounds.
        var buffer = new byte[Math.Min(Math.Clamp(file.Before.Size + 1, MinHashBuffer, Chunk), maxBytes + 1)];
        long total = 0;
        while (total <= maxBytes)
        {
            cancellation.ThrowIfCancellationRequested();
            var read = RandomAccess.Read(file.Handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, maxBytes + 1 - total)), total);
            if (read == 0) break;
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        hash.AppendData(BitConverter.GetBytes(file.Before.Size));
    }

    /// <summary>The largest byte array .NET makes, less the byte that detects a file over the limit.</summary>
    public const long MaxArticleBytes = 0x7FFFFFC7 - 1;

    private static ArticleException TooLarge(long maxBytes, string what) =>
        new($"file too large ({what}; the limit, maxFileBytes, is {maxBytes:N0}"
            + (maxBytes == MaxArticleBytes ? ", the most one article can hold)" : ")"));

    private static OpenFile OpenChecked(string path, long maxBytes, SymlinkPolicy policy)
    {
        if (Refusal(path, policy) is { } reason) throw new ArticleException(reason);
        SafeFileHandle? handle = null;
        try
        {
            handle = UnixFiles.OpenForReading(path);
            var before = UnixFiles.Fstat(handle);
            // Inspected a moment ago, but the name may have been pointed elsewhere since.
            if (before.Kind != FileKind.Regular)
                throw new ArticleException($"not a regular file: {UnixFiles.Describe(before.Kind)}");
            // A regular file's size is the truth before reading: refuse the hopeless at once (a sparse file costs nothing to stat).
            if (before.Size > maxBytes) throw TooLarge(maxBytes, $"{before.Size:N0} bytes");
            var file = new OpenFile(handle, before);
            handle = null;
            return file;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArticleException("file not found (deleted before it could be read)", e);
        }
        catch (SymlinkLoopException e)
        {
            throw new ArticleException("symlink loop (the link leads back to itself), not followed", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new ArticleException($"file cannot be read: {e.Message}", e);
        }
        finally
        {
            handle?.Dispose();
        }
    }

    private sealed class OpenFile(SafeFileHandle handle, FileFacts before) : IDisposable
    {
        public SafeFileHandle Handle { get; } = handle;
        public FileFacts Before { get; } = before;

        /// <summary>A copy still in progress or an editor saving: the file read must be the file that is there now.</summary>
        public void CheckUnchanged(string path, long bytesRead)
        {
            var after = UnixFiles.Fstat(Handle);
            if (UnixFiles.Lstat(path).Kind == FileKind.Missing) throw new ArticleException("file deleted while it was being read");
            if (bytesRead != Before.Size || after.Size != Before.Size || after.ModifiedTicks != Before.ModifiedTicks)
                throw new ArticleException("file changed while it was being read (still being copied or saved?)");
        }

        public void Dispose() => Handle.Dispose();
    }
}

/// <summary>A file's bytes and when it was last modified (null where the system does not say).</summary>
public sealed record FileRead(byte[] Bytes, DateTime? ModifiedUtc);
