using System.Text;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Tests.Ingest;

public class EncodingTests
{
    private const string Chinese = "2023年9月5日，中国与东盟在雅加达发表联合声明。\n双方同意加强全面战略伙伴关系，推进《区域全面经济伙伴关系协定》实施。\n";

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<TestCaseData> SameTextInEveryEncoding()
    {
        yield return new TestCaseData(new UTF8Encoding(false).GetBytes(Chinese), "UTF-8").SetName("UTF-8");
        yield return new TestCaseData(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Chinese)).ToArray(), "UTF-8 (BOM)").SetName("UTF-8 with BOM");
        yield return new TestCaseData(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Chinese)).ToArray(), "UTF-16 LE (BOM)").SetName("UTF-16 LE with BOM");
        yield return new TestCaseData(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Chinese)).ToArray(), "UTF-16 BE (BOM)").SetName("UTF-16 BE with BOM");
        yield return new TestCaseData(Encoding.Unicode.GetBytes(Chinese), "UTF-16 LE").SetName("UTF-16 LE without BOM");
        yield return new TestCaseData(Encoding.BigEndianUnicode.GetBytes(Chinese), "UTF-16 BE").SetName("UTF-16 BE without BOM");
        yield return new TestCaseData(Encoding.GetEncoding(54936).GetBytes(Chinese), "GB18030").SetName("GB18030");
        yield return new TestCaseData(Encoding.GetEncoding(936).GetBytes(Chinese), "GB18030").SetName("GBK");
    }

    [TestCaseSource(nameof(SameTextInEveryEncoding))]
    public void The_same_Chinese_text_decodes_to_the_same_string(byte[] bytes, string expectedEncoding)
    {
        var decoded = TextDecoder.Decode(bytes);
        Assert.That(decoded.Text, Is.EqualTo(Chinese));
        Assert.That(decoded.EncodingName, Is.EqualTo(expectedEncoding));
    }

    [Test]
    public void A_text_file_is_read_through_the_stage_with_its_encoding_and_language()
    {
        var path = Path.Combine(Path.GetTempPath(), $"enc-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, Encoding.GetEncoding(54936).GetBytes(Chinese));
        try
        {
            var article = new IngestStage().Process(Article.FromFile(path));
            Assert.That(article.Text, Is.EqualTo(Chinese));
            Assert.That(article.Metadata.Encoding, Is.EqualTo("GB18030"));
            Assert.That(article.Metadata.Language, Is.EqualTo(new Sourced<string>("zh", "script")));
            Assert.That(article.Metadata.Format, Is.EqualTo("txt"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase(new byte[] { 0x41, 0x80, 0x42, 0xFF, 0x43, 0x0A }, TestName = "Bytes invalid in UTF-8 and GB18030 (0x80, 0xFF)")]
    [TestCase(new byte[] { 0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0x7F, 0xFE, 0x7F }, TestName = "Overlong UTF-8 and bad GB18030 trail bytes")]
    public void Bytes_that_are_no_known_encoding_are_refused_not_mangled(byte[] bytes)
    {
        var e = Assert.Throws<ArticleException>(() => TextDecoder.Decode(bytes));
        Assert.That(e!.Message, Does.StartWith("undecodable text"));
    }

    private const string Traditional = "2023年9月5日，中國與東盟在雅加達發表聯合聲明。\n雙方同意加強全面戰略夥伴關係，推進《區域全面經濟夥伴關係協定》實施，"
        + "並歡迎東盟秘書處與中國—東盟中心在經貿、教育和人文交流領域開展更多合作。\n";

    private const string Western = "PARIS, March 5 — The Elysée said on Tuesday that France and Germany “welcome” the "
        + "résumé of talks on the naïve draft; the Commission’s café meeting cost €40.\n";

    [Test]
    public void Big5_text_from_Taiwan_or_Hong_Kong_decodes_as_Big5_not_as_mangled_GBK()
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding(950).GetBytes(Traditional));
        Assert.That(decoded.Text, Is.EqualTo(Traditional));
        Assert.That(decoded.EncodingName, Is.EqualTo("Big5"));
    }

    [Test]
    public void Windows_1252_text_with_accents_and_curly_quotes_decodes()
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding(1252).GetBytes(Western));
        Assert.That(decoded.Text, Is.EqualTo(Western));
        Assert.That(decoded.EncodingName, Is.EqualTo("Windows-1252"));
    }

    [Test]
    public void Text_in_an_encoding_the_pipeline_does_not_read_is_refused_with_what_it_looks_like()
    {
        const string russian = "Министерство иностранных дел России заявило во вторник, что переговоры о договоре продолжатся в Женеве в следующем месяце.\n";
        var e = Assert.Throws<ArticleException>(() => TextDecoder.Decode(Encoding.GetEncoding(1251).GetBytes(russian)));
        Assert.That(e!.Message, Does.StartWith("undecodable text").And.Contains("windows-1251").And.Contains("save it as UTF-8"));
    }

    [Test]
    public void Bytes_that_GB18030_maps_only_to_private_use_characters_are_refused()
    {
        // 0xAA 0xA1 .. lies in GBK's user-defined area: "valid" GB18030 that no real text contains.
        var bytes = Enumerable.Range(0, 20).SelectMany(i => new byte[] { 0xAA, (byte)(0xA1 + i) }).ToArray();
        Assert.That(Encoding.GetEncoding(54936).GetString(bytes), Has.Some.InRange('\uE000', '\uF8FF'), "precondition");
        var e = Assert.Throws<ArticleException>(() => TextDecoder.Decode(bytes));
        Assert.That(e!.Message, Does.StartWith("undecodable text"));
    }

    [Test]
    public void Text_is_kept_exactly_as_decoded()
    {
        const string text = "  Line one\r\n\tLine two  \u00A0\n\n";
        Assert.That(TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Text, Is.EqualTo(text));
    }

    [Test]
    public void Binary_data_is_refused_as_binary()
    {
        var withNul = Encoding.ASCII.GetBytes("PK\u0003\u0004 binary\0\0\u0001 data");
        Assert.That(Assert.Throws<ArticleException>(() => TextDecoder.Decode(withNul))!.Message, Does.StartWith("binary file"));
        var controls = Enumerable.Range(0, 100).Select(i => (byte)(i % 2 == 0 ? 0x41 : 0x01)).ToArray();
        Assert.That(Assert.Throws<ArticleException>(() => TextDecoder.Decode(controls))!.Message, Does.StartWith("binary file"));
    }

    [TestCase("Plain English text about NATO.", "en")]
    [TestCase("中华人民共和国和美利坚合众国 signed the agreement", "zh")]
    [TestCase("The EU and 中国 (China) met in Brussels on Monday to discuss trade.", "en")]
    public void Language_comes_from_the_script(string text, string language) =>
        Assert.That(Languages.CodeOf(Languages.Detect(text)), Is.EqualTo(language));
}
