using System.Text.Json;
using Pipeline.Classification;
using Pipeline.Configuration;
using Pipeline.Dates;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Organisations;
using Pipeline.Running;
using Pipeline.Segmentation;
using Pipeline.Stages;
using Pipeline.Timeline;

namespace Pipeline.Tests.Stages;

public class PipelineBuilderTests
{
    private static string ConfigError(string json, string? folder = null)
    {
        var path = Path.Combine(folder ?? "/tmp/cfg", "pipeline.json");
        return Assert.Throws<ConfigException>(() =>
            new ConfigLoader(StageCatalog.Default).Parse(JsonDocument.Parse(json).RootElement, path))!.Message;
    }

    [Test]
    public void A_stage_before_what_it_requires_is_a_configuration_error_naming_the_stage_that_provides_it()
    {
        var message = ConfigError("""{"stages": ["ingest", "timeline", "segment", "dates"]}""");
        Assert.That(message, Does.Contain("stage 'timeline' requires sentences, dates, which no stage before it assigns"));
        Assert.That(message, Does.Contain("'segment'").And.Contain("'dates'"));
    }

    [Test]
    public void Ingest_must_come_first_because_every_other_stage_requires_the_text()
    {
        var message = ConfigError("""{"stages": ["segment", "ingest"]}""");
        Assert.That(message, Does.Contain("stage 'segment' requires text").And.Contain("'ingest'"));
    }

    [Test]
    public void A_missing_gazetteer_file_is_a_configuration_error_naming_the_stage_option_and_file()
    {
        var message = ConfigError("""{"stages": ["ingest", {"name": "organisations", "gazetteers": ["extra.tsv"]}]}""");
        Assert.That(message, Does.Contain("stage 'organisations': option 'gazetteers' names a file that does not exist: /tmp/cfg/extra.tsv"));
    }

    [Test]
    public void A_missing_model_file_is_a_configuration_error()
    {
        var message = ConfigError("""{"stages": ["ingest", "organisations", {"name": "classify", "model": "m.zip"}]}""");
        Assert.That(message, Does.Contain("stage 'classify': option 'model' names a file that does not exist"));
    }

    [Test]
    public void A_file_limit_beyond_32_bits_is_bound_as_it_was_written()
    {
        var config = new ConfigLoader(StageCatalog.Default).Parse(
            JsonDocument.Parse("""{"stages": [{"name": "ingest", "maxFileBytes": 3000000000}]}""").RootElement, "/tmp/cfg/pipeline.json");
        var ingest = (IngestStage)PipelineBuilder.From(config).Build().Stages.Single();
        Assert.That(ingest.MaxFileBytes, Is.EqualTo(3_000_000_000L));
    }

    [TestCase("""["ingest", "segment", "dates", {"name": "timeline", "summaryLength": 3000000000}]""",
        "option 'summaryLength' must be between 20 and 400")]
    [TestCase("""["ingest", {"name": "dates", "numericOrder": "year-first"}]""",
        "unknown value 'year-first' (allowed: month-first, day-first)")]
    [TestCase("""["ingest", "organisations", {"name": "classify", "veto": "high"}]""", "option 'veto' must be a number")]
    [TestCase("""["ingest", {"name": "organisations", "proposeCandidates": 1}]""", "option 'proposeCandidates' must be true or false")]
    public void Option_values_are_checked_against_their_declared_type_and_range(string stages, string problem) =>
        Assert.That(ConfigError($$"""{"stages": {{stages}}}"""), Does.Contain(problem));

    [Test]
    public void No_ml_turns_off_every_model_switch_and_nothing_else()
    {
        var options = new ClassifyOptions { MinConfidence = 0.7 };
        var pipeline = new PipelineBuilder().Use(ClassifyStage.Descriptor, options).DisableMachineLearning()
            .Build(ArticleParts.Candidates);
        var effective = (ClassifyOptions)pipeline.Plan.Single().Options!;
        Assert.That((effective.UseModel, effective.MinConfidence), Is.EqualTo((false, 0.7)));
        Assert.That(((ClassifyStage)pipeline.Stages.Single()).UsesModel, Is.False);
    }

