using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Every stage of the default pipeline over real articles and over what real text can turn into: cut at any
/// code point, sentences shuffled, documents joined, long runs without punctuation. Whatever the text, no
/// stage fails, every offset lies inside the text, every entity's text is its slice, and mentions of one
/// type never overlap.
/// </summary>
public class StagePropertyTests
{
    private static readonly Lazy<ArticlePipeline> Pipeline = new(() => PipelineBuilder.Default().Build().ForLoadedText());

    /// <summary>The repository's own test articles and sample: real Chinese and English news, no kit needed.</summary>
    private static readonly Lazy<string[]> Articles = new(() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests"), "*.txt", SearchOption.AllDirectories)
            .Where(p => p.Contains("Robustness") || p.Contains("Articles"))
            .Append(TestPaths.Sample("anticorruption-cooperation.zh.txt"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)]);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(120).WithStartSize(1).WithEndSize(100);

    private static void AssertInvariants(string text)
    {
        var article = Pipeline.Value.Process(Article.FromText("property.txt", text));
        Assert.That(article.Failures, Is.Empty, () =>
            $"{string.Join("; ", article.Failures.Select(f => $"{f}\n{f.Trace}"))}\ntext: {Shorten(text)}");
        foreach (var e in article.Entities)
        {
            Assert.That(e.Start >= 0 && e.Start < e.End && e.End <= text.Length, $"{e.Type} [{e.Start},{e.End}) outside the text");
            Assert.That(e.Text, Is.EqualTo(text[e.Start..e.End]));
        }
        foreach (var group in article.Entities.GroupBy(e => e.Type))
        {
            var sorted = group.OrderBy(e => e.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
                Assert.That(sorted[i].Start, Is.GreaterThanOrEqualTo(sorted[i - 1].End),
                    $"{group.Key} '{sorted[i - 1].Text}' overlaps '{sorted[i].Text}'");
        }
        foreach (var span in article.Sentences.Concat(article.Paragraphs).Concat(article.Timeline.Select(t => t.Sentence))
                     .Concat(article.Agreements.SelectMany(a => a.Mentions)))
            Assert.That(span.Start >= 0 && span.Start <= span.End && span.End <= text.Length, $"span [{span.Start},{span.End}) outside");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>Indices where a cut leaves whole code points (never between a surrogate pair).</summary>
    private static int[] CodePointBoundaries(string text) =>
        [.. Enumerable.Range(0, text.Length + 1).Where(i => i == text.Length || !char.IsLowSurrogate(text[i]))];

    [Test]
    public void Every_real_article_passes_whole() =>
        Assert.Multiple(() =>
        {
            foreach (var text in Articles.Value) AssertInvariants(text);
        });

    [Test]
    public void A_real_article_cut_at_any_code_point_passes()
    {
        var cut = from index in Gen.Choose(0, Articles.Value.Length - 1)
                  from a in Gen.Choose(0, 1_000_000)
                  from b in Gen.Choose(0, 1_000_000)
                  select (index, a, b);
        Prop.ForAll(cut.ToArbitrary(), c =>
        {
            var text = Articles.Value[c.index];
            var bounds = CodePointBoundaries(text);
            var (from, to) = (bounds[c.a % bounds.Length], bounds[c.b % bounds.Length]);
            AssertInvariants(text[Math.Min(from, to)..Math.Max(from, to)]);
        }).Check(Runs);
    }

    [Test]
    public void Sentences_shuffled_pass()
    {
        var shuffle = from index in Gen.Choose(0, Articles.Value.Length - 1)
                      from seed in Gen.Choose(0, int.MaxValue)
                      select (index, seed);
        Prop.ForAll(shuffle.ToArbitrary(), s =>
        {
            var text = Articles.Value[s.index];
            var sentences = Pipeline.Value.Process(Article.FromText("s.txt", text)).Sentences.Select(x => x.Of(text)).ToList();
            var random = new Random(s.seed);
            AssertInvariants(string.Join(random.Next(3) == 0 ? "\n" : "", sentences.OrderBy(_ => random.Next())));
        }).Check(Runs.WithMaxTest(60));
    }

    [Test]
    public void Documents_joined_pass()
    {
        var pair = from a in Gen.Choose(0, Articles.Value.Length - 1)
                   from b in Gen.Choose(0, Articles.Value.Length - 1)
                   from glue in Gen.Elements("", "\n", " ", "。")
                   select (a, b, glue);
        Prop.ForAll(pair.ToArbitrary(), p => AssertInvariants(Articles.Value[p.a] + p.glue + Articles.Value[p.b])).Check(Runs.WithMaxTest(60));
    }

    [Test]
    public void Long_runs_without_punctuation_pass()
    {
        var run = from index in Gen.Choose(0, Articles.Value.Length - 1)
                  from length in Gen.Choose(2_000, 4_000)
                  select (index, length);
        Prop.ForAll(run.ToArbitrary(), r =>
        {
            var letters = new StringBuilder();
            foreach (var rune in Articles.Value[r.index].EnumerateRunes())
                if (!Rune.IsPunctuation(rune) && !Rune.IsWhiteSpace(rune) || rune.Value == ' ') letters.Append(rune.ToString());
            var source = letters.ToString();
            var text = new StringBuilder();
            while (text.Length < r.length) text.Append(source);
            AssertInvariants(text.ToString(0, CodePointBoundaries(text.ToString()).Last(i => i <= r.length)));
        }).Check(Runs.WithMaxTest(20));
    }

    [Test]
    public void Arbitrary_unicode_passes()
    {
        // Mostly the characters news is written in, with digits, date words and stray symbols mixed in.
        var pieces = Gen.Elements("年", "月", "日", "1", "9", "2", "０", "，", "。", "《", "》", "“", "”", "中国", "联合国", "协定", "签署",
            "May", " ", "2019", "Treaty", "of", "the", "UN", ".", "\n", "—", "(", ")", "至", "今年", "去年", "上旬", "\u200b", "😀", "𠀀");
        Prop.ForAll(Gen.ArrayOf(pieces).ToArbitrary(), parts => AssertInvariants(string.Concat(parts))).Check(Runs.WithMaxTest(300));
    }
}
