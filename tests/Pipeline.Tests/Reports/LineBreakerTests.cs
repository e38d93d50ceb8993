using Pipeline.Reports.Pdf.Layout;

namespace Pipeline.Tests.Reports;

public class LineBreakerTests
{
    // Every character is one unit wide, so the width is a number of characters; "|" separates the lines.
    [TestCase("一二三四五六", 5, "一二三四五|六")]
    [TestCase("一二三四，五六", 4, "一二三|四，五六")]          // ， never starts a line: 四 goes down with it
    [TestCase("一二三。", 3, "一二|三。")]                    // 。 likewise
    [TestCase("甲乙丙丁、戊己", 4, "甲乙丙|丁、戊己")]         // 、
    [TestCase("他说：“你好”", 4, "他说：|“你好”")]            // “ never ends a line
    [TestCase("一二三《北京宣言》", 4, "一二三|《北京宣|言》")]  // 《 never ends a line, 》 never starts one
    [TestCase("甲乙丙（丁）戊", 3, "甲乙丙|（丁）|戊")]
    [TestCase("问题？！答案", 2, "问|题？！|答案")]              // closing marks with nowhere to go hang past the edge
    [TestCase("「甲」乙丙", 3, "「甲」|乙丙")]
    [TestCase("hello world again", 11, "hello world|again")]
    [TestCase("hello world again", 8, "hello|world|again")]
    [TestCase("APEC第二十二次会议", 6, "APEC第二|十二次会议")]    // Latin and CJK may part where they meet
    [TestCase("abcdefghij", 4, "abcd|efgh|ij")]                // a word wider than the line is cut
    [TestCase("第一行\n第二行", 10, "第一行|第二行")]
    [TestCase("one two", 3, "one|two")]                        // the space hangs at the end of the first line
    public void Breaks_lines_without_kinsoku_violations(string text, float width, string expected)
    {
        var advances = Enumerable.Repeat(1f, text.Length).ToArray();
        var lines = LineBreaker.Break(text, advances, width).Select(l => text[l.Start..l.End]);
        Assert.That(string.Join("|", lines), Is.EqualTo(expected));
    }

    // A date is held together at its hyphens; a range still parts at its spaces.
    [TestCase("2024-06-18 – 2024-06-20", 19, "2024-06-18 –|2024-06-20")]
    [TestCase("Signed 2024-06-18 here", 14, "Signed|2024-06-18|here")]
    public void A_held_date_breaks_only_at_its_spaces(string text, float width, string expected)
    {
        var advances = Enumerable.Repeat(1f, text.Length).ToArray();
        var date = System.Text.RegularExpressions.Regex.Match(text, @"[\d-]+( – [\d-]+)?");
        var held = text.Select((_, i) => i >= date.Index && i < date.Index + date.Length).ToArray();
        var lines = LineBreaker.Break(text, advances, width, held).Select(l => text[l.Start..l.End]);
        Assert.That(string.Join("|", lines), Is.EqualTo(expected));
        Assert.That(string.Join("|", LineBreaker.Break(text, advances, width).Select(l => text[l.Start..l.End])), Is.Not.EqualTo(expected),
            "unheld, the date would part at a hyphen");
    }

    [Test]
    public void No_line_of_a_real_article_starts_with_closing_or_ends_with_opening_punctuation()
    {
        var text = File.ReadAllText(TestPaths.Sample(SampleArticle.FileName));
        var advances = text.Select(c => c < 128 ? 0.5f : 1f).ToArray();
        foreach (var width in new[] { 7f, 13f, 20f, 31f })
        {
            var lines = LineBreaker.Break(text, advances, width).Where(l => l.End > l.Start).ToList();
            Assert.That(lines.Where(l => l.Start > 0 && text[l.Start - 1] != '\n' && LineBreaker.NoBreakBefore.Contains(text[l.Start]))
                .Select(l => text[l.Start..l.End]), Is.Empty, $"width {width}");
            Assert.That(lines.Where(l => LineBreaker.NoBreakAfter.Contains(text[l.End - 1]) && l.End < text.Length && text[l.End] != '\n')
                .Select(l => text[l.Start..l.End]), Is.Empty, $"width {width}");
            Assert.That(lines.Max(l => advances[l.Start..l.End].Sum()), Is.LessThanOrEqualTo(width));
        }
    }
}
