using Pipeline.Reports.Document;
using ScottPlot;

namespace Pipeline.Reports.Charts;

/// <summary>Charts as files: PNG for Word, SVG for the HTML view. Both drawn by ScottPlot with the shipped font.</summary>
public static class ChartImages
{
    // Points of the page → pixels: Word shows the PNG at its page size, twice as sharp as the screen.
    private const float PixelsPerPoint = 2.5f;
    public const float AspectRatio = 0.66f;

    public static (byte[] Png, int Width, int Height) Png(ChartSpec spec, float widthPoints)
    {
        var plot = ChartPlots.Build(spec, ChartPlots.FullFontName);
        plot.ScaleFactor = PixelsPerPoint;
        var width = (int)(widthPoints * PixelsPerPoint);
        var height = (int)(width * AspectRatio);
        return (plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
    }

    /// <summary>An SVG drawing of the chart, for inline use in HTML (sized by the page).</summary>
    public static string Svg(ChartSpec spec, int width = 460)
    {
        var plot = ChartPlots.Build(spec, ChartPlots.FullFontName);
        return plot.GetSvgXml(width, (int)(width * AspectRatio));
    }
}
