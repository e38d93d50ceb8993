using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Model;

namespace Pipeline.Tests.Reports;

public class KeySentencesTests
{
    private static readonly Lazy<Article> Sample = new(SampleArticle.Load);

    [Test]
    public void The_lead_is_three_to_five_sentences_of_the_article_in_its_order()
    {
        var lead = KeySentences.Select(Sample.Value, null);
        Assert.That(lead, Has.Length.InRange(KeySentences.Min, KeySentences.Max));
        var text = Sample.Value.Text;
        var positions = lead.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.That(positions, Has.All.GreaterThanOrEqualTo(0), "extractive: every sentence is the article's own");
        Assert.That(positions, Is.Ordered);
    }

    [Test]
    public void The_lead_carries_the_agreements_that_were_made_and_who_made_them()
    {
        var lead = string.Join("\n", KeySentences.Select(Sample.Value, null));
        // The sentences that say which declaration APEC adopted and which principles the G20 approved.
        Assert.That(lead, Does.Contain("北京反腐败宣言"));
        Assert.That(lead, Does.Contain("二十国集团反腐败追逃追赃高级原则"));
        Assert.That(lead, Does.Contain("联合国反腐败公约"));
    }

    [Test]
    public void Without_entities_the_opening_sentences_stand_in_and_the_headline_is_not_repeated()
    {
        var text = "Leaders meet in Geneva\nThe leaders of both countries met in Geneva on a cold morning to talk. " +
                   "They spoke for three hours about trade and the weather in the mountains. " +
                   "Nobody signed anything at the end of the long meeting in the old hall. A dinner followed in the evening for all guests.";
        var sentences = new List<TextSpan> { new(0, 22) };
        var start = 23;
        foreach (var end in new[] { text.IndexOf("They", StringComparison.Ordinal), text.IndexOf("Nobody", StringComparison.Ordinal), text.IndexOf("A dinner", StringComparison.Ordinal), text.Length })
        {
            sentences.Add(new TextSpan(start, end));
            start = end;
        }
        var article = new Article { Source = new SourceFile("/in/a.txt", "a.txt"), Text = text, Sentences = [.. sentences] };
        var lead = KeySentences.Select(article, "Leaders meet in Geneva");
        Assert.That(lead, Has.Length.EqualTo(3));
        Assert.That(lead[0], Does.StartWith("The leaders of both countries"));
    }

    [Test]
    public void The_briefing_puts_the_lead_and_the_agreements_first_and_its_figures_agree_with_its_sections()
    {
        var model = BriefingModelBuilder.Build(Sample.Value with { Timeline = [] });
        var document = BriefingComposer.Compose(model);
        var headings = document.Blocks.OfType<HeadingBlock>().Select(h => h.Anchor).ToList();
        Assert.That(headings, Is.EqualTo(new[] { "summary", "agreements", "timeline", "organisations", "dates", "text" }));
        Assert.That(document.Blocks.OfType<ParagraphBlock>().Count(p => p.Role == ParagraphRole.Bullet), Is.EqualTo(model.Lead.Length));

        var figures = document.Blocks.OfType<KeyFiguresBlock>().Single().Figures.ToDictionary(f => f.Label, f => f.Value);
        Assert.That(figures["Agreements"], Is.EqualTo(model.Agreements.Rows.Length.ToString()));
        Assert.That(figures["Organisations"], Is.EqualTo(model.Organisations.Length.ToString()));
        // A timeline made and empty counts 0, as its section says.
        Assert.That(figures["Timeline entries"], Is.EqualTo("0"));
        var timelineHeading = document.Blocks.OfType<HeadingBlock>().Single(h => h.Anchor == "timeline").Text;
        Assert.That(timelineHeading, Is.EqualTo($"Timeline ({model.Timeline.Rows.Length})"));
    }
}
