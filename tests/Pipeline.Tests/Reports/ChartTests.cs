using Pipeline.Reports.Charts;
using Pipeline.Reports.Document;
using SkiaSharp;

namespace Pipeline.Tests.Reports;

/// <summary>
/// Chart labels where the reader looks for them, measured on the PNG that Word shows (ScottPlot with the shipped
/// font, as in the PDF and the SVG): the dark pixels of the labels against the pixels of the bars.
/// </summary>
public class ChartTests
{
    private const float WidthPoints = 237.6f;
    private static readonly SKColor Accent = SKColor.Parse(ReportPalette.Accent);

    [Test]
    public void Each_ranking_label_is_centred_on_its_bar()
    {
        // Capitals only: the ink of each label is its cap height, whose middle is where the label is meant to be.
        string[] names = ["NATO", "ASEAN", "UNITED NATIONS", "EUROPEAN UNION", "WHO", "IMF", "WORLD BANK", "OECD",
            "AFRICAN UNION", "G20", "OPEC", "UNESCO"];
        using var image = Draw(new ChartSpec(ChartKind.Ranking, "Ranking", [.. names], [.. names.Select((_, i) => 12.0 - i)], "documents", ""));
        var scale = image.Width / WidthPoints;
        var barsLeft = Enumerable.Range(0, image.Width).First(x => Enumerable.Range(0, image.Height).Any(y => IsBar(image.GetPixel(x, y))));
        var bars = Runs(image.Height, y => IsBar(image.GetPixel(barsLeft + 2, y)));
        // Left of the tick marks (4 units long) and of the axis line: the labels alone.
        var textRight = barsLeft - (int)(6 * scale);
        var labels = Runs(image.Height, y => Enumerable.Range(0, textRight).Any(x => IsInk(image.GetPixel(x, y))));

        Assert.That(bars, Has.Count.EqualTo(names.Length));
        Assert.That(labels, Has.Count.EqualTo(names.Length), "one line of text a bar");
        var pitch = (Middle(bars[^1]) - Middle(bars[0])) / (bars.Count - 1);
        for (var i = 0; i < names.Length; i++)
            Assert.That(Middle(labels[i]), Is.EqualTo(Middle(bars[i])).Within(pitch / 8), $"{names[i]} beside its bar (rows)");
    }

    [Test]
    public void Each_slanted_year_ends_under_its_own_bar()
    {
        // 24 years: the labels slant (past 8 bars) and every other year is labelled, the last always.
        var years = Enumerable.Range(2001, 24).ToList();
        using var image = Draw(new ChartSpec(ChartKind.Histogram, "Years", [.. years.Select(y => y.ToString())],
            [.. years.Select(y => 1.0 + y % 3)], "events", ""));
        var scale = image.Width / WidthPoints;
        var axis = Enumerable.Range(0, image.Height).Last(y => Enumerable.Range(0, image.Width).Any(x => IsBar(image.GetPixel(x, y)))) + 1;
        var bars = Runs(image.Width, x => IsBar(image.GetPixel(x, axis - 2)));
        var labelled = Enumerable.Range(0, years.Count).Where(i => i == years.Count - 1 || (i % 2 == 0 && i < years.Count - 2)).ToList();

        // A label slanted 50° lies along a strip; across it (the direction below), each label is a narrow band of ink.
        // Its middle must be on the line through the label's own anchor, 6 units under the axis (tick mark and gap).
        var across = (X: MathF.Sin(50 * MathF.PI / 180), Y: MathF.Cos(50 * MathF.PI / 180));
        double Across(double x, double y) => x * across.X + y * across.Y;
        var ink = new SortedDictionary<int, (double Sum, int Count)>();
        for (var y = axis + (int)(4.5 * scale); y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                if (IsInk(image.GetPixel(x, y)))
                {
                    var v = Across(x, y);
                    var bin = (int)Math.Floor(v);
                    ink[bin] = ink.TryGetValue(bin, out var b) ? (b.Sum + v, b.Count + 1) : (v, 1);
                }
        var bands = new List<(double Sum, int Count)>();
        var last = int.MinValue;
        foreach (var (bin, b) in ink)
        {
            if (bin > last + 1) bands.Add((0, 0));
            bands[^1] = (bands[^1].Sum + b.Sum, bands[^1].Count + b.Count);
            last = bin;
        }

        Assert.That(bars, Has.Count.EqualTo(years.Count));
        Assert.That(bands, Has.Count.EqualTo(labelled.Count), "one slanted band of ink a label");
        var spacing = Across(Middle(bars[2]) - Middle(bars[0]), 0);
        for (var k = 0; k < labelled.Count; k++)
        {
            var anchor = Across(Middle(bars[labelled[k]]), axis + 6 * scale);
            Assert.That(bands[k].Sum / bands[k].Count, Is.EqualTo(anchor).Within(spacing / 8), $"{years[labelled[k]]} on the line through its tick");
        }
    }

    private static SKBitmap Draw(ChartSpec spec) => SKBitmap.Decode(ChartImages.Png(spec, WidthPoints).Png);

    private static bool IsBar(SKColor c) =>
        Math.Abs(c.Red - Accent.Red) + Math.Abs(c.Green - Accent.Green) + Math.Abs(c.Blue - Accent.Blue) < 60;

    // Text is black on white: dark and grey (the bars are dark too, but blue).
    private static bool IsInk(SKColor c) => Math.Max(c.Red, Math.Max(c.Green, c.Blue)) < 128 && Math.Abs(c.Red - c.Blue) < 25;

    private static double Middle((int First, int Last) run) => (run.First + run.Last) / 2.0;

    /// <summary>The runs of consecutive indices in [0, n) where <paramref name="on"/> holds.</summary>
    private static List<(int First, int Last)> Runs(int n, Func<int, bool> on)
    {
        var runs = new List<(int, int)>();
        int? start = null;
        for (var i = 0; i <= n; i++)
        {
            var v = i < n && on(i);
            if (v && start is null) start = i;
            if (!v && start is not null)
            {
                runs.Add((start.Value, i - 1));
                start = null;
            }
        }
        return runs;
    }
}
