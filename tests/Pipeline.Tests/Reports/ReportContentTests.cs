using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Fonts;
using Pipeline.Model;
using Pipeline.Reports.Docx;
using Pipeline.Reports.Document;
using Pipeline.Reports.Html;
using Pipeline.Reports.Model;
using Pipeline.Reports.Pdf;
using Pipeline.Running;
using Pipeline.Stages;
using Pipeline.Tests.Running;
using ReportRow = Pipeline.Reports.Document.TableRow;
using WordRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Pipeline.Tests.Reports;

/// <summary>
/// What the reports say, read from the reports of real articles of the repository run through the default stages:
/// dates as precise as they are known and guesses marked, counts that agree with their sections and lists, date codes
/// in words, and dates and words that stay whole in narrow table columns.
/// </summary>
[NonParallelizable]
public partial class ReportContentTests
{
    private const string Dayton = "wh-statement-dayton-anniversary.en.txt";      // dated only to its year, 2025
    private const string Anticorruption = "anticorruption-cooperation.zh.txt";    // dated to its month, 2018-09
    private const string Debate = "un-security-council-debate.zh.txt";            // a dateline without a year: guessed
    private const string TradeFigures = "foreign-trade-figures.zh.txt";           // titles of PUBLICATION type
    private const string Malaysia = "china-malaysia-joint-statement.zh.txt";      // a communique; date ranges
    private const string G7 = "g7-finance-ministers-communique.en.txt";           // with its sidecar

    private static readonly string[] Sources =
    [
        Path.Combine("tests", "Pipeline.Tests", "Robustness", "English2", Dayton),
        Path.Combine("input", Anticorruption),
        Path.Combine("tests", "Pipeline.Tests", "Robustness", "Chinese", Debate),
        Path.Combine("tests", "Pipeline.Tests", "Robustness", "Chinese2", TradeFigures),
        Path.Combine("tests", "Pipeline.Tests", "Robustness", "Chinese2", Malaysia),
        Path.Combine("tests", "Pipeline.Tests", "Robustness", "English", G7),
        Path.Combine("tests", "Pipeline.Tests", "Robustness", "English", G7 + ".meta.json"),
    ];

