using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Model;
using Pipeline.Reports.Docx;
using Pipeline.Reports.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace Pipeline.Tests.Reports;

/// <summary>Bookmarks, a table of contents and links, in the PDF and in Word.</summary>
public class NavigationTests
{
    private const string Url = "https://example.org/news/anticorruption";

    private static Article SampleWithUrl()
    {
        var sample = SampleArticle.Load();
        return sample with { Metadata = sample.Metadata with { Url = new Sourced<string>(Url, DateOrigins.Sidecar) } };
    }

    private static byte[] Pdf(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    [Test]
    public void Briefing_pdf_has_bookmarks_for_its_sections_and_a_clickable_source_url()
    {
        var article = SampleWithUrl();
        using var pdf = PdfDocument.Open(Pdf(s => new PdfReportWriter().Write(article, s)));
        Assert.That(pdf.TryGetBookmarks(out var bookmarks), "the PDF has an outline");
        var titles = bookmarks!.GetNodes().Select(n => n.Title).ToList();
        var model = Pipeline.Reports.Model.BriefingModelBuilder.Build(article);
        Assert.That(titles, Is.EqualTo(new[]
        {
            "In brief", $"Agreements ({model.Agreements.Rows.Length})", $"Timeline ({model.Timeline.Rows.Length})",
            $"Organisations ({model.Organisations.Length})", $"Dates ({model.Dates.Length})", "Article text",
        }));
        var links = pdf.GetPage(1).GetHyperlinks().Select(l => l.Uri).ToList();
        Assert.That(links, Does.Contain(Url));
    }

    [Test]
    public void Overview_pdf_links_its_contents_and_document_numbers_to_their_sections_and_rows()
    {
        using var pdf = PdfDocument.Open(Pdf(s => new PdfReportWriter().WriteOverview(SampleOverview.Build(), s)));
        Assert.That(pdf.TryGetBookmarks(out var bookmarks));
        Assert.That(bookmarks!.GetNodes().Select(n => n.Title), Does.Contain("Agreements (2)").And.Contain("Documents (3)"));
        var jumps = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Select(a => a.Action).OfType<GoToAction>().ToList();
        // Contents entries and "#1"-style references to document rows.
        Assert.That(jumps.Count, Is.GreaterThanOrEqualTo(6 + 2));
        Assert.That(jumps.Select(j => j.Destination.PageNumber), Has.All.InRange(1, pdf.NumberOfPages));
    }

    [Test]
    public void Word_briefing_has_a_table_of_contents_linked_to_bookmarked_headings_and_a_source_hyperlink()
    {
        using var stream = new MemoryStream();
        new DocxReportWriter().Write(SampleWithUrl(), stream);
        using var doc = WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.That(body.Descendants<FieldCode>().Select(f => f.Text), Has.Some.Contains("TOC"));
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var anchors = body.Descendants<Hyperlink>().Where(h => h.Anchor is not null).Select(h => h.Anchor!.Value).ToList();
        Assert.That(anchors, Is.Not.Empty);
        Assert.That(anchors, Is.SubsetOf(bookmarks), "every internal link lands on a bookmark");
        Assert.That(doc.MainDocumentPart.HyperlinkRelationships.Select(r => r.Uri.ToString()), Does.Contain(Url));
        Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description), Is.Empty);
    }

    [Test]
    public void Word_overview_has_charts_as_pictures_with_alt_text_and_links_to_briefings()
    {
        using var stream = new MemoryStream();
        new DocxReportWriter().WriteOverview(SampleOverview.Build(), stream);
        using var doc = WordprocessingDocument.Open(new MemoryStream(stream.ToArray()), false);
        var pictures = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.That(pictures, Has.Count.EqualTo(2));
        Assert.That(pictures.Select(p => p.Description!.Value), Has.All.Not.Empty);
        Assert.That(doc.MainDocumentPart.ImageParts.Count(), Is.EqualTo(2));
        Assert.That(doc.MainDocumentPart.HyperlinkRelationships.Select(r => r.Uri.OriginalString),
            Does.Contain("anticorruption-cooperation.zh.txt/briefing.docx"));
        Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description), Is.Empty);
    }
}
