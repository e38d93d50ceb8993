using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pipeline.Model;
using Pipeline.Reports;
using Pipeline.Reports.Docx;
using Pipeline.Reports.Document;
using Pipeline.Reports.Pdf;
using UglyToad.PdfPig;

namespace Pipeline.Tests.Reports;

public class ReportWriterTests
{
    private static readonly Lazy<Article> Sample = new(SampleArticle.Load);

    /// <summary>Where the rendered samples go, to look at them (pdftoppm) after a run.</summary>
    private static string OutputPath(string name)
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-samples");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static byte[] Render(IReportWriter writer, Action<IReportWriter, Stream> write, string name)
    {
        using var stream = new MemoryStream();
        write(writer, stream);
        var bytes = stream.ToArray();
        File.WriteAllBytes(OutputPath(name), bytes);
        return bytes;
    }

    [Test]
    public void Briefing_docx_is_valid_and_names_the_organisations_and_agreements()
    {
        var bytes = Render(new DocxReportWriter(), (w, s) => w.Write(Sample.Value, s), "briefing.docx");

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);

        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.That(text, Does.Contain("亚太经济合作组织"));  // canonical name of 亚太经合组织 / APEC
        Assert.That(text, Does.Contain("亚太经合组织; APEC")); // aliases seen, in order of appearance
        Assert.That(text, Does.Contain("中国-东盟关于全面加强有效反腐败合作联合声明"));
        Assert.That(text, Does.Contain("2018-10-08 (file modification time, a guess)"));
    }

    [Test]
    public void Briefing_docx_shades_entities_in_the_article_text()
    {
        var bytes = Render(new DocxReportWriter(), (w, s) => w.Write(Sample.Value, s), "briefing-shading.docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var shaded = doc.MainDocumentPart!.Document!.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>()
            .Where(r => r.RunProperties?.Shading?.Fill?.Value is not null)
            .GroupBy(r => r.RunProperties!.Shading!.Fill!.Value!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.InnerText).ToHashSet());

        Assert.That(shaded[ReportPalette.HighlightFill(EntityTypes.Org)], Does.Contain("中非合作论坛"));
        Assert.That(shaded[ReportPalette.HighlightFill(EntityTypes.Date)], Does.Contain("2014年10月"));
        // The convention's name contains 联合国 but is shown once, as the agreement.
        Assert.That(shaded[ReportPalette.HighlightFill(EntityTypes.Agreement)], Does.Contain("联合国反腐败公约"));
    }

    [Test]
    public void Briefing_pdf_is_small_and_its_chinese_text_extracts()
    {
        var bytes = Render(new PdfReportWriter(), (w, s) => w.Write(Sample.Value, s), "briefing.pdf");

        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(bytes.Length, Is.LessThan(200_000), "the fonts must be subset to the glyphs used");

        using var pdf = PdfDocument.Open(bytes);
        Assert.That(pdf.NumberOfPages, Is.InRange(3, 12));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("中非合作论坛"));
        Assert.That(text, Does.Contain("亚太经济合作组织"));
        Assert.That(text, Does.Contain("Organisations"));
        Assert.That(text, Does.Contain("挥金如土，逍遥法外"), "justified article text extracts in order");
        Assert.That(pdf.GetPage(1).Text, Does.Contain($"Page 1 of {pdf.NumberOfPages}"));
    }

    [Test]
    public void Overview_docx_is_valid_and_lists_every_document()
    {
        var bytes = Render(new DocxReportWriter(), (w, s) => w.WriteOverview(SampleOverview.Build(), s), "overview.docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.That(new OpenXmlValidator().Validate(doc).Select(e => e.Description), Is.Empty);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.That(text, Does.Contain("broken.docx").And.Contain("Not a valid Word file").And.Contain("二十国集团"));
    }

    [Test]
    public void Overview_pdf_extracts_and_lists_every_document()
    {
        var bytes = Render(new PdfReportWriter(), (w, s) => w.WriteOverview(SampleOverview.Build(), s), "overview.pdf");
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("broken.docx").And.Contain("北京反腐败宣言").And.Contain("二十国集团"));
        Assert.That(bytes.Length, Is.LessThan(100_000));
    }

    [Test]
    public void Writers_name_their_format()
    {
        Assert.That(new DocxReportWriter().Format, Is.EqualTo("docx"));
        Assert.That(new PdfReportWriter().Format, Is.EqualTo("pdf"));
    }
}

public class ReportWriterRobustnessTests
{
    // Control characters, CRLF, a lone surrogate, emoji, Cyrillic (not in the font) and an unbreakable URL.
    private const string Awkward = "Title\u0007 line\r\nSecond 段落\tfor 联合国 \uD800 and 😀 Россия " +
        "https://example.org/a/very/long/path/that/cannot/break/anywhere/at/all/because/it/has/no/spaces/whatsoever/index.html\n";

    private static Article AwkwardArticle()
    {
        var start = Awkward.IndexOf("联合国", StringComparison.Ordinal);
        return new Article
        {
            Source = new SourceFile("/in/awkward.txt", "awkward.txt"),
            Text = Awkward,
            Metadata = new ArticleMetadata { Title = new Sourced<string>("Bad\u0001 title\r\n", "sidecar") },
            Entities = [new Entity(EntityTypes.Org, start, start + 3, "联合国", "test", 1) { Canonical = "联合国\u0002" }],
        };
    }

    [Test]
    public void Docx_of_awkward_text_is_still_valid()
    {
        using var stream = new MemoryStream();
        new DocxReportWriter().Write(AwkwardArticle(), stream);
        using var doc = WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
        Assert.That(new OpenXmlValidator().Validate(doc).Select(e => e.Description), Is.Empty);
        Assert.That(doc.MainDocumentPart!.Document!.Body!.InnerText, Does.Contain("Second 段落 for"));
    }

    [Test]
    public void Pdf_of_awkward_text_renders_and_extracts()
    {
        using var stream = new MemoryStream();
        new PdfReportWriter().Write(AwkwardArticle(), stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("Second").And.Contain("段落").And.Contain("联合国"));
    }
}
