using System.Collections.Concurrent;
using Pipeline.Fonts;
using Pipeline.Reports.Document;
using ScottPlot;
using SkiaSharp;

namespace Pipeline.Reports.Charts;

/// <summary>
/// Turns a <see cref="ChartSpec"/> into a ScottPlot plot. ScottPlot draws through SkiaSharp: onto the PDF
/// canvas (vector), into a PNG for Word, into SVG for HTML. Its text uses the typeface registered under the
/// font name given, never a font of the machine.
/// </summary>
public static class ChartPlots
{
    /// <summary>Code points ScottPlot may draw besides the chart's own labels (tick numbers).</summary>
    public const string TickCharacters = "0123456789.,-−+ kMe%";

    private static readonly SKColor Accent = SKColor.Parse(ReportPalette.Accent);
    private const float TickFontSize = 7.5f;

    /// <summary>The shipped CJK face (it has Latin too) under a fixed name: for PNG and SVG charts.</summary>
    public static string FullFontName => ChartFonts.Register("pipeline-chart-full", () => ReportFonts.Typeface(FontFace.Cjk, bold: false));

    public static Plot Build(ChartSpec spec, string fontName)
    {
        var plot = new Plot();
        var n = spec.Values.Length;
        var bars = new List<Bar>(n);
        for (var i = 0; i < n; i++)
        {
            // A ranking reads top-down: the first label gets the highest position.
            var position = spec.Kind == ChartKind.Ranking ? n - 1 - i : i;
            bars.Add(new Bar
            {
                Position = position, Value = spec.Values[i], FillColor = new Color(Accent.Red, Accent.Green, Accent.Blue),
                LineWidth = 0, Size = 0.7,
                Orientation = spec.Kind == ChartKind.Ranking ? Orientation.Horizontal : Orientation.Vertical,
            });
        }
        plot.Add.Bars(bars);

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        // Over time, at most about 16 labels: every other year (or month) is enough to read the axis.
        var every = spec.Kind == ChartKind.Histogram ? (n + 15) / 16 : 1;
        var shown = new List<string>();
        for (var i = 0; i < n; i++)
            // The last bar always has its label, so the one before it is dropped when they would be side by side.
            if (i == n - 1 || (i % every == 0 && n - 1 - i >= every))
            {
                shown.Add(Shorten(spec.Labels[i], 28));
                ticks.AddMajor(spec.Kind == ChartKind.Ranking ? n - 1 - i : i, shown[^1]);
            }
        // Counts: whole numbers only, never "0.5 documents".
        var counts = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (spec.Kind == ChartKind.Ranking)
        {
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.Bottom.TickGenerator = counts;
            plot.Axes.Margins(left: 0, right: 0.08, bottom: 0.02, top: 0.02);
            plot.XLabel(spec.ValueAxis);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.Left.TickGenerator = counts;
            if (n > 8)
            {
                const float Slant = 50;
                plot.Axes.Bottom.TickLabelStyle.Rotation = -Slant;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
                // ScottPlot makes room under the axis for level labels only: a slanted one reaches lower and was cut
                // off at the chart's edge ("1949–1994" lost its first year). ScottPlot hangs it 2 units below the tick.
                using var font = new SKFont(ScottPlot.Fonts.GetTypeface(fontName, bold: false, italic: false), TickFontSize);
                var angle = Slant * MathF.PI / 180;
                var reach = shown.Max(l => font.MeasureText(l)) * MathF.Sin(angle) + font.Spacing / 2 * MathF.Cos(angle);
                plot.Axes.Bottom.MinimumSize = plot.Axes.Bottom.MajorTickStyle.Length + 2 + reach + 2;
            }
            plot.Axes.Margins(left: 0.02, right: 0.02, bottom: 0, top: 0.1);
            plot.YLabel(spec.ValueAxis);
        }
        plot.Title(spec.Title);
        plot.Font.Set(fontName);
        plot.Axes.Title.Label.FontSize = 9;
        plot.Axes.Title.Label.Bold = true;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickFontSize;
            axis.Label.FontSize = 8;
            axis.Label.Bold = false;
        }
        plot.Grid.MajorLineColor = new Color(0xC5, 0xCC, 0xD6, 0x80);
        plot.HideLegend();
        PlaceTextByDescent(plot, fontName);
        return plot;
    }

    /// <summary>
    /// ScottPlot puts a label's baseline <see cref="SKFontMetrics.Bottom"/> above the bottom of the label's box:
    /// it takes the lowest point of any glyph in the font for the descent of the text. In Noto Sans SC that point
    /// is 1.05 em below the baseline (the descent is 0.29 em), so every label sat about 0.7 em too high: a ranking
    /// label half a row above its bar, a slanted year under the bar to its left, tick numbers above their lines.
    /// Each label is moved down, along its own rotation, to where it would be if Bottom were the descent.
    /// </summary>
    private static void PlaceTextByDescent(Plot plot, string fontName)
    {
        const float Size = 100;
        using var font = new SKFont(ScottPlot.Fonts.GetTypeface(fontName, bold: false, italic: false), Size);
        font.GetFontMetrics(out var metrics);
        var excessPerPoint = (metrics.Bottom - metrics.Descent) / Size;
        var labels = plot.Axes.GetAxes().SelectMany(a => new[] { a.Label, a.TickLabelStyle }).Append(plot.Axes.Title.Label);
        foreach (var label in labels)
        {
            var down = excessPerPoint * label.FontSize;
            var angle = label.Rotation * MathF.PI / 180;
            label.OffsetX = -down * MathF.Sin(angle);
            label.OffsetY = down * MathF.Cos(angle);
        }
    }

    /// <summary>Every string the chart may draw, so the document's font subset includes it.</summary>
    public static IEnumerable<string> Text(ChartSpec spec) =>
        spec.Labels.Select(l => Shorten(l, 28)).Append(spec.Title).Append(spec.ValueAxis).Append(TickCharacters).Append("…");

    public static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>
/// Typefaces ScottPlot finds by name. ScottPlot caches a typeface per name, so each PDF registers its own
/// subset under a name of its own; the registry holds nothing but these few entries.
/// </summary>
public sealed class ChartFonts : IFontResolver
{
    private static readonly ConcurrentDictionary<string, Func<SKTypeface>> Faces = new();
    private static readonly Lazy<bool> Installed = new(() =>
    {
        lock (ScottPlot.Fonts.FontResolvers) ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFonts());
        return true;
    });

    /// <summary>Makes <paramref name="typeface"/> available to ScottPlot as <paramref name="name"/>; returns the name.</summary>
    public static string Register(string name, Func<SKTypeface> typeface)
    {
        _ = Installed.Value;
        Faces.TryAdd(name, typeface);
        return name;
    }

    public static void Forget(string name) => Faces.TryRemove(name, out _);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        Faces.TryGetValue(fontName, out var typeface) ? typeface() : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        Faces.TryGetValue(fontName, out var typeface) ? typeface() : null;
}