    /// <summary>Later than every real date of the batch: ranked as if certain, the guess would come first.</summary>
    private static readonly DateTime FileTime = new(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private Workspace _ws = null!;
    private ArticlePipeline _pipeline = null!;
    private BatchOverview _overview = null!;
    private ReportDocument _overviewDocument = null!;
    private readonly Dictionary<string, Article> _articles = [];

    [OneTimeSetUp]
    public void RunTheBatch()
    {
        _ws = new Workspace();
        foreach (var source in Sources)
        {
            var target = Path.Combine(_ws.Input, Path.GetFileName(source));
            File.Copy(Path.Combine(TestPaths.RepoRoot, source), target);
            File.SetLastWriteTimeUtc(target, FileTime);
        }
        _pipeline = PipelineBuilder.Default().Build();
        var extraction = _pipeline.Stages.Where(s => s.Name is not ("ingest" or "segment")).ToList();
        var (summary, errors) = _ws.Run(stagesAfter: extraction,
            writers: [new DocxReportWriter(), new PdfReportWriter(), new HtmlReportWriter()]);
        Assert.That(summary.Failed, Is.Zero, string.Join("\n", errors));
        foreach (var file in Directory.GetFiles(_ws.Input).Where(f => !f.EndsWith(".meta.json", StringComparison.Ordinal)))
            _articles[Path.GetFileName(file)] = _pipeline.ProcessFile(file);
        using var db = new PipelineDatabase(Path.Combine(_ws.Output, PipelineDatabase.FileName));
        _overview = db.Overview.Build([.. _articles.Keys]);
        _overviewDocument = OverviewComposer.Compose(OverviewModelBuilder.Build(_overview));
    }

    [OneTimeTearDown]
    public void CleanUp() => _ws?.Dispose();

    private static string Text(Cell cell) => string.Concat(cell.Runs.Select(r => r.Text));

    private TableBlock Table(string name) => _overviewDocument.Blocks.OfType<TableBlock>().Single(t => t.Name == name);

    /// <summary>The documents table as (file name, cells): the file name is the second line of the title cell.</summary>
    private List<(string File, List<string> Cells)> DocumentRows() =>
        [.. Table("documents").Rows.Select(r => (Text(r.Cells[1]).Split('\n')[1], r.Cells.Select(Text).ToList()))];

    [Test]
    public void The_document_list_shows_dates_as_precisely_as_known_and_marks_a_guess_and_ranks_it_after_the_known_dates()
    {
        var rows = DocumentRows();
        var date = rows.ToDictionary(r => r.File, r => r.Cells[2]);
        Assert.That(date[Dayton], Is.EqualTo("2025"), "known to the year, as the briefing shows it");
        Assert.That(date[Anticorruption], Is.EqualTo("2018-09"), "known to the month");
        Assert.That(date[G7], Is.EqualTo("2024-05-25"));

        var debate = _articles[Debate].Metadata.DocumentDate!;
        Assert.That(DateOrigins.IsGuess(debate.Origin), "the article's dateline has no year: its year is the file's");
        Assert.That(date[Debate], Does.StartWith("2030-").And.EndWith("\n" + BriefingComposer.DescribeOrigin(debate.Origin)),
            "marked in the words of the briefing");
        var briefing = BriefingComposer.Compose(BriefingModelBuilder.Build(_articles[Debate]));
        Assert.That(briefing.Blocks.OfType<MetadataBlock>().Single().Items.Single(i => i.Label == "Document date").Value,
            Does.Contain(BriefingComposer.DescribeOrigin(debate.Origin)));

        // The latest date of the batch, but a guess: after every document whose date is known.
        Assert.That(rows.Select(r => r.File).Last(), Is.EqualTo(Debate));
        var known = rows.Where(r => r.File != Debate).Select(r => r.Cells[2]).ToList();
        Assert.That(known, Is.Ordered.Descending.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void The_document_list_counts_distinct_organisations_and_agreements_as_the_overview_lists_them()
    {
        var columns = Table("documents").Columns.Select(c => c.Header).ToList();
        int orgs = columns.IndexOf("Orgs"), agreements = columns.IndexOf("Agr.");
        var mentions = 0;
        foreach (var (file, cells) in DocumentRows())
        {
            Assert.That(int.Parse(cells[orgs]), Is.EqualTo(_overview.Organisations.Count(o => o.Documents.Contains(file))), file);
            Assert.That(int.Parse(cells[agreements]), Is.EqualTo(_overview.Agreements.Count(a => a.Documents.Contains(file))), file);
            mentions += _articles[file].EntitiesOf(EntityTypes.Org).Count();
        }
        // Against the headline figure: no document can have more distinct organisations than the batch.
        var figures = _overviewDocument.Blocks.OfType<KeyFiguresBlock>().Single().Figures.ToDictionary(f => f.Label, f => int.Parse(f.Value));
        var rows = DocumentRows();
        Assert.That(rows.Max(r => int.Parse(r.Cells[orgs])), Is.LessThanOrEqualTo(figures["Organisations"]));
        Assert.That(rows.Max(r => int.Parse(r.Cells[agreements])), Is.LessThanOrEqualTo(figures["Agreements"]));
        Assert.That(rows.Sum(r => int.Parse(r.Cells[orgs])), Is.LessThan(mentions), "mentions are not what is counted");
    }

    [Test]
    public void Every_key_figure_of_a_briefing_has_its_section_and_the_same_number()
    {
        Assert.That(_articles[TradeFigures].EntitiesOf(EntityTypes.Publication).Count(), Is.GreaterThan(0),
            "the article has titles of a kind the briefing has no section for");
        var sections = new Dictionary<string, string> { ["Agreements"] = "agreements", ["Organisations"] = "organisations", ["Dates"] = "dates", ["Timeline entries"] = "timeline" };
        foreach (var (file, article) in _articles)
        {
            var document = BriefingComposer.Compose(BriefingModelBuilder.Build(article));
            var figures = document.Blocks.OfType<KeyFiguresBlock>().Single().Figures;
            Assert.That(figures.Select(f => f.Label), Is.EquivalentTo(sections.Keys), file);
            var contents = document.Blocks.OfType<ContentsBlock>().Single().Entries.Select(e => e.Anchor).ToList();
            foreach (var figure in figures)
            {
                var heading = document.Blocks.OfType<HeadingBlock>().Single(h => h.Anchor == sections[figure.Label]);
                Assert.That(heading.Text, Does.EndWith($"({figure.Value})"), $"{file}: {figure.Label}");
                Assert.That(contents, Does.Contain(heading.Anchor), $"{file}: {figure.Label}");
            }
            var dates = figures.Single(f => f.Label == "Dates");
            var values = article.EntitiesOf(EntityTypes.Date).Select(e => e.Value ?? e.Text).Distinct().Count();
            Assert.That(dates.Detail, Is.EqualTo(values == 1 ? "1 distinct value" : $"{values} distinct values"), file);
        }
    }

    [Test]
    public void An_empty_timeline_says_its_events_were_left_off_because_their_dates_are_guesses()
    {
        // A People's Daily report of 1998 whose datelines give no year: every event counts from the file's year.
        var data = TestPaths.Data;
        var text = Pipeline.Evaluation.AnnotatedCorpus.Read(Path.Combine(data, "pd1998-train.jsonl.gz"), Pipeline.Evaluation.CorpusSplit.All)
            .First(d => d.Id == "19980103-02-010.txt").Text;
        var path = _ws.Add("pd-19980103-02-010.zh.txt", text);
        try
        {
            File.SetLastWriteTimeUtc(path, FileTime);
            var article = _pipeline.ProcessFile(path);
            Assert.That(article.Timeline, Is.Empty);
            Assert.That(article.TimelineLeftOff, Is.GreaterThan(0));

            var document = BriefingComposer.Compose(BriefingModelBuilder.Build(article));
            var heading = document.Blocks.IndexOf(document.Blocks.OfType<HeadingBlock>().Single(h => h.Anchor == "timeline"));
            var said = string.Concat(((ParagraphBlock)document.Blocks[heading + 1]).Runs.Select(r => r.Text));
            Assert.That(said, Does.Contain($"{article.TimelineLeftOff} were left off").And.Contain("guessed from the file modification time"));
            Assert.That(said, Does.Not.Contain("No dated events found"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("1996-W34", "week 34 of 1996")]
    [TestCase("19XX", "1900s")]
    [TestCase("20XX", "2000s")]
    [TestCase("199X", "1990s")]
    [TestCase("2019/2021", "2019–2021")]
    [TestCase("2024-06-18/2024-06-20", "2024-06-18 – 2024-06-20")]
    [TestCase("2024-07/2025", "2024-07 – 2025")]
    [TestCase("2020-10-05", "2020-10-05")]
    [TestCase("2020-10", "2020-10")]
    [TestCase("1997", "1997")]
    public void Date_codes_are_read_out(string value, string shown) => Assert.That(ReadableDate.Of(value), Is.EqualTo(shown));

    [Test]
    public void Reports_show_date_codes_in_words_and_entities_json_keeps_the_codes()
    {
        var json = JsonNode.Parse(File.ReadAllText(_ws.ArticleOutput(Dayton)))!;
        var codes = json["entities"]!.AsArray().Where(e => (string?)e!["type"] == "DATE").Select(e => (string?)e!["value"])
            .OfType<string>().Where(v => v.Contains('W') || v.Contains('X') || v.Contains('/')).Distinct().ToList();
        Assert.That(codes, Has.Some.Match(@"^\d{4}-W\d{2}$").And.Some.EqualTo("199X"), "entities.json keeps the codes");

        var shown = BriefingComposer.Compose(BriefingModelBuilder.Build(_articles[Dayton])).Blocks.OfType<TableBlock>()
            .SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(Text).ToList();
        var html = File.ReadAllText(_ws.ArticleOutput(Dayton, "briefing.html"));
        var docx = DocxText(_ws.ArticleOutput(Dayton, "briefing.docx"));
        foreach (var code in codes)
        {
            var words = ReadableDate.Of(code);
            Assert.That(words, Is.Not.EqualTo(code));
            Assert.That(shown, Does.Contain(words).And.None.Contain(code), code);
            Assert.That(html, Does.Contain(words).And.Not.Contain(code), code);
            Assert.That(docx, Does.Contain(words).And.Not.Contain(code), code);
        }
        Assert.That(shown, Has.Some.Match(@"^week \d+ of \d{4}$").And.Some.EqualTo("1990s"));
    }

    [GeneratedRegex(@"<table.*?</table>", RegexOptions.Singleline)]
    private static partial Regex HtmlTable();

    [GeneratedRegex(@"<th[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HtmlHeader();

    [GeneratedRegex(@"<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex HtmlRow();

    [GeneratedRegex(@"<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex HtmlCell();

    [GeneratedRegex(@"^(\d{4}(-\d{2}){0,2}|week \d+ of \d{4}|\d{3}0s)( – .+|–\d{4})?$")]
    private static partial Regex DateOnlyText();

    private static string PlainText(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html.Replace("<br>", "\n"), "<[^>]+>", ""));

    [Test]
    public void Html_date_cells_never_wrap()
    {
        Assert.That(File.ReadAllText(Path.Combine(_ws.Output, "index.html")), Does.Contain(".nowrap { white-space: nowrap; }"));
        var pages = _articles.Keys.Select(f => _ws.ArticleOutput(f, "briefing.html")).Append(Path.Combine(_ws.Output, "index.html"));
        var dateCells = 0;
        foreach (var page in pages)
            foreach (Match table in HtmlTable().Matches(File.ReadAllText(page)))
            {
                var headers = HtmlHeader().Matches(table.Value).Select(h => PlainText(h.Groups[1].Value)).ToList();
                // The date columns: "Date" of agreements, timeline and documents; "Value" of a briefing's dates.
                var dated = headers.Select((h, i) => (h, i)).Where(x => x.h is "Date" or "Value").Select(x => x.i).ToList();
                foreach (Match row in HtmlRow().Matches(table.Value))
                {
                    var cells = HtmlCell().Matches(row.Groups[1].Value).Select(c => c.Groups[1].Value).ToList();
                    foreach (var i in dated.Where(i => i < cells.Count && PlainText(cells[i]).Length > 1))
                    {
                        dateCells++;
                        Assert.That(cells[i], Does.Contain("class=\"nowrap\""), $"{page}: {PlainText(cells[i])}");
                        Assert.That(DateOnlyText().IsMatch(PlainText(cells[i]).Split('\n')[0]) || PlainText(cells[i]).Contains("a guess"),
                            $"{page}: {PlainText(cells[i])}");
                    }
                }
            }
        Assert.That(dateCells, Is.GreaterThan(50));
    }

    [Test]
    public void Word_tables_keep_dates_and_words_whole()
    {
        using var bold = new SkiaSharp.SKFont(ReportFonts.Typeface(FontFace.Latin, bold: true), 9);
        var files = _articles.Keys.Select(f => _ws.ArticleOutput(f, "briefing.docx")).Append(Path.Combine(_ws.Output, "overview.docx"));
        var communique = false;
        foreach (var file in files)
        {
            using var doc = WordprocessingDocument.Open(file, false);
            foreach (var table in doc.MainDocumentPart!.Document!.Body!.Descendants<Table>().Where(t => t.GetFirstChild<TableGrid>() is not null))
            {
                var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();
                foreach (var row in table.Elements<WordRow>())
                    foreach (var (cell, i) in row.Elements<TableCell>().Select((c, i) => (c, i)))
                    {
                        var text = WordText(cell).Trim('\n');
                        // Dates are set with Word's non-breaking hyphen: no hyphen in them to break after.
                        if (DateOnlyText().IsMatch(text))
                            Assert.That(cell.Descendants<Text>().Select(t => t.Text), Has.None.Contain("-"), $"{file}: {text}");
                        // Each Latin word fits its column (measured bold, the wider weight), with the cell's margins.
                        foreach (var word in Regex.Matches(text, @"[A-Za-z0-9]+").Select(m => m.Value))
                        {
                            communique |= word == "communique";
                            Assert.That(bold.MeasureText(word) * 20 + 180, Is.LessThanOrEqualTo(widths[i]), $"{Path.GetFileName(file)}: '{word}'");
                        }
                    }
            }
        }
        Assert.That(communique, "the batch has a communique to fit");
    }

    [Test]
    public void Word_widens_a_column_to_its_longest_word_at_the_expense_of_a_roomy_one()
    {
        var table = new TableBlock([new("Agreement", 6f), new("Kind", 0.6f)],
            [new ReportRow([Cell.Of("A short title"), Cell.Of("communique")])]);
        var widths = DocxRenderer.ColumnWidths(table);
        using var font = new SkiaSharp.SKFont(ReportFonts.Typeface(FontFace.Latin, bold: false), 9);
        Assert.That(widths[1], Is.GreaterThanOrEqualTo(font.MeasureText("communique") * 20 + 180));
        Assert.That(widths.Sum(), Is.EqualTo(DocxRenderer.ColumnWidths(new TableBlock([new("A", 6f), new("B", 0.6f)], [])).Sum()).Within(2));
    }

    private static string DocxText(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return WordText(doc.MainDocumentPart!.Document!.Body!);
    }

    /// <summary>Word's non-breaking hyphen is an element, not a character: it is read back as a hyphen.</summary>
    private static string WordText(DocumentFormat.OpenXml.OpenXmlElement element) =>
        string.Concat(element.Descendants().Select(e => e is Text t ? t.Text : e is NoBreakHyphen ? "-" : e is Paragraph ? "\n" : ""));
}
