using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Evaluation;
using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Html;
using Pipeline.Reports.Model;
using Pipeline.Reports.Pdf;
using Pipeline.Running;
using Pipeline.Stages;
using Pipeline.Tests.Running;
using UglyToad.PdfPig;

namespace Pipeline.Tests.Reports;

public class OverviewTests
{
    [Test]
    public void The_overview_leads_with_figures_changes_and_charts_and_keeps_reference_lists_for_the_end()
    {
        var document = OverviewComposer.Compose(OverviewModelBuilder.Build(SampleOverview.Build()));
        var order = document.Blocks.Select(b => b switch
        {
            KeyFiguresBlock => "figures",
            ChartsBlock => "charts",
            HeadingBlock h => h.Anchor,
            _ => null,
        }).OfType<string>().ToList();
        Assert.That(order, Is.EqualTo(new[]
        {
            "figures", "changes", "charts", "agreements", "timeline", "organisations", "documents", "cross-reference",
        }));
        var changes = string.Join("\n", document.Blocks.OfType<ParagraphBlock>().Where(p => p.Role == ParagraphRole.Bullet)
            .Select(p => string.Concat(p.Runs.Select(r => r.Text))));
        Assert.That(changes, Does.Contain("1 new document: Statement on the Accession Protocols (#1)"));
        Assert.That(changes, Does.Contain("1 document removed: old.txt"));
        Assert.That(changes, Does.Contain("1 new organisation: North Atlantic Treaty Organization"));
        Assert.That(changes, Does.Contain("1 new agreement: North Atlantic Treaty"));
    }

    [Test]
    public void The_organisation_ranking_counts_documents_instead_of_listing_them()
    {
        var document = OverviewComposer.Compose(OverviewModelBuilder.Build(SampleOverview.Build()));
        var ranking = document.Blocks.OfType<TableBlock>().Single(t => t.Name == "organisations");
        Assert.That(ranking.Columns.Select(c => c.Header), Is.EqualTo(new[] { "#", "Organisation", "English", "Documents", "Mentions" }));
        var first = ranking.Rows[0].Cells.Select(c => string.Concat(c.Runs.Select(r => r.Text))).ToList();
        Assert.That(first, Is.EqualTo(new[] { "1", "二十国集团", "Group of Twenty", "2", "5" }));
        var documents = document.Blocks.OfType<TableBlock>().Single(t => t.Name == "documents");
        Assert.That(documents.Columns.Select(c => c.Header), Does.Contain("Date").And.Contain("Lang.").And.Contain("Status"));
        // Newest first, each row a link target; the failed file last (no date).
        Assert.That(documents.Rows.Select(r => r.Anchor), Is.EqualTo(new[] { "doc-1", "doc-2", "doc-3" }));
        Assert.That(string.Concat(documents.Rows[0].Cells[1].Runs.Select(r => r.Text)), Does.StartWith("Statement on the Accession Protocols"));
    }

    [Test]
    public void Events_are_charted_by_month_over_a_short_span_and_by_year_over_a_long_one()
    {
        static ImmutableArray<OverviewTimelineEntry> Dates(params string[] dates) => [.. dates.Select(d => new OverviewTimelineEntry(d, "a.txt", "x"))];
        Assert.That(OverviewComposer.EventsOverTime(Dates("1998-01-05", "1998-03", "1998-03-20")),
            Is.EqualTo(new[] { ("1998-01", 1), ("1998-02", 0), ("1998-03", 2) }));
        // A 1949 treaty among events of 1996–2024: the chart keeps the busiest 30 years and gathers the rest.
        var years = OverviewComposer.EventsOverTime(Dates("1949", "1996-05", "1997", "2024-01"));
        Assert.That(years[0], Is.EqualTo(("1949–1994", 1)), "the gathered bar is named by the years it spans");
        Assert.That(years[^1], Is.EqualTo(("2024", 1)));
        Assert.That(years, Has.Count.EqualTo(1 + 30));
    }

    [Test]
    public void A_snapshot_of_the_previous_overview_tells_what_is_new()
    {
        var before = SampleOverview.Build();
        var snapshot = OverviewSnapshot.FromJson(OverviewSnapshot.Of(before).ToJson())!;
        var after = before with
        {
            Documents = before.Documents.Add(new OverviewDocument("new.txt", "New", "ok", 1, 1, 0, null) { ContentHash = "c3" })
                .Replace(before.Documents[0], before.Documents[0] with { ContentHash = "a1-edited" }),
            Organisations = before.Organisations.Add(new OverviewOrganisation("African Union", null, 1, ["new.txt"])),
        };
        var changes = snapshot.Compare(after);
        Assert.That(changes.NewDocuments, Is.EqualTo(new[] { "new.txt" }));
        Assert.That(changes.ChangedDocuments, Is.EqualTo(new[] { "anticorruption-cooperation.zh.txt" }));
        Assert.That(changes.RemovedDocuments, Is.Empty);
        Assert.That(changes.NewOrganisations, Is.EqualTo(new[] { "African Union" }));
        Assert.That(changes.NewAgreements, Is.Empty);
        Assert.That(OverviewSnapshot.FromJson("not json"), Is.Null);
    }
}

