using SkiaSharp;

namespace Pipeline.Reports.Pdf.Layout;

public sealed record TableStyle(SKColor Grid, SKColor HeaderFill, float Padding = 4.5f, float LineSpacing = 1.35f);

/// <summary>
/// A table with a header row. Each row is one slice, so a table breaks between rows, and every row
/// carries the header slice so the paginator repeats it at the top of a continuation page.
/// </summary>
public sealed class TableElement(IReadOnlyList<float> weights, IReadOnlyList<IReadOnlyList<StyledRun>> header,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<StyledRun>>> rows, TableStyle style, IReadOnlyList<string?>? anchors = null,
    IReadOnlyList<bool>? rightAligned = null) : IElement
{
    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => availableWidth * w / total).ToArray();
        var right = widths.Select((_, i) => rightAligned is not null && i < rightAligned.Count && rightAligned[i]).ToArray();
        var headerSlice = new RowSlice(Layout(ctx, header, widths), widths, style, style.HeaderFill, null, right) { KeepWithNext = true };
        var slices = new List<Slice> { headerSlice };
        for (var r = 0; r < rows.Count; r++)
            slices.Add(new RowSlice(Layout(ctx, rows[r], widths), widths, style, null, anchors is not null && r < anchors.Count ? anchors[r] : null, right)
                { RepeatOnNewPage = headerSlice });
        return slices;
    }

    private List<List<TextLine>> Layout(LayoutContext ctx, IReadOnlyList<IReadOnlyList<StyledRun>> cells, float[] widths) =>
        [.. widths.Select((w, i) => i < cells.Count
            ? TextLayout.Lines(ctx, cells[i], w - 2 * style.Padding, style.LineSpacing)
            : [])];

    private sealed class RowSlice(List<List<TextLine>> cells, float[] widths, TableStyle style, SKColor? fill, string? anchor, bool[] right) : Slice
    {
        public override float Height { get; } = cells.Max(c => c.Sum(l => l.Height)) + 2 * style.Padding;

        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width)
        {
            var total = widths.Sum();
            if (fill is { } f)
            {
                using var bg = new SKPaint { Color = f };
                canvas.DrawRect(x, y, total, Height, bg);
            }
            if (anchor is not null) Links.Destination(canvas, anchor, x, y);
            var left = x;
            for (var i = 0; i < widths.Length; i++)
            {
                var top = y + style.Padding;
                foreach (var line in cells[i])
                {
                    line.Draw(ctx, canvas, right[i] ? left + widths[i] - style.Padding - line.Width : left + style.Padding, top);
                    top += line.Height;
                }
                left += widths[i];
            }
            using var grid = new SKPaint { Color = style.Grid, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = false };
            canvas.DrawLine(x, y, x + total, y, grid);
            canvas.DrawLine(x, y + Height, x + total, y + Height, grid);
            left = x;
            canvas.DrawLine(left, y, left, y + Height, grid);
            foreach (var w in widths)
            {
                left += w;
                canvas.DrawLine(left, y, left, y + Height, grid);
            }
        }
    }
}
