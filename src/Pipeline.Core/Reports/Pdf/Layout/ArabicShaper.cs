using HarfBuzzSharp;
using Pipeline.Fonts;
using Buffer = HarfBuzzSharp.Buffer;

namespace Pipeline.Reports.Pdf.Layout;

/// <summary>
/// Arabic is joined (initial, medial, final forms) and read right to left, so it cannot be drawn one code point
/// at a time like Latin and Chinese: HarfBuzz shapes each Arabic piece with the shipped face. The PDF subset of
/// that face keeps glyph ids (FontSubsetter), so the glyphs shaped here are the glyphs drawn.
/// </summary>
public static class ArabicShaper
{
    // hb_font_t is immutable once set up and safe to shape with from several threads. The face reads the shipped
    // font file where it lies, which is for the life of the process.
    private static readonly Lazy<(Font Font, int UnitsPerEm)> Shared = new(() =>
    {
        var file = ReportFonts.File(FontFace.Arabic, bold: false);
        var face = new Face(new Blob(file.Address, file.Length, MemoryMode.ReadOnly), 0);
        var font = new Font(face);
        font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        return (font, face.UnitsPerEm);
    });

    /// <summary>Glyphs of <paramref name="text"/> in visual (left-to-right) order, with x positions in points.</summary>
    public static (ushort[] Glyphs, float[] X, float Width, int[] Clusters) Shape(string text, float size)
    {
        var (font, upem) = Shared.Value;
        using var buffer = new Buffer();
        buffer.AddUtf16(text);
        buffer.Direction = Direction.RightToLeft;
        buffer.Script = Script.Arabic;
        buffer.Language = new Language("ar");
        font.Shape(buffer);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var glyphs = new ushort[infos.Length];
        var x = new float[infos.Length];
        var clusters = new int[infos.Length];
        var scale = size / upem;
        var at = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            x[i] = at + positions[i].XOffset * scale;
            at += positions[i].XAdvance * scale;
        }
        return (glyphs, x, at, clusters);
    }

    /// <summary>Advance of every UTF-16 unit: a glyph's advance goes to the first unit of its cluster.</summary>
    public static float[] Advances(string text, float size)
    {
        var advances = new float[text.Length];
        var (glyphs, x, width, clusters) = Shape(text, size);
        // x is in visual order: a glyph's advance is the distance to the next glyph on its right.
        for (var i = 0; i < glyphs.Length; i++)
        {
            var right = i + 1 < x.Length ? x[i + 1] : width;
            advances[Math.Clamp(clusters[i], 0, text.Length - 1)] += right - x[i];
        }
        return advances;
    }
}
