using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Running.Shards;

/// <summary>
/// One part of a run split over several processes or machines: shard <see cref="Index"/> (from 0) of
/// <see cref="Count"/>. An article belongs to the shard its path, relative to the input folder, hashes to:
/// a SHA-256 of the path's UTF-8 bytes, so every machine and every process agrees (string.GetHashCode is
/// randomised per process), and adding or removing one article moves no other one.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole input in one piece: a plain run.</summary>
    public static readonly ShardSpec Whole = new(0, 1);

    public static int Of(string relativePath, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        var key = relativePath.Replace('\\', '/');
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public bool Contains(string relativePath) => Count == 1 || Of(relativePath, Count) == Index;

    /// <summary>The shard's folder under output/shards/: "2-of-4".</summary>
    public string FolderName => $"{Index}-of-{Count}";

    public override string ToString() => $"shard {Index} of {Count}";

    /// <summary>"2-of-4" back to a spec; null for any other name.</summary>
    public static ShardSpec? Parse(string folderName)
    {
        var parts = folderName.Split("-of-");
        return parts.Length == 2 && int.TryParse(parts[0], out var i) && int.TryParse(parts[1], out var n)
               && n >= 1 && i >= 0 && i < n && $"{i}-of-{n}" == folderName
            ? new ShardSpec(i, n)
            : null;
    }
}
