using Pipeline.Stages;
using System.Collections.Immutable;
using Microsoft.ML;
using Pipeline.Classification;
using Pipeline.Configuration;
using Pipeline.Model;

namespace Pipeline.Tests.Classification;

public class ClassifierTests
{
    private static Article WithCandidates(string text, params Candidate[] candidates) =>
        Article.FromText("t.txt", text).AddCandidates(candidates);

    [Test]
    public void Shipped_model_loads_and_has_a_probability_for_every_label()
    {
        var model = CandidateClassifier.Shipped;
        Assert.That(model, Is.Not.Null);
        var features = new List<int>();
        CandidateFeatures.Extract("他考入了东南大学。", new Candidate(4, 8, "东南大学", EntityTypes.Org, "org:suffix", 0.85), features);
        Span<float> p = stackalloc float[CandidateLabels.All.Length];
        model!.Probabilities(features, p);
        Assert.That(p.ToArray().Sum(), Is.EqualTo(1f).Within(1e-4));
    }

    [TestCase("他考入了东南大学。", 4, 8)]
    [TestCase("据新华社报道，中华人民共和国国务院台湾事务办公室发言人表示。", 7, 22)]
    [TestCase("The International Atomic Energy Agency and the Organization of the Petroleum Exporting Countries met.", 4, 90)]
    public void A_candidates_features_are_each_listed_once_in_ascending_order(string text, int start, int end)
    {
        var features = new List<int>();
        CandidateFeatures.Extract(text, new Candidate(start, end, text[start..end], EntityTypes.Org, "org:suffix", 0.6), features);
        Assert.That(features, Is.Not.Empty);
        Assert.That(features, Is.Ordered.And.Unique);
        Assert.That(features, Has.All.InRange(0, CandidateFeatures.Dimension - 1));
    }

