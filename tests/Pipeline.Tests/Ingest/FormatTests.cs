using System.Net;
using System.Net.Sockets;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Tests.Ingest;

public class FormatTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, true);

    private Article Ingest(string name, byte[] bytes, long maxFileBytes = IngestStage.DefaultMaxFileBytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return new IngestStage(maxFileBytes).Process(Article.FromFile(path));
    }

    private Article Ingest(string name, string text) => Ingest(name, Encoding.UTF8.GetBytes(text));

    [Test]
    public void Markdown_front_matter_becomes_metadata_and_offsets_count_from_the_body()
    {
        var article = Ingest("a.md", "---\ntitle: \"Joint Statement\"\ndate: 2023-09-05\nsource: Xinhua\nlanguage: en\n---\nThe parties met.\n");
        Assert.That(article.Text, Is.EqualTo("The parties met.\n"));
        Assert.That(article.Metadata.Title, Is.EqualTo(new Sourced<string>("Joint Statement", DateOrigins.FrontMatter)));
        Assert.That(article.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2023, 9, 5), DateOrigins.FrontMatter)));
        Assert.That(article.Metadata.Publisher!.Value, Is.EqualTo("Xinhua"));
        Assert.That(article.Metadata.Language!.Value, Is.EqualTo("en"));
    }

    [Test]
    public void Markdown_without_front_matter_is_the_whole_text()
    {
        const string text = "# Heading\n\n---\nNot front matter.\n";
        Assert.That(Ingest("b.md", text).Text, Is.EqualTo(text));
    }

    [Test]
    public void A_sidecar_outranks_the_file_and_its_date_has_origin_sidecar()
    {
        var path = Path.Combine(_dir, "c.md");
        File.WriteAllText(path + ".meta.json", """{"date": "2020-01-16", "title": "公报", "url": "", "extra": 1}""");
        var article = Ingest("c.md", "---\ntitle: Other\ndate: 2019-01-01\n---\n中共中央纪委第四次全体会议公报。");
        Assert.That(article.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2020, 1, 16), DateOrigins.Sidecar)));
        Assert.That(article.Metadata.Title, Is.EqualTo(new Sourced<string>("公报", DateOrigins.Sidecar)));
        Assert.That(article.Metadata.Url, Is.Null, "an empty url is no url");
        Assert.That(article.Metadata.Language!.Value, Is.EqualTo("zh"));
    }

    [TestCase("{not json", "not valid JSON")]
    [TestCase("[1, 2]", "must be a JSON object")]
    [TestCase("""{"date": "next Tuesday"}""", "'date' is not an ISO 8601 date")]
    [TestCase("""{"title": 5}""", "'title' must be a string")]
    public void A_malformed_sidecar_is_an_error_naming_the_sidecar(string sidecar, string reason)
    {
        File.WriteAllText(Path.Combine(_dir, "d.txt.meta.json"), sidecar);
        var e = Assert.Throws<ArticleException>(() => Ingest("d.txt", "Some text."));
        Assert.That(e!.Message, Does.Contain("d.txt.meta.json").And.Contain(reason));
    }

    [Test]
    public void Html_gives_the_article_text_only_with_title_and_date_from_meta_tags()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en"><head><title>Leaders sign pact</title>
            <meta property="article:published_time" content="2022-07-05T10:00:00-04:00">
            <style>p { color: red }</style><script>var tracking = "SCRIPT-TEXT";</script></head>
            <body><header>SITE HEADER</header><nav><a href="/">Home</a> MENU</nav>
            <article><h1>Leaders   sign pact</h1><p>NATO allies signed the
              accession protocols.</p><div>Second <b>paragraph</b>.</div><p>Line<br>break</p></article>
            <aside>RELATED</aside><form>NEWSLETTER</form><footer>FOOTER</footer></body></html>
            """;
        var article = Ingest("e.html", html);
        Assert.That(article.Text, Is.EqualTo("Leaders sign pact\nNATO allies signed the accession protocols.\nSecond paragraph.\nLine\nbreak"));
        Assert.That(article.Metadata.Title!.Value, Is.EqualTo("Leaders sign pact"));
        Assert.That(article.Metadata.DocumentDate!.Value, Is.EqualTo(new DateOnly(2022, 7, 5)));
        Assert.That(article.Metadata.Language!.Value, Is.EqualTo("en"));
        Assert.That(article.Metadata.Format, Is.EqualTo("html"));
    }

    [Test]
    public void Html_with_external_entities_scripts_and_links_fetches_nothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var html = $$"""
            <?xml version="1.0"?>
            <!DOCTYPE html [ <!ENTITY xxe SYSTEM "{{url}}/entity"> ]>
            <html><head><link rel="stylesheet" href="{{url}}/style.css"><script src="{{url}}/script.js"></script>
            <meta http-equiv="refresh" content="0; url={{url}}/refresh"></head>
            <body><p>Before &xxe; after.</p><img src="{{url}}/image.png"><iframe src="{{url}}/frame"></iframe>
            <p><a href="{{url}}/link">A link</a> in text.</p><script>document.write("INJECTED")</script></body></html>
            """;
        var article = Ingest("f.htm", html);
        Thread.Sleep(200); // a fetch, were there one, would be on its way by now
        Assert.That(listener.Pending(), Is.False, "no connection may be made");
        Assert.That(article.Text, Does.Contain("Before &xxe; after.").And.Contain("A link in text.").And.Not.Contain("INJECTED"));
    }

    [Test]
    public void Docx_gives_paragraphs_and_core_properties()
    {
        var bytes = TestFiles.Docx(["第一段：中国与东盟签署协议。", "", "Second paragraph."], "Briefing", new DateTime(2021, 3, 4, 12, 0, 0));
        var article = Ingest("g.docx", bytes);
        Assert.That(article.Text, Is.EqualTo("第一段：中国与东盟签署协议。\nSecond paragraph."));
        Assert.That(article.Metadata.Title!.Value, Is.EqualTo("Briefing"));
        Assert.That(article.Metadata.DocumentDate!.Value, Is.EqualTo(new DateOnly(2021, 3, 4)));
        Assert.That(article.Metadata.Format, Is.EqualTo("docx"));
    }

    [Test]
    public void Docx_external_relationships_are_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/linked.png");
        var bytes = TestFiles.Docx(["Text with a linked image."], extra: main =>
        {
            main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", url);
            main.AddHyperlinkRelationship(url, true);
        });
        var article = Ingest("h.docx", bytes);
        Thread.Sleep(200);
        Assert.That(listener.Pending(), Is.False);
        Assert.That(article.Text, Is.EqualTo("Text with a linked image."));
    }

    [Test]
    public void Pdf_gives_the_text_layer_of_every_page()
    {
        var article = Ingest("i.pdf", TestFiles.Pdf("NATO accession protocols signed.", "", "Second page text."));
        Assert.That(article.Text, Does.Contain("NATO accession protocols signed.").And.Contain("Second page text."));
        Assert.That(article.Text.IndexOf("NATO", StringComparison.Ordinal), Is.LessThan(article.Text.IndexOf("Second", StringComparison.Ordinal)));
        Assert.That(article.Metadata.Format, Is.EqualTo("pdf"));
    }

    [Test]
    public void Files_of_the_input_folder_that_are_articles()
    {
        foreach (var name in new[] { "a.txt", "b.MD", "c.html", "d.htm", "e.docx", "f.pdf", "a.txt.meta.json", ".hidden.txt",
                     "~$e.docx", "g.txt~", "h.tmp", "i.txt.part", "j.pdf.crdownload", ".#k.txt", "l.txt.swp", "m.doc", "n.json" })
            File.WriteAllText(Path.Combine(_dir, name), "x");
        Directory.CreateDirectory(Path.Combine(_dir, "drafts"));
        File.WriteAllText(Path.Combine(_dir, "drafts", "z.txt"), "x");
        Assert.That(ArticleFiles.Enumerate(_dir).Select(Path.GetFileName),
            Is.EqualTo(new[] { "a.txt", "b.MD", "c.html", "d.htm", "e.docx", "f.pdf" }));
    }
}
