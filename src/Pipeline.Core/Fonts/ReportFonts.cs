namespace Pipeline.Fonts;

/// <summary>
/// The CJK + Latin font shipped inside the assembly, so reports never depend on fonts installed
/// on the machine (a CI box or a container usually has none that cover Chinese).
/// </summary>
public static class ReportFonts
{
    public const string FamilyName = "Noto Sans SC";
    private static readonly Lazy<byte[]> RegularBytes = new(() => Load("Pipeline.Fonts.NotoSansSC-Regular.subset.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load("Pipeline.Fonts.NotoSansSC-Bold.subset.ttf"));

    /// <summary>The whole regular face (TrueType). Callers must not modify the array.</summary>
    public static byte[] Regular => RegularBytes.Value;

    /// <summary>The whole bold face (TrueType). Callers must not modify the array.</summary>
    public static byte[] Bold => BoldBytes.Value;

    private static byte[] Load(string name)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource {name} is missing from Pipeline.Core");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