    [Test]
    public void Weights_saved_from_an_ML_NET_model_predict_what_ML_NET_predicts()
    {
        // `pipeline train` fits the model with ML.NET and ships its weights in a file of ours, which the pipeline
        // reads without ML.NET: both must give the same probabilities.
        var texts = new[] { ("他考入了东南大学。", 4, 8, EntityTypes.Org), ("全部干部都参加了学习。", 0, 4, EntityTypes.None),
            ("公安机关立案，人民检察院受理。", 7, 12, EntityTypes.Org), ("双方签署了《联合声明》。", 5, 11, EntityTypes.Agreement),
            ("他在《人民日报》发表文章。", 2, 8, EntityTypes.Media), ("会议通过了《环境保护法》。", 5, 12, EntityTypes.Law) };
        var rows = Enumerable.Range(0, 40).SelectMany(_ => texts).Select(t => new CandidateRow
        {
            Features = Vector(Features(t.Item1, t.Item2, t.Item3)), Label = t.Item4,
        }).ToList();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var labels = ml.Data.LoadFromEnumerable(CandidateLabels.All.Select(l => new LabelText { Label = l }));
        var transformer = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(CandidateRow.Label), keyData: labels)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("LabelKey", nameof(CandidateRow.Features),
                maximumNumberOfIterations: 20))
            .Fit(data);
        var folder = Directory.CreateTempSubdirectory("classifier-").FullName;
        try
        {
            var zip = Path.Combine(folder, "model.zip");
            ml.Model.Save(transformer, data.Schema, zip);
            var bin = Path.Combine(folder, "model.bin");
            CandidateClassifier.Load(zip).Save(bin);
            var ours = CandidateClassifier.Load(bin);
            var engine = ml.Model.CreatePredictionEngine<CandidateRow, MlPrediction>(transformer);
            foreach (var (text, start, end, label) in texts)
            {
                var features = Features(text, start, end);
                var theirs = engine.Predict(new CandidateRow { Features = Vector(features) }).Score;
                var mine = new float[CandidateLabels.All.Length];
                ours.Probabilities(features, mine);
                for (var k = 0; k < mine.Length; k++)
                    Assert.That(mine[k], Is.EqualTo(theirs[k]).Within(1e-4), $"{text} class {CandidateLabels.All[k]}");
                Assert.That(ours.Predict(features).Label, Is.EqualTo(label), text);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_shipped_model_file_reads_back_to_the_same_bytes()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Core", "Classification", "Model", "classifier.bin");
        var written = new MemoryStream();
        CandidateClassifier.Load(path).Write(written);
        Assert.That(written.ToArray(), Is.EqualTo(File.ReadAllBytes(path)));
    }

    [Test]
    public void A_file_that_is_not_a_model_is_refused_with_its_name()
    {
        using var file = new TemporaryFile("not-a-model", "hello");
        var e = Assert.Throws<InvalidDataException>(() => CandidateClassifier.Load(file.Path));
        Assert.That(e!.Message, Does.Contain(file.Path).And.Contain("not a classifier model"));
    }

    private static List<int> Features(string text, int start, int end)
    {
        var features = new List<int>();
        CandidateFeatures.Extract(text, new Candidate(start, end, text[start..end], EntityTypes.Org, "org:suffix", 0.4), features);
        return features;
    }

    private static Microsoft.ML.Data.VBuffer<float> Vector(List<int> features) =>
        new(CandidateFeatures.Dimension, features.Count, Enumerable.Repeat(1f, features.Count).ToArray(), features.ToArray());

    public sealed class LabelText
    {
        public string Label { get; set; } = "";
    }

    public sealed class MlPrediction
    {
        public float[] Score { get; set; } = [];
    }

    [Test]
    public void Without_the_model_candidates_follow_their_rule_type_and_threshold()
    {
        var text = "他考入了东南大学。";
        var article = WithCandidates(text,
            new Candidate(4, 8, "东南大学", EntityTypes.Org, "org:suffix", 0.85),
            new Candidate(3, 8, "了东南大学", EntityTypes.Org, "org:suffix", 0.2));
        var result = ClassifyStage.RulesOnly().Process(article);
        Assert.That(result.Entities.Select(e => (e.Text, e.Type, e.Source)),
            Is.EqualTo(new[] { ("东南大学", EntityTypes.Org, "rule:org:suffix") }));
    }

    [Test]
    public void Overlapping_candidates_compete_and_only_one_survives()
    {
        var text = "据报道，东南大学和北京大学签署协议。";
        var article = WithCandidates(text,
            new Candidate(4, 8, "东南大学", EntityTypes.Org, "org:suffix", 0.85),
            new Candidate(5, 8, "南大学", EntityTypes.Org, "org:suffix", 0.4),
            new Candidate(4, 6, "东南", EntityTypes.Org, "org:suffix", 0.6));
        var result = ClassifyStage.WithShippedModel().Process(article);
        var orgs = result.EntitiesOf(EntityTypes.Org).ToList();
        Assert.That(orgs.Count(e => e.Span.Overlaps(new TextSpan(4, 8))), Is.EqualTo(1));
        Assert.That(orgs.Single().Source, Is.EqualTo(RuleIds.ClassifierModel));
    }

    [TestCase("Russia withdrew from the Treaty on Open Skies in 2021.", "Treaty on Open Skies", RuleIds.AgreementEnglishTitle, 0.85)]
    [TestCase("The parties signed the Convention on Nuclear Safety in Vienna.", "Convention on Nuclear Safety", RuleIds.AgreementEnglishTitle, 0.85)]
    [TestCase("会议通过了《二十国集团反腐败追逃追赃高级原则》。", "二十国集团反腐败追逃追赃高级原则", RuleIds.AgreementBookTitle, 0.9)]
    public void A_sure_rule_keeps_its_type_unless_the_model_is_as_sure(string text, string title, string source, double confidence)
    {
        var start = text.IndexOf(title, StringComparison.Ordinal);
        var article = WithCandidates(text, new Candidate(start, start + title.Length, title, EntityTypes.Agreement, source, confidence)
            { InBookMarks = start > 0 && text[start - 1] == '《' });
        var result = ClassifyStage.WithShippedModel().Process(article);
        Assert.That(result.Entities.Select(e => (e.Text, e.Type)), Is.EqualTo(new[] { (title, EntityTypes.Agreement) }));
    }

    [Test]
    public void The_model_overrules_a_sure_rule_only_above_the_veto_probability()
    {
        // A weekday is no instrument: with an impossible veto bar the rule's word stands, with the default one it does not.
        var text = "They met on Monday Declaration day.";
        var candidate = new Candidate(11, 29, "Monday Declaration", EntityTypes.Agreement, RuleIds.AgreementEnglishTitle, 0.85);
        var model = CandidateClassifier.Shipped!;
        var features = new List<int>();
        CandidateFeatures.Extract(text, candidate, features);
        var (label, p) = model.Predict(features);
        var never = new ClassifyStage(model, veto: 1.0).Process(WithCandidates(text, candidate));
        Assert.That(never.EntitiesOf(EntityTypes.Agreement).Count(), Is.EqualTo(1));
        var byModel = new ClassifyStage(model, veto: Math.Min(p, 0.999) - 0.001).Process(WithCandidates(text, candidate));
        var expected = label == EntityTypes.Agreement ? 1 : 0;
        Assert.That(byModel.EntitiesOf(EntityTypes.Agreement).Count(), Is.EqualTo(expected), $"model: {label} {p:F3}");
    }

    [Test]
    public void No_ml_switch_and_useModel_false_turn_the_model_off()
    {
        ClassifyStage Built(ClassifyOptions options, bool noMl) => (ClassifyStage)new PipelineBuilder()
            .Use(ClassifyStage.Descriptor, options).DisableMachineLearning(noMl).Build(ArticleParts.Candidates).Stages.Single();
        Assert.That(Built(new ClassifyOptions(), noMl: true).UsesModel, Is.False);
        Assert.That(Built(new ClassifyOptions { UseModel = false }, noMl: false).UsesModel, Is.False);
        Assert.That(Built(new ClassifyOptions(), noMl: false).UsesModel, Is.True);
    }

    [Test]
    public void Training_splits_pd1998_the_same_way_every_time()
    {
        // The split is a fixed hash of the id (FNV-1a), not a random draw: these documents are held out
        // on every machine, so the committed model's held-out figures can be reproduced.
        var heldOut = Enumerable.Range(0, 40).Where(i => ClassifierTrainer.IsHeldOut($"doc-{i}.txt", 0.15));
        Assert.That(heldOut, Is.EqualTo(new[] { 3, 5, 12, 24, 36, 37, 39 }));
        var ids = Enumerable.Range(0, 2000).Select(i => $"doc-{i}.txt").ToList();
        var share = ids.Count(id => ClassifierTrainer.IsHeldOut(id, 0.15)) / (double)ids.Count;
        Assert.That(share, Is.InRange(0.12, 0.18));
    }
}