    [Test]
    public void The_run_fingerprint_differs_with_and_without_models_so_rules_only_results_are_not_reused()
    {
        var withModel = PipelineBuilder.Default().Build();
        var rulesOnly = PipelineBuilder.Default().DisableMachineLearning().Build();
        Assert.That(PipelineFingerprint.Compute(withModel, []), Is.Not.EqualTo(PipelineFingerprint.Compute(rulesOnly, [])));
        Assert.That(PipelineFingerprint.Compute(withModel, []), Is.EqualTo(PipelineFingerprint.Compute(PipelineBuilder.Default().Build(), [])));
    }

    [Test]
    public void A_stage_that_cannot_be_built_is_a_configuration_error_naming_it()
    {
        var broken = new StageDescriptor<NoOptions>("broken", "test", ArticleParts.Text, ArticleParts.None,
            _ => throw new InvalidDataException("model file is corrupt"));
        var e = Assert.Throws<ConfigException>(() => new PipelineBuilder().Use(IngestStage.Descriptor).Use(broken).Build())!;
        Assert.That(e.Message, Does.Contain("stage 'broken' could not be built: InvalidDataException: model file is corrupt"));
    }

    [Test]
    public void Every_stage_of_the_catalog_declares_what_it_requires_and_the_default_order_satisfies_it()
    {
        Assert.That(PipelineBuilder.OrderProblems(StageCatalog.Default.DefaultOrder, StageCatalog.Default), Is.Empty);
        var pipeline = PipelineBuilder.Default().Build();
        Assert.That(pipeline.Assigns, Is.EqualTo(Enum.GetValues<ArticleParts>().Aggregate((a, b) => a | b)));
    }

    [Test]
    public void A_stage_that_fails_on_an_article_costs_only_its_own_findings()
    {
        var failing = new FailingStage(ArticleParts.Organisations);
        var pipeline = new ArticlePipeline([new SegmentStage(), new DatesStage(), failing, new TimelineStage()]);
        var article = pipeline.Process(Article.FromText("a.txt",
            "2019年5月10日，双方在北京签署了合作协议。联合国秘书长出席了会议。"));

        var failure = article.Failures.Single();
        Assert.That((failure.Stage, failure.Reason), Is.EqualTo(("fails", "IndexOutOfRangeException: bad index")));
        Assert.That(failure.Trace, Does.Contain(nameof(FailingStage)), "a developer can see where it failed");
        Assert.That(article.EntitiesOf(EntityTypes.Date), Is.Not.Empty, "the dates found before the failure stay");
        Assert.That(article.Timeline, Is.Not.Empty, "stages that need nothing from the failed one still run");
        Assert.That(article.Has(ArticleParts.Organisations), Is.False);
        Assert.That(article.Has(ArticleParts.Timeline), Is.True);
    }

    [Test]
    public void Stages_that_need_what_a_failed_stage_would_have_assigned_are_skipped_and_say_why()
    {
        var pipeline = new ArticlePipeline([new SegmentStage(), new FailingStage(ArticleParts.Dates), new TimelineStage()]);
        var article = pipeline.Process(Article.FromText("a.txt", "2019年5月10日，双方签署了协议。"));
        Assert.That(article.Failures.Select(f => f.Stage), Is.EqualTo(new[] { "fails", "timeline" }));
        Assert.That(article.Failures[1].Reason, Does.Contain("needs dates"));
    }

    [Test]
    public void Only_a_failure_to_read_the_text_fails_the_whole_article()
    {
        var pipeline = PipelineBuilder.Default().Build();
        var e = Assert.Throws<ArticleException>(() => pipeline.ProcessFile("/nonexistent/folder/a.txt"))!;
        Assert.That(e.Message, Does.Contain("not found"));
    }

    [Test]
    public void Language_is_decided_once_by_ingest_from_the_declared_language_or_the_script()
    {
        Assert.That(Article.FromText("a", "联合国秘书长出席了会议。").Language, Is.EqualTo(DocumentLanguage.Chinese));
        Assert.That(Article.FromText("a", "The UN Secretary-General attended.").Language, Is.EqualTo(DocumentLanguage.English));
        Assert.That(Article.FromText("a", "The UN Secretary-General attended.", "zh-CN").Language, Is.EqualTo(DocumentLanguage.Chinese));
    }

    private sealed class FailingStage(ArticleParts assigns) : IStage
    {
        public StageDescriptor Descriptor { get; } = new StageDescriptor<NoOptions>("fails", "test", ArticleParts.Text, assigns,
            _ => throw new NotSupportedException());

        public Article Process(Article article, CancellationToken cancellation = default) =>
            throw new IndexOutOfRangeException("bad index");
    }
}