/// <summary>
/// A batch of 200 real news articles (People's Daily 1998 and Reuters 1996 from ../shared/data, written out as .txt
/// files in a temporary input folder, never committed) through the whole pipeline, twice: the overview a reader gets.
/// </summary>
[NonParallelizable]
public class LargeBatchOverviewTests
{
    private Workspace _ws = null!;
    private BatchOverview _second = null!;
    private readonly Dictionary<string, string> _texts = [];

    [OneTimeSetUp]
    public void RunTwice()
    {
        var pd = Path.Combine(TestPaths.Data, "pd1998-train.jsonl.gz");
        var conll = Path.Combine(TestPaths.Data, "conll2003-train.jsonl.gz");
        if (!File.Exists(pd) || !File.Exists(conll)) Assert.Ignore("../shared/data (pd1998, conll2003) not found beside the clone");
        _ws = new Workspace();
        var articles = AnnotatedCorpus.Read(pd, CorpusSplit.All).Take(100)
            .Concat(AnnotatedCorpus.Read(conll, CorpusSplit.All).Take(105)).ToList();
        foreach (var a in articles) _texts[Path.ChangeExtension(a.Id, ".txt")] = a.Text;
        foreach (var a in articles.Take(200)) _ws.Add(Path.ChangeExtension(a.Id, ".txt"), a.Text);
        var extraction = PipelineBuilder.Default().Build().Stages.Where(s => s.Name is not ("ingest" or "segment")).ToList();
        _ws.Run(writers: [new PdfReportWriter(), new HtmlReportWriter()], stagesAfter: extraction);
        // Five more articles arrive: the second overview says so.
        foreach (var a in articles.Skip(200)) _ws.Add(Path.ChangeExtension(a.Id, ".txt"), a.Text);
        _ws.Run(writers: [new PdfReportWriter(), new HtmlReportWriter()], stagesAfter: extraction);
        using var db = new PipelineDatabase(Path.Combine(_ws.Output, PipelineDatabase.FileName));
        _second = db.Overview.Build([.. Directory.GetFiles(_ws.Input).Select(Path.GetFileName).OfType<string>()]);
    }

    [OneTimeTearDown]
    public void CleanUp() => _ws?.Dispose();

    [Test]
    public void Every_document_has_its_headline_as_title_a_date_and_a_language()
    {
        Assert.That(_second.Documents, Has.Length.EqualTo(205));
        Assert.That(_second.Documents.Select(d => d.Status), Has.All.EqualTo(RunStatus.Ok));
        foreach (var d in _second.Documents)
            Assert.That(d.Title, Is.EqualTo(Pipeline.Ingest.Headline.FromFirstLine(_texts[d.FileName])), d.FileName);
        // Short briefs of one paragraph have no headline; the overview shows their file name instead.
        Assert.That(_second.Documents.Count(d => d.Title is not null), Is.GreaterThan(180));
        Assert.That(_second.Documents.Select(d => d.Language), Has.All.AnyOf("zh", "en"));
        Assert.That(_second.Documents.Select(d => d.Date), Has.All.Not.Null);
    }

    [Test]
    public void The_first_page_shows_the_figures_the_new_documents_and_the_charts_and_the_document_list_comes_late()
    {
        using var pdf = PdfDocument.Open(Path.Combine(_ws.Output, "overview.pdf"));
        var page1 = pdf.GetPage(1).Text;
        Assert.That(page1, Does.Contain("205").And.Contain("Documents"));
        Assert.That(page1, Does.Contain("Since the previous run").And.Contain("5 new documents"));
        Assert.That(page1, Does.Contain("Organisations by documents").And.Contain("Dated events over time"));
        // The reader's material before the reference lists: documents start past the first third of the file.
        var documentsPage = Enumerable.Range(1, pdf.NumberOfPages).First(p => pdf.GetPage(p).Text.Contains("Documents (205)"));
        Assert.That(documentsPage, Is.GreaterThan(3));
        Assert.That(pdf.TryGetBookmarks(out var bookmarks));
        Assert.That(bookmarks!.GetNodes().Select(n => n.Title), Does.Contain("Cross-reference: organisations by document"));
    }

    [Test]
    public void The_ranking_keeps_to_the_organisations_that_recur()
    {
        var document = OverviewComposer.Compose(OverviewModelBuilder.Build(_second));
        var ranking = document.Blocks.OfType<TableBlock>().Single(t => t.Name == "organisations");
        Assert.That(ranking.Rows, Has.Length.InRange(15, 40));
        Assert.That(_second.Organisations.Length, Is.GreaterThan(ranking.Rows.Length), "the one-off mentions are not ranked");
        var documents = ranking.Rows.Select(r => int.Parse(string.Concat(r.Cells[3].Runs.Select(x => x.Text)))).ToList();
        Assert.That(documents, Is.Ordered.Descending);
    }

    [Test]
    public void The_html_index_opens_in_a_browser_with_no_console_error()
    {
        var index = Path.Combine(_ws.Output, "index.html");
        Assert.That(index, Does.Exist);
        var result = Chromium.DumpDom(index);
        Assert.That(Chromium.ConsoleErrors(result.Log), Is.Empty);
        Assert.That(result.Dom, Does.Contain("id=\"f-org\""));
        // Links from the list to each briefing, relative, so they work from the folder on disk.
        Assert.That(result.Dom, Does.Contain("/briefing.html\""));
    }
}
