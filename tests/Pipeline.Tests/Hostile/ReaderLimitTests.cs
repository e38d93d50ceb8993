using System.Diagnostics;
using System.Text;
using Pipeline.Ingest;
using Pipeline.Stages;
using Pipeline.Tests.Ingest;

namespace Pipeline.Tests.Hostile;

/// <summary>The readers' own limits, in process: each refuses with its reason instead of recursing or parsing on.</summary>
public class ReaderLimitTests
{
    private static string Html(string body) => "<html><body>" + body + "</body></html>";

    [TestCase("div")]
    [TestCase("span")]
    [TestCase("b")]
    public void Html_nested_deeper_than_browsers_build_is_refused(string tag)
    {
        var e = Assert.Throws<ArticleException>(() => HtmlReader.Read(Encoding.UTF8.GetBytes(Html(HostileInputs.Repeat($"<{tag}>", 100_000) + "x"))));
        Assert.That(e!.Message, Does.StartWith("HTML nests elements more than 512 deep"));
    }

    [Test]
    public void Html_nested_as_deep_as_browsers_build_is_read()
    {
        var article = HtmlReader.Read(Encoding.UTF8.GetBytes(Html(HostileInputs.Repeat("<div>", 500) + "深处的文字" + HostileInputs.Repeat("</div>", 500))));
        Assert.That(article.Text, Is.EqualTo("深处的文字"));
    }

    [Test]
    public void Html_with_more_elements_than_any_article_page_is_refused_as_it_is_parsed()
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ArticleException>(() => HtmlReader.Read(Encoding.UTF8.GetBytes(Html(HostileInputs.Repeat("<i>x</i>", 300_000)))));
        Assert.That(e!.Message, Does.Contain("more than 100,000 elements"));
        TestContext.Out.WriteLine($"refused after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Test]
    public void Html_parsing_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var page = Encoding.UTF8.GetBytes(Html(HostileInputs.Repeat("<p>双方同意加强合作。</p>", 10_000)));
        Assert.Throws<OperationCanceledException>(() => HtmlReader.Read(page, cancelled.Token));
    }

    [Test]
    public void Docx_nested_deeper_than_Word_writes_is_refused()
    {
        var e = Assert.Throws<ArticleException>(() => DocxReader.Read(HostileInputs.DeepDocx(100_000)));
        Assert.That(e!.Message, Does.StartWith("docx nests elements more than 512 deep"));
        Assert.That(DocxReader.Read(HostileInputs.DeepDocx(200)).Text, Is.EqualTo("deep"));
    }

    [TestCase("0000-01-01T00:00:00Z")]
    [TestCase("2023-02-30T00:00:00Z")]
    [TestCase("yesterday")]
    public void A_docx_created_date_that_does_not_parse_is_a_warning_and_the_title_is_kept(string created)
    {
        var docx = TestFiles.RawDocx(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Text.</w:t></w:r></w:p></w:body></w:document>",
            "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
            + $"<dcterms:created>{created}</dcterms:created><dc:title>Joint Statement</dc:title></cp:coreProperties>");
        var read = DocxReader.Read(docx);
        Assert.That(read.Text, Is.EqualTo("Text."));
        Assert.That(read.Title, Is.EqualTo("Joint Statement"));
        Assert.That(read.Date, Is.Null);
        Assert.That(read.Warnings, Is.EqualTo(new[] { $"docx property 'created' is not a date ('{created}'): ignored" }));
    }

    [Test]
    public void A_docx_created_at_the_end_of_year_9999_keeps_its_date_as_written()
    {
        var docx = TestFiles.Docx(["Text."], created: new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc));
        Assert.That(DocxReader.Read(docx).Date, Is.EqualTo(new DateOnly(9999, 12, 31)));
    }

    [Test]
    public void Reading_a_docx_copies_nothing_to_the_temporary_folder()
    {
        // Other processes share the folder: only a file with this document's bytes would be ours.
        var docx = TestFiles.Docx([$"Text {Guid.NewGuid()}."]);
        var before = DateTime.UtcNow.AddSeconds(-1);
        DocxReader.Read(docx);
        var copies = new DirectoryInfo(Path.GetTempPath()).EnumerateFiles("tmp*.tmp")
            .Where(f => f.LastWriteTimeUtc >= before && f.Length == docx.Length && File.ReadAllBytes(f.FullName).SequenceEqual(docx));
        Assert.That(copies, Is.Empty);
    }
}
