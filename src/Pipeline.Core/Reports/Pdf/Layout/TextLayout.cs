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
            ctx.DrawText(canvas, p.Text, x + p.X, baseline, p.Style);
        }
    }
}

public sealed record LinePiece(string Text, float X, float Width, TextStyle Style);

public static class TextLayout
{
    /// <summary>Breaks styled runs into lines no wider than <paramref name="width"/>.</summary>
    public static List<TextLine> Lines(LayoutContext ctx, IReadOnlyList<StyledRun> runs, float width, float lineSpacing)
    {
        var text = string.Concat(runs.Select(r => r.Text));
        var advances = new float[text.Length];
        var styleAt = new int[text.Length];
        var at = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            ctx.Advances(runs[r].Text, runs[r].Style).CopyTo(advances, at);
            Array.Fill(styleAt, r, at, runs[r].Text.Length);
            at += runs[r].Text.Length;
        }

        var lines = new List<TextLine>();
        var fallbackSize = runs.Count > 0 ? runs.Max(r => r.Style.Size) : 10;
        foreach (var (start, end) in LineBreaker.Break(text, advances, width))
        {
            var pieces = new List<LinePiece>();
            var x = 0f;
            var i = start;
            while (i < end)
            {
                var r = styleAt[i];
                var j = i;
                var w = 0f;
                while (j < end && styleAt[j] == r) w += advances[j++];
                var piece = text[i..j];
                if (piece.Trim().Length > 0 || runs[r].Style.Background is not null)
                    pieces.Add(new LinePiece(piece, x, w, runs[r].Style));
                x += w;
                i = j;
            }
            var size = pieces.Count > 0 ? pieces.Max(p => p.Style.Size) : fallbackSize;
            var (ascent, height) = ctx.LineMetrics(size, lineSpacing);
            lines.Add(new TextLine(pieces, x, height, ascent));
        }
        return lines;
    }
}
