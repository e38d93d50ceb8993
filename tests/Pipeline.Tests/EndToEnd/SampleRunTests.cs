using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pipeline.Cli.Commands;
using UglyToad.PdfPig;

namespace Pipeline.Tests.EndToEnd;

/// <summary>
/// The README's main job on the sample article, through the real command and the repository's
/// pipeline.json: what a user gets in output/ and what CI asserts on.
/// </summary>
[NonParallelizable]
public class SampleRunTests
{
    private string _dir = "";
    private int _exitCode;
    private string _stdout = "";
    private string _stderr = "";
    private string _firstSummary = "";

    private string Output => Path.Combine(_dir, "output");
    private string ArticleOutput => Path.Combine(Output, "anticorruption-cooperation.zh.txt");

    [OneTimeSetUp]
    public void RunOnce()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_dir, "input"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "pipeline.json"), Path.Combine(_dir, "pipeline.json"));
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "input")))
            File.Copy(f, Path.Combine(_dir, "input", Path.GetFileName(f)));
        (_exitCode, _stdout, _stderr) = Run("run", "--config", Path.Combine(_dir, "pipeline.json"));
        _firstSummary = File.ReadAllText(Path.Combine(Output, "run-summary.json"));
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_dir, recursive: true);

    private static (int, string, string) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Pipeline.Cli.Program.Run(args, new CommandContext(stdout, stderr, CancellationToken.None));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void The_run_succeeds_and_writes_every_output_of_the_sample()
    {
        Assert.That(_exitCode, Is.EqualTo(0), _stderr);
        Assert.That(Path.Combine(ArticleOutput, "entities.json"), Does.Exist);
        Assert.That(Path.Combine(ArticleOutput, "briefing.docx"), Does.Exist);
        Assert.That(Path.Combine(ArticleOutput, "briefing.pdf"), Does.Exist);
        Assert.That(Path.Combine(Output, "run-summary.json"), Does.Exist);
        Assert.That(Path.Combine(Output, "overview.docx"), Does.Exist);
        Assert.That(Path.Combine(Output, "overview.pdf"), Does.Exist);
        Assert.That(Path.Combine(ArticleOutput, "briefing.html"), Does.Exist, "pipeline.json asks for html too");
        Assert.That(Path.Combine(Output, "index.html"), Does.Exist);
        Assert.That(Directory.GetFiles(Output, "*.tmp*", SearchOption.AllDirectories), Is.Empty, "no temporary file left");
    }

    [Test]
    public void The_run_summary_gives_status_counts_and_time_per_article()
    {
        using var doc = JsonDocument.Parse(_firstSummary);
        var article = doc.RootElement.GetProperty("articles").EnumerateArray().Single();
        Assert.That(article.GetProperty("file").GetString(), Is.EqualTo("anticorruption-cooperation.zh.txt"));
        Assert.That(article.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(article.GetProperty("entities").GetProperty("ORG").GetInt32(), Is.GreaterThan(20));
        Assert.That(article.GetProperty("seconds").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public void Entities_json_holds_dates_organisations_and_agreements_with_their_values()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ArticleOutput, "entities.json")));
        var entities = doc.RootElement.GetProperty("entities").EnumerateArray().ToList();
        string? Field(string type, string text, string field) => entities
            .FirstOrDefault(e => e.GetProperty("type").GetString() == type && e.GetProperty("text").GetString() == text)
            .TryGetProperty(field, out var v) ? v.GetString() : null;

        Assert.That(Field("DATE", "今年9月初", "value"), Is.EqualTo("2018-09"), "relative date against the date in the text");
        Assert.That(Field("DATE", "2014年11月", "value"), Is.EqualTo("2014-11"));
        Assert.That(Field("ORG", "G20", "canonical"), Is.EqualTo("二十国集团"));
        Assert.That(Field("ORG", "上合组织", "canonical"), Is.EqualTo("上海合作组织"));
        Assert.That(Field("AGREEMENT", "联合国反腐败公约", "canonical"), Is.EqualTo("联合国反腐败公约"));
        var metadata = doc.RootElement.GetProperty("metadata");
        var date = metadata.GetProperty("date");
        Assert.That(date.GetProperty("origin").GetString(), Is.EqualTo("latest-date-in-text"));
        // 2018年7月 is the latest written date, but 今年9月初 is reported as past: a month, not a day.
        Assert.That(metadata.GetProperty("date_as_written").GetString(), Is.EqualTo("2018-09"));
        Assert.That(date.GetProperty("confidence").GetDouble(), Is.InRange(0.3, 0.7));
        Assert.That(date.GetProperty("level").GetString(), Is.AnyOf("low", "medium"));
        Assert.That(date.GetProperty("evidence").GetString(), Does.Contain("今年9月初"));
        Assert.That(date.TryGetProperty("guessed", out _), Is.False);
    }

    [Test]
    public void The_pdf_is_small_and_its_Chinese_text_extracts()
    {
        var pdf = Path.Combine(ArticleOutput, "briefing.pdf");
        Assert.That(new FileInfo(pdf).Length, Is.LessThan(200_000), "subset fonts only");
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("上海合作组织"));
        Assert.That(text, Does.Contain("联合国反腐败公约"));
    }

    [Test]
    public void The_docx_passes_the_Open_XML_validator()
    {
        using var document = WordprocessingDocument.Open(Path.Combine(ArticleOutput, "briefing.docx"), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.That(errors, Is.Empty);
        Assert.That(document.MainDocumentPart!.Document!.Body!.InnerText, Does.Contain("中非合作论坛"));
        Assert.That(document.MainDocumentPart!.Document!.Body!.InnerText, Does.Contain("2018-09 (latest date in the text; confidence low, 0.50)"));
    }

    [Test]
    public void A_second_run_over_the_unchanged_folder_skips_the_article()
    {
        var (code, stdout, _) = Run("run", "--config", Path.Combine(_dir, "pipeline.json"));
        Assert.That(code, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "run-summary.json")));
        Assert.That(doc.RootElement.GetProperty("articles")[0].GetProperty("status").GetString(), Is.EqualTo("skipped"));
        Assert.That(stdout, Does.Contain("1 unchanged"));
    }
}
