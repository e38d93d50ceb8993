using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Pipeline.Tests.Ingest;

/// <summary>Real files of every supported format, made in memory (good ones and broken ones).</summary>
public static class TestFiles
{
    public static byte[] Docx(IEnumerable<string> paragraphs, string? title = null, DateTime? created = null,
        Action<MainDocumentPart>? extra = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
            if (title is not null) doc.PackageProperties.Title = title;
            if (created is not null) doc.PackageProperties.Created = created;
            extra?.Invoke(main);
        }
        return stream.ToArray();
    }

    /// <summary>A valid docx plus one part that inflates to <paramref name="inflatedBytes"/> of zeros.</summary>
    public static byte[] ZipBombDocx(long inflatedBytes)
    {
        var docx = Docx(["harmless text"]);
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.Length) entry.Write(zeros);
        }
        return stream.ToArray();
    }

    public static byte[] Pdf(params string[] pageTexts)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pageTexts)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            if (text.Length > 0) page.AddText(text, 12, new PdfPoint(50, 700), font);
        }
        return builder.Build();
    }

    /// <summary>A hand-written PDF whose trailer declares standard encryption (an unknown owner password).</summary>
    public static byte[] EncryptedPdf() => HandWrittenPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 44 >>\nstream\nBT /F1 12 Tf 50 700 Td (Secret text) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>",
        ],
        $"/Encrypt 6 0 R /ID [<{new string('C', 32)}> <{new string('C', 32)}>] ");

    /// <summary>A PDF of the given objects (object 1 is the catalog), with a correct cross-reference table.</summary>
    public static byte[] HandWrittenPdf(IReadOnlyList<string> objects, string trailerExtra = "")
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\n");
        sb.Append($"startxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>
    /// A .docx written part by part from raw XML (document.xml, and core.xml when given): for XML no
    /// well-behaved writer would produce (deep nesting, DTDs, properties that do not parse).
    /// </summary>
    public static byte[] RawDocx(string documentXml, string? coreXml = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"""
                                + (coreXml is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>""")
                                + "</Relationships>");
            Part("word/document.xml", documentXml);
            if (coreXml is not null) Part("docProps/core.xml", coreXml);
        }
        return stream.ToArray();
    }
}
