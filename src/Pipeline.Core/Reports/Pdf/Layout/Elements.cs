using SkiaSharp;

namespace Pipeline.Reports.Pdf.Layout;

/// <summary>
/// A piece of content that knows its size for a given width (Measure) and how to paint itself (Draw).
/// Measuring yields slices: the smallest pieces the paginator may put on different pages
/// (a paragraph's lines, a table's rows), so breaking across pages needs no knowledge of the element.
/// </summary>
public interface IElement
{
    IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth);
}

/// <summary>An unbreakable, measured piece of an element.</summary>
public abstract class Slice
{
    public abstract float Height { get; }

    /// <summary>Put on the same page as the next slice (headings, table headers).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Space that is pointless at the top of a page.</summary>
    public bool DiscardAtPageTop { get; init; }

    /// <summary>Drawn first when this slice opens a new page (a table's header row).</summary>
    public Slice? RepeatOnNewPage { get; init; }

    public abstract void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width);
}

/// <summary>Vertical space.</summary>
public sealed class SpacerElement(float height) : IElement
{
    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth) => [new SpaceSlice(height) { DiscardAtPageTop = true }];

    private sealed class SpaceSlice(float height) : Slice
    {
        public override float Height => height;
        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width) { }
    }
}

/// <summary>Elements one under the other.</summary>
public sealed class ColumnElement(IEnumerable<IElement> children) : IElement
{
    public IReadOnlyList<IElement> Children { get; } = [.. children];

    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth) =>
        [.. Children.SelectMany(c => c.Measure(ctx, availableWidth))];
}

/// <summary>A horizontal line.</summary>
public sealed class RuleElement(SKColor color, float thickness, float spaceBelow) : IElement
{
    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth) => [new RuleSlice(color, thickness, spaceBelow)];

    private sealed class RuleSlice(SKColor color, float thickness, float spaceBelow) : Slice
    {
        public override float Height => thickness + spaceBelow;

        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = false, Style = SKPaintStyle.Fill };
            canvas.DrawRect(x, y, width, thickness, paint);
        }
    }
}

/// <summary>A paragraph of styled runs, broken into lines (<see cref="LineBreaker"/>).</summary>
public sealed class TextElement(IReadOnlyList<StyledRun> runs, float lineSpacing = 1.45f, float spaceAfter = 0,
    bool keepWithNext = false, bool justify = false) : IElement
{
    public IReadOnlyList<StyledRun> Runs { get; } = runs;

    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth)
    {
        var lines = TextLayout.Lines(ctx, Runs, availableWidth, lineSpacing, justify);
        var slices = new List<Slice>(lines.Count + 1);
        // Widow and orphan control: the first line never stays alone at the foot of a page, nor the last
        // line alone at the head of the next (the first two and the last two lines stay together).
        for (var i = 0; i < lines.Count; i++)
            slices.Add(new LineSlice(lines[i]) { KeepWithNext = keepWithNext || i == 0 && lines.Count > 1 || i == lines.Count - 2 });
        if (spaceAfter > 0) slices.AddRange(new SpacerElement(spaceAfter).Measure(ctx, availableWidth));
        return slices;
    }

    private sealed class LineSlice(TextLine line) : Slice
    {
        public override float Height => line.Height;
        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width) => line.Draw(ctx, canvas, x, y);
    }
}

/// <summary>
/// A heading: larger bold text with a rule under it, never left alone at the bottom of a page; with an anchor
/// it is a named destination that links and the PDF outline jump to.
/// </summary>
public sealed class HeadingElement(string text, TextStyle style, SKColor ruleColor, float spaceBefore, string? anchor = null) : IElement
{
    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth)
    {
        var slices = new List<Slice>();
        slices.AddRange(new SpacerElement(spaceBefore).Measure(ctx, availableWidth));
        if (anchor is not null) slices.Add(new AnchorSlice(anchor) { KeepWithNext = true });
        slices.AddRange(new TextElement([new StyledRun(text, style)], 1.3f, 0, keepWithNext: true).Measure(ctx, availableWidth));
        slices.Add(new KeepSlice(new RuleElement(ruleColor, 0.8f, 6).Measure(ctx, availableWidth)[0]) { KeepWithNext = true });
        return slices;
    }

    private sealed class KeepSlice(Slice inner) : Slice
    {
        public override float Height => inner.Height;
        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width) => inner.Draw(ctx, canvas, x, y, width);
    }
}

