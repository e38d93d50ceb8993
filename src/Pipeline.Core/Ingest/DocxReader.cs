using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// .docx: the text of the body's paragraphs, one per line; core properties give title and date.
/// The zip is inspected before anything is inflated so a zip bomb is refused cheaply, and
/// relationships to outside targets (linked images, hyperlinks) are never followed.
/// </summary>
public static class DocxReader
{
    public const long MaxTotalUncompressed = 100L * 1024 * 1024;
    public const double MaxRatio = 100;
    // Tiny XML parts compress very well; the ratio test only matters for parts that could hurt.
    private const long RatioCheckedAbove = 1024 * 1024;

    public static IngestedText Read(byte[] bytes)
    {
        CheckZip(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false,
                new OpenSettings { MaxCharactersInPart = MaxTotalUncompressed / 2, AutoSave = false });
            var body = doc.MainDocumentPart?.Document?.Body
                       ?? throw new ArticleException("docx has no document body");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var line = ParagraphText(paragraph);
                if (line.Trim().Length > 0) text.Append(line).Append('\n');
            }
            var result = text.ToString().TrimEnd('\n');
            if (result.Length == 0) throw new ArticleException("docx has no text");
            var props = doc.PackageProperties;
            return new IngestedText(result, "docx", null)
            {
                Title = string.IsNullOrWhiteSpace(props.Title) ? null : props.Title.Trim(),
                Date = props.Created is { } created ? DateOnly.FromDateTime(created) : null,
            };
        }
        catch (ArticleException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException
                                      or System.Xml.XmlException or InvalidOperationException or FileFormatException
                                      or UriFormatException or NotSupportedException)
        {
            throw new ArticleException($"damaged docx: {e.Message}", e);
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        // Only w:t (not deleted text or field codes); tabs and breaks become white space.
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn: sb.Append(' '); break;
            }
        }
        return sb.ToString();
    }

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
