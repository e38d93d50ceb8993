using System.Buffers.Binary;
using Pipeline.Ingest;
using Pipeline.Stages;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// A PDF whose embedded font has a composite glyph made of itself overflowed PdfPig's stack and ended the process (the
/// reader fuzzing found it in a mutated briefing, Files/glyph-cycle.pdf); it is refused with its reason instead. Were
/// the check to miss it, this test would end the test host, loudly.
/// </summary>
public class FontProgramTests
{
    [Test]
    public void A_pdf_whose_font_glyph_is_made_of_itself_is_refused_not_a_crash()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Hostile", "Files", "glyph-cycle.pdf"));
        var error = Assert.Throws<ArticleException>(() => PdfReader.Read(bytes));
        Assert.That(error!.Message, Is.EqualTo("damaged PDF: an embedded font's glyph 19 is made of itself"));
    }

    [Test]
    public void The_products_own_briefing_with_its_embedded_fonts_is_still_read()
    {
        var briefing = FuzzSeeds.Make()[".pdf"][1];
        Assert.That(PdfReader.Read(briefing).Text, Is.Not.Empty);
    }

    [TestCase(new[] { 2 }, new[] { 1 }, ExpectedResult = 1)]   // 1 → 2 → 1
    [TestCase(new[] { 1 }, new int[0], ExpectedResult = 1)]     // 1 → 1
    [TestCase(new[] { 2 }, new int[0], ExpectedResult = null)]  // 1 → 2, 2 simple
    public int? A_circle_of_composite_glyphs_is_found(int[] partsOf1, int[] partsOf2) =>
        PdfFontPrograms.CompositeCycle(Font([[], partsOf1, partsOf2]));

    /// <summary>A TrueType program of head, maxp, loca and glyf only: glyph i is composite with parts[i] when any, else empty.</summary>
    private static byte[] Font(int[][] parts)
    {
        var glyphs = parts.Select(p => p.Length == 0 ? [] : Composite(p)).ToList();
        var glyf = glyphs.SelectMany(g => g).ToArray();
        var loca = new List<byte>();
        var at = 0;
        foreach (var g in glyphs.Append([]))
        {
            loca.AddRange(U16(at / 2));
            at += g.Length;
        }
        var head = new byte[54]; // indexToLocFormat 0: short offsets
        var maxp = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)parts.Length);
        var tables = new (string Tag, byte[] Data)[] { ("glyf", glyf), ("head", head), ("loca", [.. loca]), ("maxp", maxp) };
        var font = new List<byte>();
        font.AddRange([0, 1, 0, 0]);
        font.AddRange(U16(tables.Length));
        font.AddRange(new byte[6]);
        var offset = 12 + 16 * tables.Length;
        foreach (var (tag, data) in tables)
        {
            font.AddRange(System.Text.Encoding.ASCII.GetBytes(tag));
            font.AddRange(new byte[4]);
            font.AddRange(U32(offset));
            font.AddRange(U32(data.Length));
            offset += data.Length;
        }
        foreach (var (_, data) in tables) font.AddRange(data);
        return [.. font];
    }

    private static byte[] Composite(int[] parts)
    {
        var glyph = new List<byte>();
        glyph.AddRange(U16(0xFFFF)); // numberOfContours −1: composite
        glyph.AddRange(new byte[8]);
        for (var i = 0; i < parts.Length; i++)
        {
            glyph.AddRange(U16(i < parts.Length - 1 ? 0x20 : 0)); // MORE_COMPONENTS, byte arguments
            glyph.AddRange(U16(parts[i]));
            glyph.AddRange(new byte[2]);
        }
        return [.. glyph];
    }

    private static byte[] U16(int v) => [(byte)(v >> 8), (byte)v];

    private static byte[] U32(int v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
