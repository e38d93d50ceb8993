using Pipeline.Classification;

namespace Pipeline.Tests.Organisations;

/// <summary>segment → organisations → classify on the dev corpus, scored like score.py (strict, ORG only).</summary>
public class GoldOrganisationTests
{
    [Test]
    public void Dev_corpus_ORG_F1_is_at_least_0_95_with_the_model()
    {
        var score = OrgEvaluation.ScoreGold(ClassifyStage.WithShippedModel());
        TestContext.Out.WriteLine(score);
        foreach (var e in score.Errors) TestContext.Out.WriteLine(e);
        Assert.That(score.F1, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void Dev_corpus_canonicals_are_right_for_at_least_95_percent_of_found_ORGs()
    {
        var score = OrgEvaluation.ScoreGold(ClassifyStage.WithShippedModel());
        Assert.That(score.CanonicalScored, Is.GreaterThan(50));
        Assert.That(score.CanonicalAccuracy, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void Rules_alone_score_below_the_model_on_the_dev_corpus()
    {
        var withModel = OrgEvaluation.ScoreGold(ClassifyStage.WithShippedModel());
        var rules = OrgEvaluation.ScoreGold(ClassifyStage.RulesOnly());
        TestContext.Out.WriteLine($"model {withModel}\nrules {rules}");
        Assert.That(withModel.F1, Is.GreaterThan(rules.F1));
    }
}
