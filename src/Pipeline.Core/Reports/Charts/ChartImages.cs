using Pipeline.Reports.Document;
using ScottPlot;

namespace Pipeline.Reports.Charts;

/// <summary>Charts as files: PNG for Word, SVG for the HTML view. Both drawn by ScottPlot with the shipped font.</summary>
public static class ChartImages
{
    // Points of the page → pixels: Word shows the PNG at its page size, twice as sharp as the screen.
    private const float PixelsPerPoint = 2.5f;
    // The PDF's proportions (237.6 × 190 pt): flatter, the twelve ranking labels had less than their own height each.
    public const float AspectRatio = 0.8f;
    // The chart's own units (its text is 7.5–9 units) against the page's pixels: the HTML view shows a chart at least
    // 440 px wide (figure.chart in HtmlRenderer), so its smallest text is at least 7.5 × 440 / 300 = 11 px.
    public const int SvgWidth = 300;

    public static (byte[] Png, int Width, int Height) Png(ChartSpec spec, float widthPoints)
    {
        var plot = ChartPlots.Build(spec, ChartPlots.FullFontName);
        plot.ScaleFactor = PixelsPerPoint;
        var width = (int)(widthPoints * PixelsPerPoint);
        var height = (int)(width * AspectRatio);
        return (plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
    }

    /// <summary>An SVG drawing of the chart, for inline use in HTML (sized by the page).</summary>
    public static string Svg(ChartSpec spec, int width = SvgWidth)
    {
        var plot = ChartPlots.Build(spec, ChartPlots.FullFontName);
        return plot.GetSvgXml(width, (int)(width * AspectRatio));
    }
}
