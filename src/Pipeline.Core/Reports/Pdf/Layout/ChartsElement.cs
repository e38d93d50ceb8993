using Pipeline.Fonts;
using Pipeline.Reports.Charts;
using Pipeline.Reports.Document;
using ScottPlot;
using SkiaSharp;

namespace Pipeline.Reports.Pdf.Layout;

/// <summary>Charts side by side, drawn by ScottPlot straight onto the page canvas, so they stay vector in the PDF.</summary>
public sealed class ChartsElement(IReadOnlyList<ChartSpec> charts, float height, Func<string> fontName) : IElement
{
    private const float Gap = 12;

    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth)
    {
        // ScottPlot draws every label with the CJK face (it has Latin too): its glyphs must be in the subset.
        var style = new TextStyle(8, SKColors.Black) { Face = FontFace.Cjk };
        foreach (var chart in charts)
            foreach (var text in ChartPlots.Text(chart))
                ctx.Register(text, style);
        return [new ChartsSlice(charts, height, fontName)];
    }

    private sealed class ChartsSlice(IReadOnlyList<ChartSpec> charts, float height, Func<string> fontName) : Slice
    {
        public override float Height => height;

        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width)
        {
            var each = (width - Gap * (charts.Count - 1)) / Math.Max(1, charts.Count);
            for (var i = 0; i < charts.Count; i++)
            {
                var left = x + i * (each + Gap);
                var plot = ChartPlots.Build(charts[i], fontName());
                canvas.Save();
                canvas.ClipRect(new SKRect(left, y, left + each, y + height));
                plot.Render(canvas, new PixelRect(left, left + each, y + height, y));
                canvas.Restore();
            }
        }
    }
}
