using System.IO.Compression;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Tests.Ingest;

namespace Pipeline.Tests.Hostile;

/// <summary>What a run must make of one hostile input (the file name is the article's).</summary>
public enum Expected
{
    /// <summary>Processed: status ok.</summary>
    Ok,
    /// <summary>Read and refused with a reason: status failed.</summary>
    Failed,
    /// <summary>Never opened: status refused.</summary>
    Refused,
    /// <summary>Processed, or stopped by the watchdog with its reason (slow or costly today, a budget's matter).</summary>
    OkOrStopped,
}

/// <summary>One crafted input: how to make it in a folder, and the status and reason a run must give it.</summary>
public sealed record HostileInput(string Name, Expected Expected, string? Reason, Action<string> Create, bool LinuxOnly = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus, made at test time (nothing large is committed): everything an attacker or
/// an unlucky user has put in an input folder so far, from the classic bad files (empty, binary, zip
/// bombs, truncated and encrypted PDFs) to those that once crashed or hung the whole process (deep
/// nesting, FIFOs, symlinks to devices, a 5 MB line, entity bombs).
/// </summary>
public static class HostileInputs
{
    static HostileInputs() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string GoodText = "中国与东盟于2023年9月5日发表联合声明。双方同意加强合作。\n";

    /// <summary>The good articles every corpus run has beside the hostile ones.</summary>
    public static readonly string[] GoodNames = ["good-1.txt", "good-2.md", "good-3.html"];

    public static void WriteGood(string folder)
    {
        File.WriteAllText(Path.Combine(folder, GoodNames[0]), GoodText);
        File.WriteAllText(Path.Combine(folder, GoodNames[1]), "---\ntitle: Joint statement\n---\n" + GoodText);
        File.WriteAllText(Path.Combine(folder, GoodNames[2]), $"<html><body><article><p>{GoodText}</p></article></body></html>");
    }

    /// <summary>The bad files the batch always refused with a reason (kept as they were: a reader change must not lose one).</summary>
    public static IEnumerable<(string Name, Func<byte[]> Bytes, string Reason)> ClassicBadFiles()
    {
        yield return ("empty.txt", () => [], "empty file");
        yield return ("blank.md", () => "   \n\n"u8.ToArray(), "empty file");
        yield return ("binary.txt", () => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3E, 0x00], "binary file");
        yield return ("nul-bytes.txt", () => Encoding.UTF8.GetBytes("text\0with\0NUL\0bytes in it, more than a few\0\0"), "binary file");
        yield return ("undecodable.txt", () => [0x41, 0x80, 0xFF, 0x42, 0x80, 0xFF, 0x0A], "undecodable text");
        yield return ("cyrillic-1251.md", () => Encoding.GetEncoding(1251).GetBytes("Министерство иностранных дел России заявило во вторник, что переговоры продолжатся.\n"), "undecodable text");
        yield return ("notzip.docx", () => "This is plain text renamed to .docx"u8.ToArray(), "not a docx: not a zip archive");
        yield return ("truncated.docx", () => TestFiles.Docx(["Some paragraph text."])[..400], "truncated or damaged docx");
        yield return ("bomb.docx", () => TestFiles.ZipBombDocx(20L * 1024 * 1024), "zip bomb");
        yield return ("bigbomb.docx", () => TestFiles.ZipBombDocx(110L * 1024 * 1024), "zip bomb");
        yield return ("truncated.pdf", () => TestFiles.Pdf("Some text on a page.")[..300], "truncated PDF");
        yield return ("image-only.pdf", () => TestFiles.Pdf(""), "no text layer");
        yield return ("encrypted.pdf", TestFiles.EncryptedPdf, "encrypted PDF");
        yield return ("notpdf.pdf", () => "hello"u8.ToArray(), "not a PDF");
        yield return ("scripts-only.html", () => "<html><body><script>var x = 1;</script><nav>Menu</nav></body></html>"u8.ToArray(),
            "no article text");
    }

    /// <summary>Every hostile input; <paramref name="costly"/> adds those that take seconds and hundreds of MB today.</summary>
    public static IReadOnlyList<HostileInput> All(bool costly = true)
    {
        var all = new List<HostileInput>();
        foreach (var (name, bytes, reason) in ClassicBadFiles())
            all.Add(new(name, Expected.Failed, reason, dir => File.WriteAllBytes(Path.Combine(dir, name), bytes())));

        // Nesting that once overflowed the stack (exit 134) or took minutes to parse.
        foreach (var (name, open) in new[] { ("div", "<div>"), ("span", "<span>"), ("b", "<b>"), ("table", "<table><tr><td>") })
            all.Add(new($"nest-{name}.html", Expected.Failed, "HTML nests elements more than 512 deep",
                dir => Write(dir, $"nest-{name}.html", "<html><body>" + Repeat(open, 100_000) + "text</body></html>")));
        all.Add(new("nest-closed.html", Expected.Failed, "HTML nests elements more than 512 deep",
            dir => Write(dir, "nest-closed.html", "<html><body>" + Repeat("<div>", 100_000) + "text" + Repeat("</div>", 100_000) + "</body></html>")));
        all.Add(new("many-elements.html", Expected.Failed, "more than 100,000 elements",
            dir => Write(dir, "many-elements.html", "<html><body><p>" + Repeat("<i>x</i>", 300_000) + "</p></body></html>")));
        all.Add(new("deep.docx", Expected.Failed, "docx nests elements more than 512 deep",
            dir => File.WriteAllBytes(Path.Combine(dir, "deep.docx"), DeepDocx(100_000))));
        all.Add(new("deep-pdf-array.pdf", Expected.Failed, "damaged PDF",
            dir => File.WriteAllBytes(Path.Combine(dir, "deep-pdf-array.pdf"), PdfWithContent("BT /F1 12 Tf 50 700 Td " + Repeat("[", 100_000) + "(Hello)" + Repeat("]", 100_000) + " TJ ET"))));

        // XML attacks inside a .docx: entities are never expanded, nothing is fetched.
        all.Add(new("xxe.docx", Expected.Failed, "damaged docx", dir => File.WriteAllBytes(Path.Combine(dir, "xxe.docx"),
            TestFiles.RawDocx("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"""))));
        all.Add(new("billion-laughs.docx", Expected.Failed, "damaged docx", dir => File.WriteAllBytes(Path.Combine(dir, "billion-laughs.docx"),
            TestFiles.RawDocx("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{Repeat($"&{(char)('a' + i - 1)};", 10)}\">"))
                              + "]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"))));
        all.Add(new("zip-slip.docx", Expected.Ok, null, dir => File.WriteAllBytes(Path.Combine(dir, "zip-slip.docx"), ZipSlipDocx())));

        // Properties that do not parse are warnings: the article is kept.
        foreach (var created in new[] { "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2023-02-30T00:00:00Z", "not a date" })
        {
            var name = $"created-{created[..4].Replace(' ', '-')}.docx";
            all.Add(new(name, Expected.Ok, null, dir => File.WriteAllBytes(Path.Combine(dir, name), TestFiles.RawDocx(
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                + GoodText.Trim() + "</w:t></w:r></w:p></w:body></w:document>",
                "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + $"<dc:title>Statement</dc:title><dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created></cp:coreProperties>"))));
        }

        // Entries that are not regular files: never opened (a FIFO would block the open forever).
        all.Add(new("fifo.txt", Expected.Refused, "a FIFO (named pipe); never opened", dir => MakeFifo(Path.Combine(dir, "fifo.txt")), LinuxOnly: true));
        all.Add(new("socket.txt", Expected.Refused, "a socket; never opened", dir => MakeSocket(Path.Combine(dir, "socket.txt")), LinuxOnly: true));
        all.Add(new("zero.txt", Expected.Refused, "a symlink to a character device (/dev/zero)", dir => Link(dir, "zero.txt", "/dev/zero"), LinuxOnly: true));
        all.Add(new("urandom.txt", Expected.Refused, "a symlink to a character device (/dev/urandom)", dir => Link(dir, "urandom.txt", "/dev/urandom"), LinuxOnly: true));
        all.Add(new("passwd.txt", Expected.Refused, "a symlink to a file outside its folder (/etc/passwd)", dir => Link(dir, "passwd.txt", "/etc/passwd"), LinuxOnly: true));
        all.Add(new("loop-a.txt", Expected.Refused, "symlink loop", dir =>
        {
            Link(dir, "loop-a.txt", "loop-b.txt");
            Link(dir, "loop-b.txt", "loop-a.txt");
        }));
        all.Add(new("loop-b.txt", Expected.Refused, "symlink loop", _ => { }));
        all.Add(new("self-loop.txt", Expected.Refused, "symlink loop", dir => Link(dir, "self-loop.txt", "self-loop.txt")));
        all.Add(new("broken-link.txt", Expected.Refused, "broken symlink", dir => Link(dir, "broken-link.txt", "no-such-file.txt")));
        all.Add(new("inside-link.txt", Expected.Ok, null, dir =>
        {
            Write(dir, "archived-original.text", GoodText); // not an article name: read only through the link
            Link(dir, "inside-link.txt", "archived-original.text");
        }));
        all.Add(new("fifo-sidecar.txt", Expected.Failed, "sidecar fifo-sidecar.txt.meta.json: not a regular file: a FIFO", dir =>
        {
            Write(dir, "fifo-sidecar.txt", GoodText);
            MakeFifo(Path.Combine(dir, "fifo-sidecar.txt.meta.json"));
        }, LinuxOnly: true));
        all.Add(new("zero-sidecar.txt", Expected.Failed, "sidecar zero-sidecar.txt.meta.json: a symlink to a character device", dir =>
        {
            Write(dir, "zero-sidecar.txt", GoodText);
            Link(dir, "zero-sidecar.txt.meta.json", "/dev/zero");
        }, LinuxOnly: true));

        // Sizes that a stat reports but nobody should read: refused before a byte is read.
        all.Add(new("sparse-1.9GB.txt", Expected.Failed, "file too large (1,992,294,400 bytes", dir => Sparse(Path.Combine(dir, "sparse-1.9GB.txt"), 1900L << 20)));
        all.Add(new("sparse-3GB.txt", Expected.Failed, "file too large (3,221,225,472 bytes", dir => Sparse(Path.Combine(dir, "sparse-3GB.txt"), 3L << 30)));
        all.Add(new("big-sidecar.txt", Expected.Failed, "sidecar big-sidecar.txt.meta.json: file too large", dir =>
        {
            Write(dir, "big-sidecar.txt", GoodText);
            Write(dir, "big-sidecar.txt.meta.json", "{\"title\": \"" + new string('x', 2 << 20) + "\"}");
        }));

        // File names at the file system's limit (255 bytes) and names a shell would trip on.
        foreach (var bytes in new[] { 246, 250, 255 })
        {
            var name = new string('n', bytes - 4) + ".txt";
            all.Add(new(name, Expected.Ok, null, dir => Write(dir, name, GoodText)));
        }
        var cjkName = new string('长', 83) + ".txt"; // 249 + 4 bytes in UTF-8
        all.Add(new(cjkName, Expected.Ok, null, dir => Write(dir, cjkName, GoodText)));
        foreach (var odd in new[] { "-rf --help.txt", "spaces and 'quotes' \"double\".txt", "$(echo pwned); `id`.txt", "tab\there.md", "line\nbreak.txt" })
            all.Add(new(odd, Expected.Ok, null, dir => Write(dir, odd, GoodText)));

        if (costly)
        {
            // Slow or memory-hungry in the extraction stages today: processed, or stopped by the watchdog.
            all.Add(new("one-line-5MB.txt", Expected.OkOrStopped, null,
                dir => Write(dir, "one-line-5MB.txt", Repeat("中国与东盟同意加强合作", 170_000)[..1_700_000])));
            all.Add(new("short-lines.txt", Expected.OkOrStopped, null, dir => Write(dir, "short-lines.txt", Repeat("合作\n", 1_000_000))));
            all.Add(new("run-on-2MB.txt", Expected.OkOrStopped, null,
                dir => Write(dir, "run-on-2MB.txt", Repeat("the parties agreed to strengthen cooperation and ", 42_000))));
            all.Add(new("entity-bomb.html", Expected.OkOrStopped, null,
                dir => Write(dir, "entity-bomb.html", "<html><body><p>" + Repeat("&#x4e2d;", 2_000_000) + "</p></body></html>")));
        }
        return all;
    }

    /// <summary>Makes every input (that this system can make) in <paramref name="folder"/>; returns those made.</summary>
    public static IReadOnlyList<HostileInput> WriteAll(string folder, bool costly = true)
    {
        var made = new List<HostileInput>();
        foreach (var input in All(costly))
        {
            if (input.LinuxOnly && !OperatingSystem.IsLinux()) continue;
            input.Create(folder);
            made.Add(input);
        }
        return made;
    }

    public static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    private static void Write(string dir, string name, string text) =>
        File.WriteAllBytes(Path.Combine(dir, name), new UTF8Encoding(false).GetBytes(text));

    private static void Link(string dir, string name, string target) => File.CreateSymbolicLink(Path.Combine(dir, name), target);

    private static void Sparse(string path, long length)
    {
        using var file = new FileStream(path, FileMode.CreateNew);
        file.SetLength(length);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    public static void MakeFifo(string path)
    {
        if (MkFifo(path, 0b110_100_100) != 0) throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>A socket entry: kept bound for the life of the test process (.NET removes the entry when the socket closes).</summary>
    public static void MakeSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        lock (BoundSockets) BoundSockets.Add(socket);
    }

    private static readonly List<Socket> BoundSockets = [];

    /// <summary>A document.xml whose elements nest <paramref name="depth"/> deep, with ids that do not compress (no zip bomb).</summary>
    public static byte[] DeepDocx(int depth)
    {
        var random = new Random(1);
        var xml = new StringBuilder("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (var i = 0; i < depth; i++) xml.Append($"<w:sdt w:id=\"{random.NextInt64():x}\"><w:sdtContent>");
        xml.Append("<w:p><w:r><w:t>deep</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++) xml.Append("</w:sdtContent></w:sdt>");
        return TestFiles.RawDocx(xml.Append("</w:body></w:document>").ToString());
    }

    /// <summary>A valid document plus an entry whose name climbs out of any folder it would be extracted to.</summary>
    private static byte[] ZipSlipDocx()
    {
        using var stream = new MemoryStream();
        stream.Write(TestFiles.Docx([GoodText.Trim()]));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry("../../../../tmp/zip-slip-evil.txt").Open()))
            entry.Write("outside");
        return stream.ToArray();
    }

    private static byte[] PdfWithContent(string content) => TestFiles.HandWrittenPdf(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
}

/// <summary>
/// The corpus on disk, for measuring a real run by hand (peak memory with /usr/bin/time -v):
/// <c>PIPELINE_HOSTILE_CORPUS=/tmp/hostile dotnet test --filter Name=Write_the_hostile_corpus_to_a_folder</c>
/// writes it (with the good articles) into that folder, which must not exist yet.
/// </summary>
[Explicit("writes the corpus for a run by hand")]
public class HostileCorpusWriter
{
    [Test]
    public void Write_the_hostile_corpus_to_a_folder()
    {
        var folder = Environment.GetEnvironmentVariable("PIPELINE_HOSTILE_CORPUS");
        if (string.IsNullOrEmpty(folder)) Assert.Ignore("set PIPELINE_HOSTILE_CORPUS to the folder to write");
        Directory.CreateDirectory(folder);
        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty, "an empty folder");
        HostileInputs.WriteGood(folder);
        var made = HostileInputs.WriteAll(folder);
        TestContext.Out.WriteLine($"{made.Count} hostile inputs and {HostileInputs.GoodNames.Length} good articles in {folder}");
        if (made.Any(m => m.Name == "socket.txt"))
            TestContext.Out.WriteLine("(socket.txt disappears when this test process ends: .NET unlinks a socket it bound)");
    }
}
