using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>
/// A long document is tagged a bounded piece at a time: a file with no line break at all (a PDF's text run together,
/// a pasted book) finds the same names in every sentence as the sentence alone, and a long document the same as
/// its paragraphs one by one.
/// </summary>
public class LongTextTests
{
    private static Tagger Chinese() => Tagger.For("zh", RecogniserModel.Shipped!.Tagger("zh")!);

    private const string Sentence = "黄埔同学会和中国人民对外友好协会共同举办了纪念活动。";

    private static List<string> Names(Tagger tagger, string text) =>
        [.. tagger.Find(text).Where(n => n.Type == "ORG").Select(n => text[n.Start..n.End])];

    [Test]
    public void A_text_with_no_line_break_is_tagged_all_along_like_its_sentences()
    {
        var tagger = Chinese();
        // What one sentence yields between others like it (its neighbours are context too).
        var three = string.Concat(Enumerable.Repeat(Sentence, 3));
        var inContext = tagger.Find(three).Count(n => n.Type == "ORG" && n.Start >= Sentence.Length && n.Start < 2 * Sentence.Length);
        Assert.That(inContext, Is.GreaterThan(0));
        var copies = TextUnits.LongestStretch / Sentence.Length * 3; // several times the longest stretch decoded at once
        var text = string.Concat(Enumerable.Repeat(Sentence, copies));
        var names = tagger.Find(text).Where(n => n.Type == "ORG").ToList();
        // Pieces are cut at sentence ends: only the sentence that opens a piece reads a different context.
        var pieces = (int)Math.Ceiling((double)text.Length / TextUnits.LongStretch);
        Assert.That(names, Has.Count.EqualTo(inContext * copies).Within(2 * pieces));
        Assert.That(names[^1].Start, Is.GreaterThan(text.Length - 2 * Sentence.Length), "names are found up to the end");
    }

    [Test]
    public void A_long_document_finds_what_its_paragraphs_find_one_by_one()
    {
        var tagger = Chinese();
        var paragraphs = Enumerable.Range(0, 4000).Select(i => $"第{i}段：" + Sentence).ToList();
        var separately = paragraphs.SelectMany(p => Names(tagger, p)).ToList();
        var together = Names(tagger, string.Join("\n", paragraphs));
        Assert.That(together, Is.EqualTo(separately));
    }
}
