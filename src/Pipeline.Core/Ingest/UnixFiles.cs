using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pipeline.Ingest;

/// <summary>What a directory entry is, as the file system says (not what its name suggests).</summary>
public enum FileKind { Regular, Directory, Symlink, Fifo, Socket, CharacterDevice, BlockDevice, Missing, Unknown }

/// <summary>The facts of one file taken from a single stat call: kind, size and identity.</summary>
public sealed record FileFacts(FileKind Kind, long Size, long ModifiedTicks, ulong Device, ulong Inode);

/// <summary>
/// The few POSIX calls .NET does not offer: the type of a file (a FIFO, a device and a socket all look
/// like plain files to FileInfo), the real path of a symlink chain, and an open that cannot block
/// (opening a FIFO for reading waits for a writer, forever). statx is used because its record has the
/// same layout on every Linux architecture, unlike struct stat. Elsewhere (Windows, macOS) there are
/// no FIFOs or devices among ordinary folder entries that .NET would hand out, so .NET's view is used.
/// </summary>
public static class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000; // the same on x86-64 and arm64
    private const int ENoEnt = 2, ENotDir = 20, ELoop = 40, ENameTooLong = 36;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern nint RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, nint resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(nint pointer);

    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static extern nint OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static extern nint ReadDir(nint directory);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDir(nint directory);

    private static readonly bool Posix = OperatingSystem.IsLinux();

    /// <summary>
    /// The entries of a folder with the kind the folder itself records for each (d_type), which costs no call per
    /// entry: a folder of thousands of articles was a stat each before the first article could start. Unknown where
    /// the file system does not record it; null where the folder is not listed this way (not 64-bit Linux, or it
    /// cannot be read: .NET's listing then says why).
    /// </summary>
    public static List<(string Name, FileKind Kind)>? ListFolder(string folder)
    {
        if (!Posix || !Environment.Is64BitProcess) return null;
        var directory = OpenDir(folder);
        if (directory == 0) return null;
        try
        {
            var entries = new List<(string Name, FileKind Kind)>();
            while (true)
            {
                var entry = ReadDir(directory);
                if (entry == 0) return Marshal.GetLastPInvokeError() == 0 ? entries : null;
                // struct dirent of 64-bit Linux (glibc and musl alike): d_ino and d_off (8 bytes each), d_reclen (2),
                // d_type (1), then the name.
                var name = Marshal.PtrToStringUTF8(entry + 19)!;
                if (name is "." or "..") continue;
                entries.Add((name, Marshal.ReadByte(entry, 18) switch
                {
                    8 => FileKind.Regular,
                    4 => FileKind.Directory,
                    10 => FileKind.Symlink,
                    1 => FileKind.Fifo,
                    12 => FileKind.Socket,
                    2 => FileKind.CharacterDevice,
                    6 => FileKind.BlockDevice,
                    _ => FileKind.Unknown,
                }));
            }
        }
        finally
        {
            CloseDir(directory);
        }
    }

    /// <summary>The entry itself (a symlink is reported as a symlink); Missing when there is nothing.</summary>
    public static FileFacts Lstat(string path) => Stat(path, followLinks: false);

    /// <summary>What the path leads to after every symlink; a loop throws <see cref="SymlinkLoopException"/>.</summary>
    public static FileFacts Stat(string path) => Stat(path, followLinks: true);

    private static FileFacts Stat(string path, bool followLinks)
    {
        if (!Posix) return ManagedStat(path, followLinks);
        var buffer = new byte[256];
        if (StatX(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                ENoEnt or ENotDir => new FileFacts(FileKind.Missing, 0, 0, 0, 0),
                ELoop => throw new SymlinkLoopException(path),
                ENameTooLong => throw new PathTooLongException($"file name too long: {path}"),
                _ => throw new IOException($"cannot inspect {path}: {Marshal.GetPInvokeErrorMessage(errno)}"),
            };
        }
        return Facts(buffer);
    }

    /// <summary>The facts of an open file (the one actually read, whatever its name points to now).</summary>
    public static FileFacts Fstat(SafeFileHandle handle)
    {
        if (!Posix)
        {
            var length = RandomAccess.GetLength(handle);
            return new FileFacts(FileKind.Regular, length, 0, 0, 0);
        }
        var buffer = new byte[256];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (StatX((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxBasicStats, buffer) != 0)
                throw new IOException($"cannot inspect an open file: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
        return Facts(buffer);
    }

    /// <summary>The absolute path with every symlink resolved; null when some part of it does not exist.</summary>
    public static string? RealPathOf(string path)
    {
        if (!Posix)
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        var resolved = RealPath(path, 0);
        if (resolved == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == ELoop) throw new SymlinkLoopException(path);
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>
    /// Opens for reading without ever blocking: were the path swapped for a FIFO after it was inspected,
    /// the open returns at once instead of waiting for a writer, and the caller's fstat refuses it.
    /// </summary>
    public static SafeFileHandle OpenForReading(string path)
    {
        if (!Posix) return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var fd = Open(path, ORdOnly | ONonBlock | OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var message = Marshal.GetPInvokeErrorMessage(errno);
            throw errno switch
            {
                ENoEnt or ENotDir => new FileNotFoundException(message, path),
                ELoop => new SymlinkLoopException(path),
                13 or 1 => new UnauthorizedAccessException($"{message}: {path}"), // EACCES, EPERM
                _ => new IOException($"{message}: {path}"),
            };
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static FileFacts Facts(byte[] b)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(28));
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(32));
        var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(40));
        var mtimeSeconds = BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(112));
        var mtimeNanos = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(120));
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(140));
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Unknown,
        };
        return new FileFacts(kind, size, DateTime.UnixEpoch.Ticks + mtimeSeconds * TimeSpan.TicksPerSecond + mtimeNanos / 100, device, inode);
    }

    private static FileFacts ManagedStat(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists)
        {
            info = new DirectoryInfo(path);
            return info.Exists ? new FileFacts(FileKind.Directory, 0, info.LastWriteTimeUtc.Ticks, 0, 0)
                : new FileFacts(FileKind.Missing, 0, 0, 0, 0);
        }
        if (info.LinkTarget is not null)
        {
            if (!followLinks) return new FileFacts(FileKind.Symlink, 0, info.LastWriteTimeUtc.Ticks, 0, 0);
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            if (!info.Exists) return new FileFacts(FileKind.Missing, 0, 0, 0, 0);
        }
        return new FileFacts(FileKind.Regular, ((FileInfo)info).Length, info.LastWriteTimeUtc.Ticks, 0, 0);
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a folder",
        FileKind.Symlink => "a symlink",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };
}

/// <summary>A chain of symlinks that never ends (a → b → a).</summary>
public sealed class SymlinkLoopException(string path) : IOException($"symlink loop: {path}");
