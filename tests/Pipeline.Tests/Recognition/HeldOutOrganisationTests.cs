using Pipeline.Cli.Commands;
using Pipeline.Evaluation;
using Pipeline.Model;

namespace Pipeline.Tests.Recognition;

/// <summary>
/// What `pipeline evaluate --corpus CORPUS-train.jsonl.gz --types ORG [--relaxed]` reports for the development split
/// of each training corpus (the documents `pipeline train` never sees), with the repository's configuration. The
/// floors sit a little below the figures of the shipped models (README, "How well it works"), so a change that
/// costs names on real news fails here rather than in a user's hands.
/// </summary>
public class HeldOutOrganisationTests
{
    [TestCase("pd1998", 0.82, 0.88)]
    [TestCase("cluener", 0.70, 0.77)]
    [TestCase("conll2003", 0.84, 0.86)]
    public void The_development_split_keeps_its_ORG_F1(string corpus, double strictFloor, double relaxedFloor)
    {
        var docs = RecogniserCorpora.Read(corpus, CorpusSplit.HeldOut);
        var predicted = docs.SelectMany(d =>
            EvaluateCommand.ToScored(RecogniserCorpora.Run(RecogniserCorpora.Full.Value, d.Id, d.Text))).ToList();
        var gold = docs.SelectMany(d => d.Gold).ToList();
        string[] org = [EntityTypes.Org];
        var strict = Scorer.Score(gold, predicted, org)[EntityTypes.Org];
        var relaxed = Scorer.Score(gold, predicted, org, relaxed: true)[EntityTypes.Org];
        TestContext.Out.WriteLine($"{corpus}: strict {strict.F1:F3}, relaxed {relaxed.F1:F3} over {docs.Count} documents");
        Assert.That(strict.F1, Is.GreaterThanOrEqualTo(strictFloor), "strict");
        Assert.That(relaxed.F1, Is.GreaterThanOrEqualTo(relaxedFloor), "relaxed");
    }
}
