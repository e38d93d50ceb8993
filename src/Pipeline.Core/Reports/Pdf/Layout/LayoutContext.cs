using SkiaSharp;

namespace Pipeline.Reports.Pdf.Layout;

public sealed record TextStyle(float Size, SKColor Color, bool Bold = false, SKColor? Background = null)
{
    public TextStyle With(bool? bold = null, SKColor? color = null, float? size = null) =>
        this with { Bold = bold ?? Bold, Color = color ?? Color, Size = size ?? Size };
}

public sealed record StyledRun
{
    public StyledRun(string text, TextStyle style) => (Text, Style) = (Document.ReportText.Clean(text), style);

    /// <summary>The text, cleaned of control characters (a line feed stays: it breaks the line).</summary>
    public string Text { get; }
    public TextStyle Style { get; }
}

/// <summary>
/// Fonts and text measurement for one document. Layout measures with the full typefaces; before drawing the
/// writer swaps in subsets holding exactly the code points measured (<see cref="UsedCodepoints"/>), whose
/// advances are the same, so every measured position stays right.
/// </summary>
public sealed class LayoutContext : IDisposable
{
    private SKTypeface _regular, _bold;
    private readonly Dictionary<(float, bool), SKFont> _fonts = [];
    private readonly HashSet<int> _usedRegular = [], _usedBold = [];
    private bool _drawing;

    public LayoutContext(SKTypeface regular, SKTypeface bold) => (_regular, _bold) = (regular, bold);

    /// <summary>Code points measured so far in the regular (bold = false) or bold face.</summary>
    public IReadOnlySet<int> UsedCodepoints(bool bold) => bold ? _usedBold : _usedRegular;

    /// <summary>Advance of every UTF-16 unit of <paramref name="text"/> (the low half of a surrogate pair gets 0).</summary>
    public float[] Advances(string text, TextStyle style)
    {
        Register(text, style.Bold);
        var font = Font(style);
        var advances = new float[text.Length];
        var glyphWidths = font.GetGlyphWidths(text);
        var glyph = 0;
        for (var i = 0; i < text.Length && glyph < glyphWidths.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])) continue;
            advances[i] = text[i] == '\n' ? 0 : glyphWidths[glyph];
            glyph++;
        }
        return advances;
    }

    public float Measure(string text, TextStyle style) => Advances(text, style).Sum();

    /// <summary>Distance from the top of a line box to the baseline, and the line box height.</summary>
    public (float Ascent, float Height) LineMetrics(float size, float lineSpacing)
    {
        var m = Font(new TextStyle(size, SKColors.Black)).Metrics;
        var natural = -m.Ascent + m.Descent;
        var height = size * lineSpacing;
        return ((height - natural) / 2 - m.Ascent, height);
    }

    /// <summary>Draws text at its natural advances, or at <paramref name="glyphOffsets"/> (one per code point) when given.</summary>
    public void DrawText(SKCanvas canvas, string text, float x, float baseline, TextStyle style, float[]? glyphOffsets = null)
    {
        if (_drawing)
            foreach (var rune in text.EnumerateRunes())
                if (!UsedCodepoints(style.Bold).Contains(rune.Value))
                    throw new InvalidOperationException($"U+{rune.Value:X4} is drawn but was never measured, so the embedded font lacks it");
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        if (glyphOffsets is null)
        {
            canvas.DrawText(text, x, baseline, Font(style), paint);
            return;
        }
        using var blob = SKTextBlob.CreateHorizontal(text, Font(style), glyphOffsets, 0);
        if (blob is not null) canvas.DrawText(blob, x, baseline, paint);
    }

    /// <summary>Switches to the per-document subsets for drawing.</summary>
    public void UseForDrawing(SKTypeface regularSubset, SKTypeface boldSubset)
    {
        ClearFonts();
        (_regular, _bold) = (regularSubset, boldSubset);
        _drawing = true;
    }

    /// <summary>Notes text that will be drawn without being laid out through <see cref="Advances"/>.</summary>
    public void Register(string text, bool bold)
    {
        var used = bold ? _usedBold : _usedRegular;
        foreach (var rune in text.EnumerateRunes())
            if (rune.Value is not ('\n' or '\r')) used.Add(rune.Value);
    }

    private SKFont Font(TextStyle style)
    {
        if (!_fonts.TryGetValue((style.Size, style.Bold), out var font))
        {
            // A real bold face, never SKFont.Embolden: Skia's PDF backend draws fake bold as outlines.
            font = new SKFont(style.Bold ? _bold : _regular, style.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, BaselineSnap = false, Edging = SKFontEdging.Antialias };
            _fonts[(style.Size, style.Bold)] = font;
        }
        return font;
    }

    private void ClearFonts()
    {
        foreach (var f in _fonts.Values) f.Dispose();
        _fonts.Clear();
    }

    public void Dispose() => ClearFonts();
}
