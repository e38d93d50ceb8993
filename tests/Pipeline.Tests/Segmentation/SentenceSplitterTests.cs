using Pipeline.Model;
using Pipeline.Segmentation;

namespace Pipeline.Tests.Segmentation;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var article = new SegmentStage().Process(Article.FromText("x.txt", text));
        return article.Sentences.Select(s => s.Of(text)).ToArray();
    }

    [TestCase("今年9月初，峰会成功举办。与会领导人达成共识。", new[] { "今年9月初，峰会成功举办。", "与会领导人达成共识。" })]
    [TestCase("他指出：“腐败是社会毒瘤。”我们要坚决反对。", new[] { "他指出：“腐败是社会毒瘤。”", "我们要坚决反对。" })]
    [TestCase("真的吗？当然！继续前进。", new[] { "真的吗？", "当然！", "继续前进。" })]
    [TestCase("推动网络设立……实践表明，合作有效。", new[] { "推动网络设立……", "实践表明，合作有效。" })]
    [TestCase("第一段。\n第二段没有句号", new[] { "第一段。", "第二段没有句号" })]
    [TestCase("Mr. Smith met Dr. Jones in the U.S. on Sept. 3. They signed a treaty.",
        new[] { "Mr. Smith met Dr. Jones in the U.S. on Sept. 3.", "They signed a treaty." })]
    [TestCase("Growth was 3.5 percent. Exports rose.", new[] { "Growth was 3.5 percent.", "Exports rose." })]
    [TestCase("John F. Kennedy spoke. He left.", new[] { "John F. Kennedy spoke.", "He left." })]
    [TestCase("\"We agree.\" The talks ended.", new[] { "\"We agree.\"", "The talks ended." })]
    [TestCase("It rose, e.g. in trade. Then it fell.", new[] { "It rose, e.g. in trade.", "Then it fell." })]
    public void Splits_sentences_in_Chinese_and_English(string text, string[] expected) =>
        Assert.That(Sentences(text), Is.EqualTo(expected));

    [Test]
    public void Paragraphs_are_non_blank_lines_without_their_surrounding_space()
    {
        const string text = " 第一段。\r\n\r\n  Second paragraph.  \n";
        var spans = SegmentStage.Paragraphs(text);
        Assert.That(spans.Select(s => s.Of(text)), Is.EqualTo(new[] { "第一段。", "Second paragraph." }));
    }

    [Test]
    public void Every_sentence_lies_inside_a_paragraph_and_offsets_index_the_original_text()
    {
        var text = File.ReadAllText(TestPaths.Sample("anticorruption-cooperation.zh.txt"));
        var article = new SegmentStage().Process(Article.FromText("x.txt", text));
        Assert.That(article.Sentences.Length, Is.GreaterThan(50));
        foreach (var s in article.Sentences)
        {
            Assert.That(article.Paragraphs.Any(p => p.Start <= s.Start && s.End <= p.End), $"sentence {s} outside paragraphs");
            Assert.That(char.IsWhiteSpace(text[s.Start]), Is.False);
        }
    }
}
