using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// .docx: the text of the body's paragraphs, one per line; core properties give title and date.
/// The zip is inspected before anything is inflated so a zip bomb is refused cheaply, and
/// relationships to outside targets (linked images, hyperlinks) are never followed. The document
/// is read as a stream of elements, never built as a tree, so its nesting costs no stack; one nested
/// deeper than <see cref="MaxDepth"/> is refused. A core property that does not parse is a warning.
/// </summary>
public static class DocxReader
{
    public const long MaxTotalUncompressed = 100L * 1024 * 1024;
    public const double MaxRatio = 100;
    // Tiny XML parts compress very well; the ratio test only matters for parts that could hurt.
    private const long RatioCheckedAbove = 1024 * 1024;

    /// <summary>Word's own documents, tables in tables in text boxes included, stay far below this.</summary>
    public const int MaxDepth = 512;

    public static IngestedText Read(byte[] bytes, CancellationToken cancellation = default)
    {
        CheckZip(bytes);
        try
        {
            // Writable on purpose: given a read-only stream, the SDK copies the package to a temporary
            // file (to be able to repair relationship addresses) that a crash would leave behind.
            using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: true, publiclyVisible: true);
            using var doc = WordprocessingDocument.Open(stream, false,
                new OpenSettings { MaxCharactersInPart = MaxTotalUncompressed / 2, AutoSave = false });
            var main = doc.MainDocumentPart ?? throw new ArticleException("docx has no document body");
            var result = BodyText(main, cancellation);
            if (result.Length == 0) throw new ArticleException("docx has no text");
            var (title, date, warnings) = CoreProperties(doc.CoreFilePropertiesPart);
            return new IngestedText(result, "docx", null) { Title = title, Date = date, Warnings = warnings };
        }
        catch (ArticleException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException
                                      or XmlException or InvalidOperationException or FileFormatException
                                      or UriFormatException or NotSupportedException or ArgumentException)
        {
            throw new ArticleException($"damaged docx: {e.Message}", e);
        }
    }

    /// <summary>
    /// Each paragraph of the body on its own line, in document order. Only w:t counts (not deleted
    /// text or field codes); tabs and breaks become white space. A paragraph inside another (a text
    /// box) is a line of its own, placed where it starts.
    /// </summary>
    private static string BodyText(MainDocumentPart main, CancellationToken cancellation)
    {
        var lines = new List<StringBuilder>();
        var open = new Stack<(StringBuilder Line, int Depth)>();
        var bodyDepth = -1;
        var elements = 0;
        using var reader = OpenXmlReader.Create(main, readMiscNodes: false);
        while (reader.Read())
        {
            if ((++elements & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            var depth = reader.Depth;
            if (reader.IsEndElement)
            {
                if (open.Count > 0 && open.Peek().Depth == depth) open.Pop();
                if (depth == bodyDepth) bodyDepth = -1;
                continue;
            }
            if (!reader.IsStartElement) continue;
            if (depth > MaxDepth)
                throw new ArticleException($"docx nests elements more than {MaxDepth} deep: not a Word document's text");
            var type = reader.ElementType;
            if (type == typeof(Body) && bodyDepth < 0) bodyDepth = depth;
            if (bodyDepth < 0) continue;
            if (type == typeof(Paragraph))
            {
                var line = new StringBuilder();
                lines.Add(line);
                open.Push((line, depth));
            }
            else if (open.Count > 0)
            {
                var line = open.Peek().Line;
                if (type == typeof(Text)) line.Append(reader.GetText());
                else if (type == typeof(TabChar)) line.Append('\t');
                else if (type == typeof(Break) || type == typeof(CarriageReturn)) line.Append(' ');
            }
        }
        var text = new StringBuilder();
        foreach (var line in lines)
            if (line.ToString().Trim().Length > 0) text.Append(line).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string DublinCoreTerms = "http://purl.org/dc/terms/";

    /// <summary>
    /// Title and creation date, each on its own: a date Word never wrote (year 0, 2023-02-30) or a
    /// part that does not parse is told as a warning and the rest of the article is kept.
    /// </summary>
    private static (string? Title, DateOnly? Date, ImmutableArray<string> Warnings) CoreProperties(CoreFilePropertiesPart? part)
    {
        if (part is null) return (null, null, []);
        string? title = null;
        DateOnly? date = null;
        var warnings = ImmutableArray.CreateBuilder<string>();
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1024 * 1024,
                IgnoreComments = true, IgnoreProcessingInstructions = true,
            });
            reader.Read();
            while (!reader.EOF)
            {
                // Reading an element's content moves past it: only other nodes need a Read.
                if (reader is { NodeType: XmlNodeType.Element, IsEmptyElement: false, LocalName: "title", NamespaceURI: DublinCore })
                {
                    var value = reader.ReadElementContentAsString().Trim();
                    if (title is null && value.Length > 0) title = value;
                }
                else if (reader is { NodeType: XmlNodeType.Element, IsEmptyElement: false, LocalName: "created", NamespaceURI: DublinCoreTerms })
                {
                    var value = reader.ReadElementContentAsString().Trim();
                    var parsed = IsoDate.TryParse(value);
                    if (parsed is null && value.Length > 0)
                        warnings.Add($"docx property 'created' is not a date ('{Shorten(value)}'): ignored");
                    date ??= parsed;
                }
                else reader.Read();
            }
        }
        catch (Exception e) when (e is XmlException or IOException or InvalidOperationException)
        {
            warnings.Add($"docx core properties could not be read ({e.Message}): ignored");
        }
        return (title, date, warnings.ToImmutable());
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>Refuses what is not a zip, is cut short, or would inflate to far more than it weighs.</summary>
    private static void CheckZip(byte[] bytes)
    {
        if (bytes.Length == 0) throw new ArticleException("empty file");
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            throw new ArticleException("not a docx: not a zip archive");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxTotalUncompressed)
                    throw new ArticleException($"zip bomb: docx would inflate to more than {MaxTotalUncompressed / (1024 * 1024)} MB");
                if (entry.Length > RatioCheckedAbove && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
                    throw new ArticleException(
                        $"zip bomb: docx part '{entry.FullName}' inflates {entry.Length / Math.Max(1, entry.CompressedLength)}:1");
            }
            if (zip.GetEntry("word/document.xml") is null && zip.GetEntry("[Content_Types].xml") is null)
                throw new ArticleException("not a docx: zip archive without a Word document");
        }
        catch (InvalidDataException e)
        {
            throw new ArticleException($"truncated or damaged docx (zip archive unreadable: {e.Message})", e);
        }
    }
}
