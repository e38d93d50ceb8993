using SkiaSharp;

namespace Pipeline.Reports.Pdf.Layout;

/// <summary>One laid-out line: pieces of runs at x offsets, sharing a baseline.</summary>
public sealed record TextLine(IReadOnlyList<LinePiece> Pieces, float Width, float Height, float Ascent)
{
    public void Draw(LayoutContext ctx, SKCanvas canvas, float x, float top)
    {
        var baseline = top + Ascent;
        foreach (var p in Pieces)
        {
            if (p.Style.Background is { } bg)
            {
                // The highlight covers the glyph box, not the whole line, so stacked lines stay apart.
                using var fill = new SKPaint { Color = bg, IsAntialias = true };
                canvas.DrawRoundRect(new SKRect(x + p.X - 0.5f, baseline - p.Style.Size * 0.98f, x + p.X + p.Width + 0.5f, baseline + p.Style.Size * 0.27f), 1.5f, 1.5f, fill);
            }
            ctx.DrawText(canvas, p.Text, x + p.X, baseline, p.Style, p.GlyphOffsets);
            if (p.Style.Link is { } link) Links.Draw(canvas, link, new SKRect(x + p.X, baseline - p.Style.Size * 0.9f, x + p.X + p.Width, baseline + p.Style.Size * 0.25f), p.Style.Color);
        }
    }
}

/// <summary>Clickable areas in the PDF: a URL opens in the browser, "#anchor" jumps to a named destination.</summary>
public static class Links
{
    public static void Draw(SKCanvas canvas, string link, SKRect rect, SKColor color)
    {
        using var underline = new SKPaint { Color = color.WithAlpha(140), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(rect.Left, rect.Bottom - 0.8f, rect.Right, rect.Bottom - 0.8f, underline);
        // The string overloads hand back the SKData they made: released here, not left to the finalizer thread,
        // which spent a core on such leftovers in a long run (and SkiaSharp's handle-table lock with it).
        using var annotation = link.StartsWith('#')
            ? canvas.DrawLinkDestinationAnnotation(rect, link[1..])
            : canvas.DrawUrlAnnotation(rect, link);
    }

    /// <summary>Marks the spot a "#anchor" link jumps to.</summary>
    public static void Destination(SKCanvas canvas, string anchor, float x, float y)
    {
        using var annotation = canvas.DrawNamedDestinationAnnotation(new SKPoint(x, Math.Max(0, y - 6)), anchor);
    }
}

/// <summary>Text of one style on a line; <see cref="GlyphOffsets"/> places each glyph when the line is justified.</summary>
public sealed record LinePiece(string Text, float X, float Width, TextStyle Style, float[]? GlyphOffsets = null);

public static class TextLayout
{
    /// <summary>
    /// Breaks styled runs into lines no wider than <paramref name="width"/>. With <paramref name="justify"/>,
    /// every line but a paragraph's last is stretched to the full width, the way Chinese text is set.
    /// </summary>
    public static List<TextLine> Lines(LayoutContext ctx, IReadOnlyList<StyledRun> styledRuns, float width, float lineSpacing, bool justify = false)
    {
        // One face per run from here on: measuring, breaking and drawing all work on single-face pieces.
        var runs = styledRuns.SelectMany(FontFallback.Split).ToList();
        var text = string.Concat(runs.Select(r => r.Text));
        var advances = new float[text.Length];
        var styleAt = new int[text.Length];
        var held = new bool[text.Length];
        var at = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            ctx.Advances(runs[r].Text, runs[r].Style).CopyTo(advances, at);
            Array.Fill(styleAt, r, at, runs[r].Text.Length);
            Array.Fill(held, runs[r].Style.NoBreak, at, runs[r].Text.Length);
            at += runs[r].Text.Length;
        }

        var lines = new List<TextLine>();
        var fallbackSize = runs.Count > 0 ? runs.Max(r => r.Style.Size) : 10;
        foreach (var (start, end) in LineBreaker.Break(text, advances, width, held))
        {
            var rest = text.AsSpan(end).TrimStart(' ');
            var lastOfParagraph = rest.IsEmpty || rest[0] == '\n';
            var (x, stretched) = Positions(text, advances, start, end, justify && !lastOfParagraph ? width : 0);
            var pieces = new List<LinePiece>();
            var i = start;
            while (i < end)
            {
                var r = styleAt[i];
                var j = i;
                while (j < end && styleAt[j] == r) j++;
                var piece = text[i..j];
                var left = x[i - start];
                var right = x[j - 1 - start] + advances[j - 1];
                if (piece.Trim().Length > 0 || runs[r].Style.Background is not null)
                    pieces.Add(new LinePiece(piece, left, right - left, runs[r].Style, stretched ? GlyphOffsets(text, x, start, i, j, left) : null));
                i = j;
            }
            var lineWidth = end > start ? x[end - 1 - start] + advances[end - 1] : 0;
            var size = pieces.Count > 0 ? pieces.Max(p => p.Style.Size) : fallbackSize;
            var (ascent, height) = ctx.LineMetrics(size, lineSpacing);
            lines.Add(new TextLine(pieces, lineWidth, height, ascent));
        }
        return lines;
    }

    /// <summary>
    /// x of every unit of the line. Stretching to <paramref name="justifyTo"/> spreads the slack over the gaps
    /// next to CJK characters and after spaces; a line too loose to stretch nicely stays ragged.
    /// </summary>
    private static (float[] X, bool Stretched) Positions(string text, float[] advances, int start, int end, float justifyTo)
    {
        var x = new float[Math.Max(0, end - start)];
        var gaps = 0;
        if (justifyTo > 0)
            for (var i = start + 1; i < end; i++)
                if (IsStretchable(text, i)) gaps++;
        var natural = 0f;
        for (var i = start; i < end; i++) natural += advances[i];
        var extra = gaps > 0 ? (justifyTo - natural) / gaps : 0;
        if (extra < 0 || extra > 4) extra = 0;

        var at = 0f;
        for (var i = start; i < end; i++)
        {
            if (i > start && extra > 0 && IsStretchable(text, i)) at += extra;
            x[i - start] = at;
            at += advances[i];
        }
        return (x, extra > 0);
    }

    private static bool IsStretchable(string text, int i) =>
        !char.IsLowSurrogate(text[i]) && (text[i - 1] == ' ' || LineBreaker.IsCjk(text[i - 1]) || LineBreaker.IsCjk(text[i]));

    /// <summary>Glyph x offsets of text[from..to] relative to the piece start (one per code point).</summary>
    private static float[] GlyphOffsets(string text, float[] x, int lineStart, int from, int to, float left)
    {
        var offsets = new List<float>(to - from);
        for (var i = from; i < to; i++)
            if (!char.IsLowSurrogate(text[i]) || i == from)
                offsets.Add(x[i - lineStart] - left);
        return [.. offsets];
    }
}
