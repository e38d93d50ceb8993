using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Reports.Docx;

/// <summary>
/// Makes a WordprocessingML package a function of its content: System.IO.Packaging names the package's own
/// relationships with random ids ("R1b2c…") and the core-properties part with a random GUID, and the zip stamps
/// every entry with the clock. This rewrites the package entry by entry, in the same order: those ids become
/// rId1, rId2… in order of appearance, the core-properties part gets a fixed name, and every entry the time of
/// <see cref="SourceDate"/>. The document's own relationships are named by the renderer, so only the small
/// relationship and content-type parts are read as text; the document and images are copied as they are.
/// </summary>
public static partial class ReproduciblePackage
{
    private const string CorePropertiesName = "package/services/metadata/core-properties/core.psmdcp";

    public static void Copy(Stream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in source.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
            foreach (Match m in RandomId().Matches(Encoding.UTF8.GetString(Read(entry))))
                renames.TryAdd(m.Groups[1].Value, $"rId{renames.Count + 1}");
        var core = source.Entries.Select(e => e.FullName).FirstOrDefault(n => n.EndsWith(".psmdcp", StringComparison.Ordinal));
        if (core is not null) renames["/" + core] = "/" + CorePropertiesName;

        var time = DosTime(SourceDate.Now());
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var name = entry.FullName;
            var copy = target.CreateEntry(name == core ? CorePropertiesName : name, CompressionLevel.Optimal);
            copy.LastWriteTime = time;
            using var to = copy.Open();
            if (IsPackagePart(name) && renames.Count > 0) to.Write(Rename(Read(entry), renames));
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    /// <summary>Where the package's random names can occur: its relationship parts and the content types.</summary>
    private static bool IsPackagePart(string name) =>
        name.EndsWith(".rels", StringComparison.Ordinal) || name == "[Content_Types].xml";

    /// <summary>Quoted ids and part names only: text in the document is never touched.</summary>
    private static byte[] Rename(byte[] xml, Dictionary<string, string> renames)
    {
        var text = Encoding.UTF8.GetString(xml);
        var renamed = QuotedValue().Replace(text, m => renames.TryGetValue(m.Groups[1].Value, out var to) ? $"\"{to}\"" : m.Value);
        return ReferenceEquals(renamed, text) || renamed == text ? xml : Encoding.UTF8.GetBytes(renamed);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Zip times are local clock fields from 1980 on, with no zone: the UTC fields, never earlier than 1980.</summary>
    private static DateTimeOffset DosTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var earliest = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new DateTimeOffset(DateTime.SpecifyKind((utc < earliest ? earliest : utc).DateTime, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    [GeneratedRegex("Id=\"(R[0-9a-f]{16})\"")]
    private static partial Regex RandomId();

    /// <summary>A quoted relationship id or core-properties part name, as attribute values hold them.</summary>
    [GeneratedRegex("\"(R[0-9a-f]{16}|/package/services/metadata/core-properties/[0-9a-f]{32}\\.psmdcp)\"")]
    private static partial Regex QuotedValue();
}
