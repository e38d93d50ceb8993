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

    private static byte[] Load(string name)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource {name} is missing from Pipeline.Core");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
