using System.Security.Cryptography;
using Pipeline.Ingest;
using Pipeline.Stages;

namespace Pipeline.Tests.Hostile;

/// <summary>Only regular files are read, and never more of them than maxFileBytes, whatever a stat says.</summary>
public class InputFileTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("input-file-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("FIFOs, devices and /proc are Linux matters here");
    }

    /// <summary>Runs <paramref name="read"/> on a thread that may block forever, and fails instead of hanging.</summary>
    private static T WithinSeconds<T>(int seconds, Func<T> read)
    {
        var task = Task.Factory.StartNew(read, TaskCreationOptions.LongRunning);
        Assert.That(task.Wait(TimeSpan.FromSeconds(seconds)), "returned instead of blocking");
        return task.Result;
    }

    [Test]
    public void A_folder_listing_says_what_each_entry_is_as_lstat_does()
    {
        RequireLinux();
        File.WriteAllText(PathOf("a.txt"), "文章");
        Directory.CreateDirectory(PathOf("drafts.txt"));
        File.CreateSymbolicLink(PathOf("link.txt"), PathOf("a.txt"));
        HostileInputs.MakeFifo(PathOf("fifo.txt"));
        HostileInputs.MakeSocket(PathOf("socket.txt"));
        var listed = UnixFiles.ListFolder(_dir)!;
        Assert.That(listed.Select(e => e.Name), Is.EquivalentTo(new[] { "a.txt", "drafts.txt", "link.txt", "fifo.txt", "socket.txt" }));
        foreach (var (name, kind) in listed)
            if (kind != FileKind.Unknown) // a file system that records no kinds leaves them to lstat
                Assert.That(kind, Is.EqualTo(UnixFiles.Lstat(PathOf(name)).Kind), name);
        Assert.That(UnixFiles.ListFolder(PathOf("missing")), Is.Null, "a folder that cannot be listed is left to .NET, which says why");
    }

    [Test]
    public void A_fifo_is_refused_without_being_opened()
    {
        RequireLinux();
        HostileInputs.MakeFifo(PathOf("fifo.txt"));
        var error = WithinSeconds(10, () => Assert.Throws<ArticleException>(() => InputFile.ReadAll(PathOf("fifo.txt"), 1000, SymlinkPolicy.Anywhere)));
        Assert.That(error!.Message, Is.EqualTo("not a regular file: a FIFO (named pipe); never opened"));
    }

    [Test]
    public void Opening_a_name_swapped_for_a_fifo_returns_at_once_and_tells_what_it_is()
    {
        RequireLinux();
        HostileInputs.MakeFifo(PathOf("swapped.txt"));
        // The race the inspection cannot close: the open itself must not wait for a writer.
        var kind = WithinSeconds(10, () =>
        {
            using var handle = UnixFiles.OpenForReading(PathOf("swapped.txt"));
            return UnixFiles.Fstat(handle).Kind;
        });
        Assert.That(kind, Is.EqualTo(FileKind.Fifo));
    }

    [TestCase("/dev/zero")]
    [TestCase("/dev/urandom")]
    public void A_symlink_to_a_device_is_refused_under_every_policy(string device)
    {
        RequireLinux();
        File.CreateSymbolicLink(PathOf("device.txt"), device);
        foreach (var policy in Enum.GetValues<SymlinkPolicy>())
            Assert.That(InputFile.Refusal(PathOf("device.txt"), policy), Is.Not.Null, policy.ToString());
        Assert.That(InputFile.Refusal(PathOf("device.txt"), SymlinkPolicy.Anywhere),
            Is.EqualTo($"a symlink to a character device ({device}), not followed; never opened"));
    }

    [Test]
    public void A_symlink_is_followed_inside_its_folder_anywhere_only_when_allowed_and_never_when_so_set()
    {
        File.WriteAllText(PathOf("original.text"), "中国与东盟发表联合声明。");
        File.CreateSymbolicLink(PathOf("inside.txt"), "original.text");
        var outside = Directory.CreateTempSubdirectory("outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "elsewhere.txt"), "An article kept elsewhere.");
            File.CreateSymbolicLink(PathOf("outside.txt"), Path.Combine(outside, "elsewhere.txt"));

            Assert.That(InputFile.ReadAll(PathOf("inside.txt"), 1000, SymlinkPolicy.InsideFolder), Is.EqualTo(File.ReadAllBytes(PathOf("original.text"))));
            Assert.That(InputFile.Refusal(PathOf("outside.txt"), SymlinkPolicy.InsideFolder), Does.StartWith("a symlink to a file outside its folder"));
            Assert.That(InputFile.ReadAll(PathOf("outside.txt"), 1000, SymlinkPolicy.Anywhere), Is.EqualTo("An article kept elsewhere."u8.ToArray()));
            Assert.That(InputFile.Refusal(PathOf("inside.txt"), SymlinkPolicy.Never), Does.Contain("symlinks is \"never\""));
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Test]
    public void Loops_and_broken_links_are_named()
    {
        File.CreateSymbolicLink(PathOf("a.txt"), "b.txt");
        File.CreateSymbolicLink(PathOf("b.txt"), "a.txt");
        File.CreateSymbolicLink(PathOf("broken.txt"), "missing.txt");
        Assert.That(InputFile.Refusal(PathOf("a.txt"), SymlinkPolicy.Anywhere), Does.StartWith("symlink loop"));
        Assert.That(InputFile.Refusal(PathOf("broken.txt"), SymlinkPolicy.Anywhere), Does.StartWith("broken symlink"));
        var scan = ArticleFiles.Scan(_dir);
        Assert.That(scan.Articles, Is.Empty);
        Assert.That(scan.Refused.Select(r => r.FileName), Is.EquivalentTo(new[] { "a.txt", "b.txt", "broken.txt" }));
    }

    [Test]
    public void The_limit_holds_on_the_bytes_read_when_the_size_a_file_claims_is_wrong()
    {
        RequireLinux();
        // /proc files claim a size of 0 and hold more: like a device or a file still growing.
        Assert.That(UnixFiles.Stat("/proc/self/status").Size, Is.Zero, "precondition");
        var e = Assert.Throws<ArticleException>(() => InputFile.ReadAll("/proc/self/status", 100, SymlinkPolicy.Anywhere));
        Assert.That(e!.Message, Does.StartWith("file too large (more than 100 bytes read"));
    }

    [Test]
    public void A_sparse_file_over_the_limit_is_refused_and_hashed_without_reading_it_whole()
    {
        var path = PathOf("sparse.txt");
        using (var f = new FileStream(path, FileMode.CreateNew)) f.SetLength(3L << 30);
        var e = Assert.Throws<ArticleException>(() => InputFile.ReadAll(path, 20 << 20, SymlinkPolicy.InsideFolder));
        Assert.That(e!.Message, Is.EqualTo("file too large (3,221,225,472 bytes; the limit, maxFileBytes, is 20,971,520)"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        InputFile.AppendHash(sha, path, 20 << 20, SymlinkPolicy.InsideFolder);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(4 << 20), "streamed, not loaded");
    }

    [Test]
    public void A_small_article_is_hashed_whole_with_a_buffer_of_its_size()
    {
        var text = string.Concat(Enumerable.Repeat("新华社北京１月３日电　一篇短新闻。", 400));
        File.WriteAllText(PathOf("news.txt"), text);
        var bytes = File.ReadAllBytes(PathOf("news.txt"));
        Assert.That(bytes.Length, Is.GreaterThan(4096), "precondition: more than one minimal buffer");
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        expected.AppendData(bytes);
        expected.AppendData(BitConverter.GetBytes((long)bytes.Length));

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        InputFile.AppendHash(sha, PathOf("news.txt"), 20 << 20, SymlinkPolicy.InsideFolder);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(bytes.Length + (16 << 10)), "not a 1 MB buffer per article");
        Assert.That(sha.GetHashAndReset(), Is.EqualTo(expected.GetHashAndReset()));
    }

    [Test]
    public void A_limit_past_what_one_article_can_hold_is_capped_not_a_crash()
    {
        File.WriteAllText(PathOf("small.txt"), "A small article.");
        Assert.That(InputFile.ReadAll(PathOf("small.txt"), 3_000_000_000, SymlinkPolicy.InsideFolder), Has.Length.EqualTo(16));
    }

    [Test]
    public void A_sidecar_too_long_for_the_file_system_is_no_sidecar()
    {
        var name = new string('n', 251) + ".txt"; // NAME.meta.json would be 265 bytes
        File.WriteAllText(PathOf(name), "Text.");
        Assert.That(Sidecar.Exists(PathOf(name)), Is.False);
        Assert.That(Sidecar.ReadFor(PathOf(name)), Is.Null);
    }
}