/// <summary>A named destination: no height, marks where a link or bookmark lands.</summary>
public sealed class AnchorSlice(string anchor) : Slice
{
    public string Anchor { get; } = anchor;
    public override float Height => 0;
    public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width) => Links.Destination(canvas, Anchor, x, y);
}

/// <summary>Headline numbers in shaded boxes side by side.</summary>
public sealed class KeyFiguresElement(IReadOnlyList<(string Value, string Label, string? Detail)> figures,
    TextStyle valueStyle, TextStyle labelStyle, TextStyle detailStyle, SKColor fill) : IElement
{
    private const float Gap = 8, Padding = 7;

    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth)
    {
        var boxWidth = (availableWidth - Gap * (figures.Count - 1)) / Math.Max(1, figures.Count);
        var boxes = figures.Select(f =>
        {
            var lines = new List<TextLine>();
            lines.AddRange(TextLayout.Lines(ctx, [new StyledRun(f.Value, valueStyle)], boxWidth - 2 * Padding, 1.25f));
            lines.AddRange(TextLayout.Lines(ctx, [new StyledRun(f.Label, labelStyle)], boxWidth - 2 * Padding, 1.3f));
            if (f.Detail is not null) lines.AddRange(TextLayout.Lines(ctx, [new StyledRun(f.Detail, detailStyle)], boxWidth - 2 * Padding, 1.3f));
            return lines;
        }).ToList();
        var height = boxes.Max(b => b.Sum(l => l.Height)) + 2 * Padding;
        return [new FiguresSlice(boxes, boxWidth, height, fill)];
    }

    private sealed class FiguresSlice(List<List<TextLine>> boxes, float boxWidth, float height, SKColor fill) : Slice
    {
        public override float Height => height;

        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width)
        {
            using var paint = new SKPaint { Color = fill, IsAntialias = true };
            for (var i = 0; i < boxes.Count; i++)
            {
                var left = x + i * (boxWidth + Gap);
                canvas.DrawRoundRect(new SKRect(left, y, left + boxWidth, y + height), 3, 3, paint);
                var top = y + Padding;
                foreach (var line in boxes[i])
                {
                    line.Draw(ctx, canvas, left + (boxWidth - line.Width) / 2, top);
                    top += line.Height;
                }
            }
        }
    }
}

/// <summary>A list item: a bullet, then the text with a hanging indent (continuation lines align with the first word).</summary>
public sealed class BulletElement(StyledRun bullet, IReadOnlyList<StyledRun> runs, float indent, float lineSpacing, float spaceAfter) : IElement
{
    public IReadOnlyList<Slice> Measure(LayoutContext ctx, float availableWidth)
    {
        var lines = TextLayout.Lines(ctx, runs, availableWidth - indent, lineSpacing);
        var marker = TextLayout.Lines(ctx, [bullet], indent, lineSpacing);
        var slices = new List<Slice>(lines.Count + 1);
        for (var i = 0; i < lines.Count; i++)
            slices.Add(new IndentedLine(lines[i], i == 0 && marker.Count > 0 ? marker[0] : null, indent)
                { KeepWithNext = i == 0 && lines.Count > 1 || i == lines.Count - 2 });
        if (spaceAfter > 0) slices.AddRange(new SpacerElement(spaceAfter).Measure(ctx, availableWidth));
        return slices;
    }

    private sealed class IndentedLine(TextLine line, TextLine? marker, float indent) : Slice
    {
        public override float Height => line.Height;

        public override void Draw(LayoutContext ctx, SKCanvas canvas, float x, float y, float width)
        {
            marker?.Draw(ctx, canvas, x + 2, y);
            line.Draw(ctx, canvas, x + indent, y);
        }
    }
}
