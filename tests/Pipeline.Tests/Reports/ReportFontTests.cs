using System.Text.RegularExpressions;
using Pipeline.Fonts;
using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Model;
using Pipeline.Reports.Pdf;
using Pipeline.Reports.Pdf.Layout;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Pipeline.Tests.Reports;

public class ReportFontTests
{
    private static readonly TextStyle Style = new(10, SKColors.Black);

    private static string FacesOf(string text) =>
        string.Concat(FontFallback.Split(text, Style).Select(r => new string(r.Style.Face switch
        {
            FontFace.Cjk => 'C', FontFace.Arabic => 'A', _ => 'L',
        }, r.Text.Length)));

    [TestCase(FontFace.Cjk, false, "Noto Sans SC")]
    [TestCase(FontFace.Cjk, true, "Noto Sans SC")]
    [TestCase(FontFace.Latin, false, "Noto Sans")]
    [TestCase(FontFace.Arabic, false, "Noto Sans Arabic")]
    public void A_shipped_face_is_read_in_place_whole_and_loads_in_Skia(FontFace face, bool bold, string family)
    {
        var file = ReportFonts.File(face, bold);
        using var resource = typeof(ReportFonts).Assembly.GetManifestResourceStream(
            typeof(ReportFonts).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(
                (face, bold) switch
                {
                    (FontFace.Cjk, false) => "NotoSansSC-Regular.subset.ttf",
                    (FontFace.Cjk, true) => "NotoSansSC-Bold.subset.ttf",
                    (FontFace.Arabic, _) => "NotoSansArabic-Regular.subset.ttf",
                    _ => "NotoSans-Regular.subset.ttf",
                }, StringComparison.Ordinal)))!;
        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        Assert.That(file.Span.SequenceEqual(bytes), Is.True, "the whole font file, as shipped");
        Assert.That(ReportFonts.File(face, bold), Is.EqualTo(file), "one place for the process");
        using var typeface = ReportFonts.NewTypeface(file);
        Assert.That(typeface.FamilyName, Is.EqualTo(family));
        Assert.That(typeface.GetGlyph(face == FontFace.Cjk ? '中' : face == FontFace.Arabic ? 'ب' : 'A'), Is.GreaterThan(0));
    }

    [Test]
    public void Latin_punctuation_in_Latin_text_is_drawn_with_the_Latin_face()
    {
        Assert.That(FacesOf("NATO’s “new” members"), Is.EqualTo(new string('L', "NATO’s “new” members".Length)));
        // In Chinese text the same quotes are full-width, from the CJK face.
        Assert.That(FacesOf("他说：“你好”"), Is.EqualTo("CCCCCCC"));
        // A hyphen or space between Chinese words stays with them; the Latin acronym after takes the Latin face.
        Assert.That(FacesOf("中国-东盟 APEC"), Is.EqualTo("CCCCCCLLLL"));
        Assert.That(FacesOf("APEC与G20"), Is.EqualTo("LLLLCLLL"));
    }

    [Test]
    public void Greek_Cyrillic_and_Arabic_have_faces_and_emoji_have_none()
    {
        Assert.That(FontCoverage.Strong('Ж'), Is.EqualTo(FontFace.Latin));
        Assert.That(FontCoverage.Strong('Ω'), Is.EqualTo(FontFace.Latin));
        Assert.That(FontCoverage.Strong('ő'), Is.EqualTo(FontFace.Latin));
        Assert.That(FontCoverage.Strong('ب'), Is.EqualTo(FontFace.Arabic));
        Assert.That(FontCoverage.Strong('中'), Is.EqualTo(FontFace.Cjk));
        Assert.That(FontCoverage.Covered(0x1F600), Is.False);
        Assert.That(FontCoverage.ReplaceMissing("ok 👍🏽 done"), Is.EqualTo("ok \uFFFD done"));
    }

    // "1∶2" (a People's Daily ratio) was drawn as �: the shipped subsets leave the mathematical block out.
    [Test]
    public void Mathematical_signs_of_running_text_are_drawn_as_their_lookalikes_not_as_replacement_marks()
    {
        const string text = "职工与干部之比为3∶1，气温−5度";
        var drawn = FontCoverage.ReplaceMissing(text);
        Assert.That(drawn, Does.Not.Contain(FontCoverage.Replacement.ToString()));
        Assert.That(drawn, Does.Contain(FontCoverage.Covered(0x2236) ? "3∶1" : "3：1"));
        Assert.That(drawn, Does.Contain(FontCoverage.Covered(0x2212) ? "−5" : "-5"));
        Assert.That(FontCoverage.Missing([text]).Count, Is.Zero);
    }

    private static Article Multilingual()
    {
        const string Text = "Россия и Ελλάδα signed the “Treaty of Friendship”; the text in Arabic reads معاهدة الصداقة. 😀 Reactions followed.\n" +
                            "NATO’s members met in Brussels.\n";
        return new Article
        {
            Source = new SourceFile("/in/multi.en.txt", "multi.en.txt"), Text = Text,
            Paragraphs = [new TextSpan(0, Text.IndexOf('\n')), new TextSpan(Text.IndexOf('\n') + 1, Text.Length - 1)],
            Metadata = new ArticleMetadata { Language = new Sourced<string>("en", "script") },
        };
    }

    [Test]
    public void Advances_are_what_Skia_measures_however_often_and_on_whatever_thread_text_is_measured()
    {
        const string text = "中美联合声明 NATO’s Ĉu «Ελλάδα» 2024年\n";
        float[] Skia(float size)
        {
            using var font = new SKFont(ReportFonts.Typeface(FontFace.Cjk, false), size)
                { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
            var widths = font.GetGlyphWidths(text);
            widths[^1] = 0; // a line feed takes no room
            return widths;
        }
        float[] Ours(float size)
        {
            using var ctx = new LayoutContext(ReportFonts.Typeface);
            return ctx.Advances(text, new TextStyle(size, SKColors.Black) { Face = FontFace.Cjk });
        }
        Assert.That(Ours(10.5f), Is.EqualTo(Skia(10.5f)), "first measured");
        Assert.That(Ours(10.5f), Is.EqualTo(Skia(10.5f)), "measured again, from what was kept");
        Assert.That(Ours(7.5f), Is.EqualTo(Skia(7.5f)), "another size is its own measurement");
        Assert.That(Task.Run(() => Ours(10.5f)).Result, Is.EqualTo(Skia(10.5f)), "another thread");
    }

    [Test]
    public void Briefings_drawn_at_once_on_two_threads_are_the_same_bytes_as_one_drawn_alone()
    {
        byte[] Draw()
        {
            using var stream = new MemoryStream();
            new PdfReportWriter().Write(Multilingual(), stream);
            return stream.ToArray();
        }
        var alone = Draw();
        var together = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(2).Select(_ => Draw()).ToList();
        // Only the document id, drawn from the time and a random number, may differ.
        static string Stable(byte[] pdf) => Regex.Replace(System.Text.Encoding.Latin1.GetString(pdf), @"/ID \[<[0-9A-F]+> <[0-9A-F]+>\]|/(CreationDate|ModDate) \(D:[^)]*\)", "");
        Assert.That(together.Select(Stable), Has.All.EqualTo(Stable(alone)));
    }

    [TestCase(FontFace.Cjk, false)]
    [TestCase(FontFace.Cjk, true)]
    [TestCase(FontFace.Latin, false)]
    public void A_placeholder_face_has_the_glyph_ids_and_advances_of_its_face_and_outlines_that_cost_nothing(FontFace face, bool bold)
    {
        var file = ReportFonts.File(face, bold);
        var bytes = PlaceholderFont.Make(file.Span);
        var (address, length) = PlaceholderFont.MakeNative(file.Span);
        var native = new byte[length];
        System.Runtime.InteropServices.Marshal.Copy(address, native, 0, length);
        PlaceholderFont.FreeNative(address);
        Assert.That(native, Is.EqualTo(bytes), "written into native memory, the same font");

        using var real = new SKFont(ReportFonts.Typeface(face, bold), 12) { LinearMetrics = true, Hinting = SKFontHinting.None };
        using var placeholderFace = ReportFonts.NewTypeface(bytes);
        using var placeholder = new SKFont(placeholderFace, 12) { LinearMetrics = true, Hinting = SKFontHinting.None };
        const string text = "中美联合声明，NATO’s “Agreement” 2024年。";
        Assert.That(placeholderFace.GlyphCount, Is.EqualTo(real.Typeface.GlyphCount));
        Assert.That(placeholder.GetGlyphs(text), Is.EqualTo(real.GetGlyphs(text)));
        Assert.That(placeholder.GetGlyphWidths(text), Is.EqualTo(real.GetGlyphWidths(text)));
        var glyph = real.GetGlyphs(face == FontFace.Cjk ? "国" : "A")[0];
        using var realOutline = real.GetGlyphPath(glyph);
        using var outline = placeholder.GetGlyphPath(glyph);
        Assert.That(realOutline.PointCount, Is.GreaterThan(10));
        Assert.That(outline.PointCount, Is.LessThanOrEqualTo(4), "one triangle");
    }

    [Test]
    public void A_pdf_of_several_scripts_embeds_only_subsets_and_its_text_extracts()
    {
        using var stream = new MemoryStream();
        new PdfReportWriter().Write(Multilingual(), stream);
        var bytes = stream.ToArray();
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("Россия").And.Contain("Ελλάδα").And.Contain("NATO’s"));
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.That(fonts, Has.Some.Contains("NotoSansArabic"));
        Assert.That(fonts, Has.All.Match(new Regex("^[A-Z]{6}\\+")), "every embedded font is a subset");
        // The apostrophe of NATO’s comes from the Latin face, not from the CJK face's full-width glyph.
        var apostrophe = pdf.GetPages().SelectMany(p => p.Letters).First(l => l.Value == "’");
        Assert.That(apostrophe.FontName, Does.Contain("NotoSans-").And.Not.Contain("SC"));
        // Each font program in the file is small: the subset, not the 7.5 MB face nor a placeholder.
        var programs = Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/Length1 (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.That(programs, Is.Not.Empty.And.All.LessThan(200_000));
    }

    [Test]
    public void Emoji_are_marked_and_counted_as_a_warning_rather_than_boxed()
    {
        var document = BriefingComposer.Compose(BriefingModelBuilder.Build(Multilingual()));
        // The emoji appears in the lead and in the article text: each occurrence is counted.
        Assert.That(document.MissingGlyphs, Is.EqualTo(2));
        var notes = document.Blocks.OfType<ParagraphBlock>().Select(p => string.Concat(p.Runs.Select(r => r.Text)));
        Assert.That(notes, Has.Some.Contains("2 characters of this report (😀) have no glyph in the report fonts"));

        using var stream = new MemoryStream();
        new PdfReportWriter().Write(Multilingual(), stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        Assert.That(string.Concat(pdf.GetPages().Select(p => p.Text)), Does.Contain("\uFFFD Reactions"));
    }

    [Test]
    public void Arabic_is_shaped_right_to_left_with_joined_forms()
    {
        var (glyphs, _, width, clusters) = ArabicShaper.Shape("معاهدة", 10);
        Assert.That(width, Is.GreaterThan(0));
        // Visual order: the first glyph drawn (leftmost) is the last letter of the word.
        Assert.That(clusters[0], Is.GreaterThan(clusters[^1]));
        // Joined (contextual) forms are other glyphs than the isolated letters the character map gives.
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(ReportFonts.File(FontFace.Arabic, false).Span));
        using var font = new SKFont(typeface);
        var isolated = font.GetGlyphs("معاهدة");
        Assert.That(glyphs.Select(g => (int)g).Order(), Is.Not.EqualTo(isolated.Select(g => (int)g).Order()));
    }
}
