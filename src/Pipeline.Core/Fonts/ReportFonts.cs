using System.Collections.Concurrent;
using SkiaSharp;

namespace Pipeline.Fonts;

/// <summary>The faces a report draws with; each script of a run picks one (see <see cref="FontCoverage"/>).</summary>
public enum FontFace : byte
{
    /// <summary>Noto Sans: Latin (with extensions), Greek, Cyrillic, general punctuation.</summary>
    Latin,
    /// <summary>Noto Sans SC: Chinese, CJK punctuation, full-width forms.</summary>
    Cjk,
    /// <summary>Noto Sans Arabic (regular only; shaped with HarfBuzz).</summary>
    Arabic,
}

/// <summary>
/// The fonts shipped inside the assembly (Fonts/README.md), so reports never depend on fonts installed
/// on the machine (a CI box or a container usually has none that cover Chinese, Cyrillic or Arabic).
/// </summary>
public static class ReportFonts
{
    public const string FamilyName = "Noto Sans SC";
    public const string LatinFamilyName = "Noto Sans";

    public static readonly FontFace[] Faces = [FontFace.Latin, FontFace.Cjk, FontFace.Arabic];

    private static readonly Lazy<byte[]> CjkRegular = new(() => Load("Pipeline.Fonts.NotoSansSC-Regular.subset.ttf"));
    private static readonly Lazy<byte[]> CjkBold = new(() => Load("Pipeline.Fonts.NotoSansSC-Bold.subset.ttf"));
    private static readonly Lazy<byte[]> LatinRegular = new(() => Load("Pipeline.Fonts.NotoSans-Regular.subset.ttf"));
    private static readonly Lazy<byte[]> LatinBold = new(() => Load("Pipeline.Fonts.NotoSans-Bold.subset.ttf"));
    private static readonly Lazy<byte[]> ArabicRegular = new(() => Load("Pipeline.Fonts.NotoSansArabic-Regular.subset.ttf"));

    /// <summary>The whole CJK regular face (TrueType). Callers must not modify the array.</summary>
    public static byte[] Regular => CjkRegular.Value;

    /// <summary>The whole CJK bold face (TrueType). Callers must not modify the array.</summary>
    public static byte[] Bold => CjkBold.Value;

    /// <summary>The font file of a face; Arabic has no bold file and uses the regular one.</summary>
    public static byte[] Bytes(FontFace face, bool bold) => face switch
    {
        FontFace.Cjk => bold ? CjkBold.Value : CjkRegular.Value,
        FontFace.Arabic => ArabicRegular.Value,
        _ => bold ? LatinBold.Value : LatinRegular.Value,
    };

    /// <summary>Whether the face has a bold file of its own (else bold text is drawn with the regular one).</summary>
    public static bool HasBold(FontFace face) => face != FontFace.Arabic;

    // One per face and weight for the whole process (the CJK faces are 7.5 MB each): the PDF renderer, the charts and
    // the coverage table all draw or measure with these. SKTypeface is immutable and safe to share between threads.
    private static readonly ConcurrentDictionary<(FontFace, bool), Lazy<SKTypeface>> Typefaces = new();

    /// <summary>Skia's typeface of the whole shipped face, shared: callers must not dispose it.</summary>
    public static SKTypeface Typeface(FontFace face, bool bold) =>
        Typefaces.GetOrAdd((face, bold), key => new Lazy<SKTypeface>(() => NewTypeface(Bytes(key.Item1, key.Item2)))).Value;

    /// <summary>Skia's typeface of a font file (a shipped face, or a subset of one); the caller owns it.</summary>
    public static SKTypeface NewTypeface(byte[] font)
    {
        // The typeface keeps its own reference to the native data, so the wrapper is released here, after the call:
        // SkiaSharp 3.119 does not keep a temporary alive during the native call, and a finalizer could free the data
        // while Skia reads it; left to the finalizer it also took SkiaSharp's handle-table lock against the drawing threads.
        using var data = SKData.CreateCopy(font);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not load a report font");
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource {name} is missing from Pipeline.Core");
        // Read once into an array of the right size: every page of memory touched is start-up time.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
