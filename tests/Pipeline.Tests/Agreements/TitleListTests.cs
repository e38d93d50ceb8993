using Pipeline.Agreements;
using Pipeline.Model;

namespace Pipeline.Tests.Agreements;

/// <summary>The labelled titles the classifier learns from, and how well the ending rules alone agree with them.</summary>
public class TitleListTests
{
    private static readonly string TitlesPath =
        Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Core", "Classification", "Data", "titles.tsv");

    private static List<(string Label, string Title)> Titles() =>
        File.ReadLines(TitlesPath).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(f => (f[0], f[1])).ToList();

    [Test]
    public void Every_line_is_a_known_label_and_a_title_and_no_title_repeats()
    {
        var allowed = new[] { "AGREEMENT", "LAW", "MEDIA", "PUBLICATION", "EVENT", "NONE" };
        foreach (var line in File.ReadLines(TitlesPath).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var fields = line.Split('\t');
            Assert.That(fields, Has.Length.EqualTo(2), line);
            Assert.That(allowed, Does.Contain(fields[0]), line);
            Assert.That(fields[1].Trim(), Is.EqualTo(fields[1]).And.Not.Empty, line);
        }
        var titles = Titles();
        Assert.That(titles.Select(t => t.Title), Is.Unique);
    }

    [TestCase("AGREEMENT", 200)]
    [TestCase("LAW", 150)]
    [TestCase("MEDIA", 100)]
    [TestCase("PUBLICATION", 150)]
    public void Each_kind_has_enough_examples(string label, int minimum) =>
        Assert.That(Titles().Count(t => t.Label == label), Is.GreaterThanOrEqualTo(minimum));

    /// <summary>
    /// The ending rules (what classify falls back to without ML) on Chinese titles of agreements and laws,
    /// given a sentence that adopts them. Figures are printed; the floor guards against a broken rule.
    /// </summary>
    [TestCase("AGREEMENT", 0.85)]
    [TestCase("LAW", 0.9)]
    [TestCase("MEDIA", 0.7)]
    public void Ending_rules_agree_with_the_labels_of_Chinese_titles(string label, double floor)
    {
        var titles = Titles().Where(t => t.Label == label && t.Title.Any(Scripts.IsHan)).ToList();
        var agree = titles.Count(t =>
        {
            var guess = TitleRules.ForChineseTitle(t.Title, "会议通过《" + t.Title + "》。");
            return guess.Type == label && guess.Confidence >= AgreementTestKit.ClassifyThreshold;
        });
        var share = (double)agree / titles.Count;
        TestContext.Out.WriteLine($"{label}: rules agree on {agree}/{titles.Count} = {share:P1}");
        Assert.That(share, Is.GreaterThanOrEqualTo(floor));
    }
}
