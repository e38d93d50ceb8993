using System.Collections.Immutable;
using Pipeline.Model;
using Pipeline.Reports.Pdf;
using Pipeline.Reports.Pdf.Layout;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Pipeline.Tests.Reports;

public class PaginatorTests
{
    private sealed class Block(string name, float height) : Slice
    {
        public string Name => name;
        public override float Height => height;
        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width) { }
    }

    private static string Layout(IReadOnlyList<Slice> slices, float pageHeight) =>
        string.Join(" | ", Paginator.Paginate(slices, 0, pageHeight)
            .Select(page => string.Join(" ", page.Select(p => ((Block)p.Slice).Name))));

    [Test]
    public void Fills_pages_and_repeats_the_table_header_on_continuation_pages()
    {
        var header = new Block("H", 10) { KeepWithNext = true };
        var rows = Enumerable.Range(1, 5).Select(i => (Slice)new Block("r" + i, 20) { RepeatOnNewPage = header });
        Assert.That(Layout([header, .. rows], 55), Is.EqualTo("H r1 r2 | H r3 r4 | H r5"));
    }

    [Test]
    public void A_heading_moves_to_the_next_page_with_what_follows_and_spacing_is_dropped_at_the_top()
    {
        Slice[] slices =
        [
            new Block("p1", 40),
            new Block("space", 5) { DiscardAtPageTop = true },
            new Block("heading", 10) { KeepWithNext = true },
            new Block("p2", 20),
        ];
        Assert.That(Layout(slices, 60), Is.EqualTo("p1 space | heading p2"));
        Assert.That(Layout([new Block("space", 5) { DiscardAtPageTop = true }, new Block("p", 5)], 60), Is.EqualTo("p"));
    }

    [Test]
    public void A_long_pdf_table_repeats_its_header_on_every_page()
    {
        var entries = Enumerable.Range(0, 120).Select(i =>
            new OverviewTimelineEntry($"{1990 + i / 4}-{i % 12 + 1:00}", $"doc{i % 7}.zh.txt", $"第{i}次会议通过关于加强合作的联合声明，各方同意继续推进相关工作。"));
        var overview = new BatchOverview(DateTimeOffset.UnixEpoch, [], [], [], [.. entries]);
        using var stream = new MemoryStream();
        new PdfReportWriter().WriteOverview(overview, stream);

        using var pdf = PdfDocument.Open(stream.ToArray());
        Assert.That(pdf.NumberOfPages, Is.GreaterThan(2));
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.That(words, Does.Contain("Event"), $"page {page.Number}");
            Assert.That(page.Text, Does.Contain($"Page {page.Number} of {pdf.NumberOfPages}"));
        }
        var all = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.That(all, Does.Contain("第0次会议").And.Contain("第119次会议"));
    }

    [TestCase(1, "filler | l1 l2 l3 l4", TestName = "No orphan: a first line alone at the foot of a page moves on with the second")]
    [TestCase(3, "filler l1 l2 | l3 l4", TestName = "No widow: a last line alone at the head of a page takes the line before it along")]
    [TestCase(4, "filler l1 l2 l3 l4", TestName = "A paragraph that fits stays whole")]
    public void Paragraph_lines_break_across_pages_without_widows_or_orphans(int linesThatFit, string expected)
    {
        using var ctx = new LayoutContext((face, bold) => SKTypeface.FromData(SKData.CreateCopy(Pipeline.Fonts.ReportFonts.File(face, bold).Span)));
        var style = new TextStyle(10, SKColors.Black);
        // Four lines of text at a width that holds one sentence a line.
        var lines = new TextElement([new StyledRun("First line here. Second line here. Third line here. Fourth line here.", style)], 1.5f)
            .Measure(ctx, ctx.Measure("Second line here. ", style) + 1);
        Assert.That(lines, Has.Count.EqualTo(4));
        var names = new[] { "l1", "l2", "l3", "l4" };
        var named = lines.Select((l, i) => (Slice)new Block(names[i], l.Height) { KeepWithNext = l.KeepWithNext }).ToList();
        var lineHeight = lines[0].Height;
        Assert.That(Layout([new Block("filler", 100), .. named], 100 + linesThatFit * lineHeight + 0.1f), Is.EqualTo(expected));
    }
}
