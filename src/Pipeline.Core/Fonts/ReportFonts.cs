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

    private static readonly Lazy<FontFile> CjkRegular = new(() => Map("Pipeline.Fonts.NotoSansSC-Regular.subset.ttf"));
    private static readonly Lazy<FontFile> CjkBold = new(() => Map("Pipeline.Fonts.NotoSansSC-Bold.subset.ttf"));
    private static readonly Lazy<FontFile> LatinRegular = new(() => Map("Pipeline.Fonts.NotoSans-Regular.subset.ttf"));
    private static readonly Lazy<FontFile> LatinBold = new(() => Map("Pipeline.Fonts.NotoSans-Bold.subset.ttf"));
    private static readonly Lazy<FontFile> ArabicRegular = new(() => Map("Pipeline.Fonts.NotoSansArabic-Regular.subset.ttf"));

    /// <summary>The font file of a face; Arabic has no bold file and uses the regular one.</summary>
    public static FontFile File(FontFace face, bool bold) => face switch
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
        Typefaces.GetOrAdd((face, bold), key => new Lazy<SKTypeface>(() => NewTypeface(File(key.Item1, key.Item2)))).Value;

    /// <summary>Skia's typeface of a shipped face, read where it lies (no copy); the caller owns it.</summary>
    public static SKTypeface NewTypeface(FontFile font)
    {
        using var data = SKData.Create(font.Address, font.Length);
        return FromData(data);
    }

    /// <summary>Skia's typeface of a font file of ours (a subset of a face); the caller owns it.</summary>
    public static SKTypeface NewTypeface(byte[] font)
    {
        using var data = SKData.CreateCopy(font);
        return FromData(data);
    }

    // The typeface keeps its own reference to the native data, so the wrapper is released by the caller, after the
    // call: SkiaSharp 3.119 does not keep a temporary alive during the native call, and a finalizer could free the data
    // while Skia reads it; left to the finalizer it also took SkiaSharp's handle-table lock against the drawing threads.
    private static SKTypeface FromData(SKData data) =>
        SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not load a report font");

    private static FontFile Map(string name)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource {name} is missing from Pipeline.Core");
        // .NET hands out an embedded resource as a view of the loaded image, natively compiled or not.
        return stream is UnmanagedMemoryStream image
            ? FontFile.InImage(image)
            : throw new InvalidOperationException($"Font resource {name} is not held in the library's image");
    }
}

/// <summary>
/// A shipped font file where it lies in memory for the life of the process: inside the library's own mapped image,
/// read in place. Skia's typefaces, HarfBuzz's faces and the subsetter all read these bytes; copying the 7.5 MB CJK
/// faces for each of them was most of the memory, and of the start-up time, of a run that writes reports.
/// </summary>
public readonly record struct FontFile(nint Address, int Length)
{
    public unsafe ReadOnlySpan<byte> Span => new((void*)Address, Length);

    internal static unsafe FontFile InImage(UnmanagedMemoryStream image) => new((nint)image.PositionPointer, checked((int)image.Length));
}
