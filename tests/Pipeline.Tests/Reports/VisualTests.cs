using Pipeline.Reports.Document;
using Pipeline.Reports.Model;
using Pipeline.Reports.Pdf;
using SkiaSharp;

namespace Pipeline.Tests.Reports;

/// <summary>
/// Layout regressions: page 1 of the sample briefing and of the sample overview, drawn by the PDF renderer's own
/// layout and fonts onto a bitmap (Skia, no PDF tool needed), compared with committed references within a
/// tolerance. After an intended change of the layout: UPDATE_VISUAL_REFERENCES=1 dotnet test --filter VisualTests,
/// then look at the new PNGs in tests/Pipeline.Tests/Reports/Visual before committing them.
/// </summary>
public class VisualTests
{
    private const float Dpi = 40;
    // A pixel "differs" past this much (of 255) in grey; anti-aliasing noise stays well below.
    private const int PixelTolerance = 64;
    // Share of differing pixels a page may have: a moved line or block changes several percent.
    private const double MaxDifferingShare = 0.004;

    private static string Reference(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Reports", "Visual", name);

    private static IEnumerable<TestCaseData> Pages()
    {
        yield return new TestCaseData("briefing-page1.png", (Func<ReportDocument>)(() => BriefingComposer.Compose(BriefingModelBuilder.Build(SampleArticle.Load()))))
            .SetName("Briefing page 1 matches its reference");
        yield return new TestCaseData("overview-page1.png", (Func<ReportDocument>)(() => OverviewComposer.Compose(OverviewModelBuilder.Build(SampleOverview.Build()))))
            .SetName("Overview page 1 matches its reference");
    }

    [TestCaseSource(nameof(Pages))]
    public void Page_matches_its_reference(string name, Func<ReportDocument> compose)
    {
        using var page = PdfRenderer.RenderPages(compose(), Dpi, 1).Single();
        using var grey = Grey(page);
        var reference = Reference(name);
        if (Environment.GetEnvironmentVariable("UPDATE_VISUAL_REFERENCES") == "1")
        {
            Save(grey, reference);
            Assert.Pass($"reference written: {reference}");
        }
        Assert.That(reference, Does.Exist, "no reference yet: run with UPDATE_VISUAL_REFERENCES=1 and look at the PNG");

        using var expected = SKBitmap.Decode(reference);
        var actualPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, "visual-" + name);
        Save(grey, actualPath);
        Assert.That((grey.Width, grey.Height), Is.EqualTo((expected.Width, expected.Height)), $"page size changed; now: {actualPath}");
        var differing = 0;
        for (var y = 0; y < grey.Height; y++)
            for (var x = 0; x < grey.Width; x++)
                if (Math.Abs(grey.GetPixel(x, y).Red - expected.GetPixel(x, y).Red) > PixelTolerance) differing++;
        var share = differing / (double)(grey.Width * grey.Height);
        Assert.That(share, Is.LessThanOrEqualTo(MaxDifferingShare), $"{differing} pixels differ ({share:P2}); now: {actualPath}, reference: {reference}");
    }

    [Test]
    public void A_layout_change_is_caught()
    {
        // The comparison is not blind: the briefing without its lead differs from the reference far past the tolerance.
        var model = BriefingModelBuilder.Build(SampleArticle.Load());
        using var page = PdfRenderer.RenderPages(BriefingComposer.Compose(model with { Lead = [] }), Dpi, 1).Single();
        using var grey = Grey(page);
        using var expected = SKBitmap.Decode(Reference("briefing-page1.png"));
        var differing = 0;
        for (var y = 0; y < grey.Height; y++)
            for (var x = 0; x < grey.Width; x++)
                if (Math.Abs(grey.GetPixel(x, y).Red - expected.GetPixel(x, y).Red) > PixelTolerance) differing++;
        Assert.That(differing / (double)(grey.Width * grey.Height), Is.GreaterThan(MaxDifferingShare * 5));
    }

    private static SKBitmap Grey(SKBitmap page)
    {
        var grey = new SKBitmap(page.Width, page.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(grey);
        canvas.DrawBitmap(page, 0, 0);
        return grey;
    }

    private static void Save(SKBitmap bitmap, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
