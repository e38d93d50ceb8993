using System.Collections.Immutable;
using Pipeline.Model;
using Pipeline.Reports.Model;

namespace Pipeline.Tests.Reports;

public class BriefingModelBuilderTests
{
    private static readonly Lazy<Article> Sample = new(SampleArticle.Load);

    [Test]
    public void Organisations_group_aliases_under_the_canonical_name()
    {
        var model = BriefingModelBuilder.Build(Sample.Value);
        var apec = model.Organisations.Single(o => o.Canonical == "亚太经济合作组织");
        Assert.That(apec.Aliases, Is.EqualTo(new[] { "亚太经合组织", "APEC" }));
        Assert.That(apec.CanonicalEn, Is.EqualTo("Asia-Pacific Economic Cooperation"));
        var text = Sample.Value.Text;
        Assert.That(apec.Mentions, Is.EqualTo(SampleArticle.All(text, "亚太经合组织").Count() + SampleArticle.All(text, "APEC").Count()));
        // Most mentioned first.
        Assert.That(model.Organisations.Select(o => o.Mentions), Is.Ordered.Descending);
    }

    [Test]
    public void Title_falls_back_to_the_file_name_and_the_date_keeps_its_origin()
    {
        var model = BriefingModelBuilder.Build(Sample.Value);
        Assert.That(model.Title, Is.EqualTo("anticorruption-cooperation.zh"));
        Assert.That(model.DocumentDate, Is.EqualTo(new SourcedDate(new DateOnly(2018, 10, 8), DateOrigins.FileTime)));

        var titled = Sample.Value with { Metadata = Sample.Value.Metadata with { Title = new Sourced<string>("深化反腐败国际合作", "sidecar") } };
        Assert.That(BriefingModelBuilder.Build(titled).Title, Is.EqualTo("深化反腐败国际合作"));
    }

    [Test]
    public void Timeline_uses_the_timeline_stage_sorted_by_date()
    {
        var model = BriefingModelBuilder.Build(Sample.Value);
        Assert.That(model.Timeline.Missing, Is.Null);
        Assert.That(model.Timeline.Rows.Select(r => r.Date), Is.EqualTo(new[] { "2003", "2014-11", "2016-09" }));
    }

    [Test]
    public void Timeline_rows_name_agreements_with_their_english_canonical_in_a_chinese_article() =>
        Assert.That(BriefingModelBuilder.Build(Sample.Value).Timeline.Rows.First(r => r.Date == "2014-11").Agreements,
            Does.Contain("北京反腐败宣言 (Beijing Declaration on Fighting Corruption)"));

    [Test]
    public void A_timeline_the_pipeline_did_not_make_is_said_to_be_missing_not_rebuilt_from_dates()
    {
        var article = Sample.Value with { Timeline = [], Produced = Sample.Value.Produced & ~ArticleParts.Timeline };
        var timeline = BriefingModelBuilder.Build(article).Timeline;
        Assert.That(timeline.Rows, Is.Empty);
        Assert.That(timeline.Missing, Does.Contain("no stage that makes one"));

        var found = BriefingModelBuilder.Build(Sample.Value with { Timeline = [] }).Timeline;
        Assert.That((found.Rows.IsEmpty, found.Missing), Is.EqualTo((true, (string?)null)), "made and empty: none found");
    }

    [Test]
    public void A_stage_failure_is_named_at_the_top_of_the_briefing_and_where_its_findings_would_be()
    {
        var article = Sample.Value.AddFailure(new StageFailure("agreement-records", "ArgumentOutOfRangeException: length")) with
        {
            Agreements = [], Produced = Sample.Value.Produced & ~ArticleParts.AgreementRecords,
        };
        var model = BriefingModelBuilder.Build(article);
        Assert.That(model.Failures, Is.EqualTo(new[] { "stage 'agreement-records' failed: ArgumentOutOfRangeException: length" }));
        Assert.That(model.Agreements.Missing, Does.Contain("stage 'agreement-records' failed"));
        var blocks = Pipeline.Reports.Document.BriefingComposer.Compose(model).Blocks;
        var text = string.Join("\n", blocks.OfType<Pipeline.Reports.Document.ParagraphBlock>().Select(p => string.Concat(p.Runs.Select(r => r.Text))));
        Assert.That(text, Does.Contain("Incomplete briefing: stage 'agreement-records' failed"));
    }

    [Test]
    public void Highlighted_text_keeps_every_character_and_shows_outermost_entities()
    {
        var article = Sample.Value;
        var model = BriefingModelBuilder.Build(article);
        var lines = article.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        Assert.That(model.Text.Select(p => p.PlainText), Is.EqualTo(lines));

        var pieces = model.Text.SelectMany(p => p.Pieces).ToList();
        Assert.That(pieces, Has.Some.EqualTo(new TextPiece("联合国反腐败公约", EntityTypes.Agreement)));
        Assert.That(pieces, Has.Some.EqualTo(new TextPiece("2014年10月", EntityTypes.Date)));
        // 二十国集团 inside the principles' name is part of the agreement highlight, not a second one.
        var g20 = SampleArticle.All(article.Text, "二十国集团").Count() - SampleArticle.All(article.Text, "二十国集团反腐败追逃追赃高级原则").Count();
        Assert.That(pieces.Count(p => p == new TextPiece("二十国集团", EntityTypes.Org)), Is.EqualTo(g20));
        Assert.That(pieces, Has.Some.EqualTo(new TextPiece("二十国集团反腐败追逃追赃高级原则", EntityTypes.Agreement)));
    }

    [Test]
    public void Dates_keep_value_reference_and_ambiguity()
    {
        var text = "会议于3月5日举行。";
        var article = new Article
        {
            Source = new SourceFile("/in/x.zh.txt", "x.zh.txt"),
            Text = text,
            Entities = [new Entity(EntityTypes.Date, 3, 7, "3月5日", "rule", 0.9)
                { Value = "2020-03-05", Ambiguous = true, Reference = new DateReference(new DateOnly(2020, 6, 1), DateOrigins.Dateline) }],
        };
        var row = BriefingModelBuilder.Build(article).Dates.Single();
        Assert.That(row, Is.EqualTo(new DateRow("3月5日", "2020-03-05", new SourcedDate(new DateOnly(2020, 6, 1), DateOrigins.Dateline), true)));
        var figures = Pipeline.Reports.Document.BriefingComposer.Compose(BriefingModelBuilder.Build(article)).Blocks
            .OfType<Pipeline.Reports.Document.KeyFiguresBlock>().Single().Figures.ToDictionary(f => f.Label, f => f.Value);
        Assert.That((figures["Dates"], figures["Organisations"], figures["Agreements"]), Is.EqualTo(("1", "0", "—")), "no agreement-records stage ran: no figure");
    }
}
