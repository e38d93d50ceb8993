using Pipeline.Classification;
using Pipeline.Tests.Organisations;

namespace Pipeline.Tests.Classification;

/// <summary>
/// The pd1998 documents the trainer never sees (hash of the document id), scored with relaxed matching
/// because the corpus's span conventions differ from the annotation rules (docs/annotation.md) (place prefixes stay inside there).
/// </summary>
public class Pd1998HeldOutTests
{
    private static string Pd1998 => Path.Combine(TestPaths.Data, "pd1998-train.jsonl.gz");

    private static readonly Lazy<Score> WithModel = new(() => OrgEvaluation.ScorePd1998HeldOut(Pd1998, ClassifyStage.WithShippedModel()));
    private static readonly Lazy<Score> RulesOnly = new(() => OrgEvaluation.ScorePd1998HeldOut(Pd1998, ClassifyStage.RulesOnly()));

    // The project target. Rules alone reach about 0.71 (P 0.66, R 0.78), the model about 0.86 (P 0.92, R 0.81).
    [Test]
    public void Relaxed_ORG_F1_on_held_out_pd1998_reaches_the_target()
    {
        TestContext.Out.WriteLine($"model {WithModel.Value}\nrules {RulesOnly.Value}");
        Assert.That(WithModel.Value.F1, Is.GreaterThanOrEqualTo(0.85));
        Assert.That(WithModel.Value.Precision, Is.GreaterThanOrEqualTo(0.90));
    }

    [Test]
    public void The_model_adds_to_the_rules_on_held_out_pd1998()
    {
        Assert.That(WithModel.Value.F1 - RulesOnly.Value.F1, Is.GreaterThan(0.05));
        Assert.That(WithModel.Value.Precision, Is.GreaterThan(RulesOnly.Value.Precision));
    }
}
