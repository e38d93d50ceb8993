using Microsoft.Data.Sqlite;
using Pipeline.Model;
using Pipeline.Running;
using Pipeline.Stages;

namespace Pipeline.Tests.Running;

/// <summary>
/// The overview's agreements come from the agreement records the stage made, never rebuilt from the
/// AGREEMENT mentions: an article processed without the agreement-records stage has mentions in its
/// entities and no agreement in the overview. Real articles of the repository, the default stages.
/// </summary>
public class OverviewRecordTests
{
    private static readonly string[] Articles =
    [
        Path.Combine("Chinese", "china-central-asia-summit.zh.txt"),
        Path.Combine("English", "asean-foreign-ministers-communique.en.txt"),
    ];

    private static Workspace WithArticles()
    {
        var ws = new Workspace();
        foreach (var a in Articles)
            File.Copy(Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness", a), Path.Combine(ws.Input, Path.GetFileName(a)));
        return ws;
    }

    private static List<IStage> ExtractionStages(Func<IStage, bool> keep) =>
        [.. PipelineBuilder.Default().Build().Stages.Where(s => s.Name is not ("ingest" or "segment")).Where(keep)];

    private static (BatchOverview Overview, int Mentions, List<string> Records) Record(Workspace ws)
    {
        var database = Path.Combine(ws.Output, PipelineDatabase.FileName);
        BatchOverview overview;
        using (var db = new PipelineDatabase(database))
            overview = db.Overview.Build([.. Articles.Select(Path.GetFileName).OfType<string>()]);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM entities WHERE type = 'AGREEMENT'";
        var mentions = Convert.ToInt32(count.ExecuteScalar());
        using var names = connection.CreateCommand();
        names.CommandText = "SELECT DISTINCT coalesce(canonical_en, canonical) FROM agreements ORDER BY 1";
        var records = new List<string>();
        using (var r = names.ExecuteReader())
            while (r.Read()) records.Add(r.GetString(0));
        return (overview, mentions, records);
    }

    [Test]
    public void Without_the_agreement_records_stage_the_overview_lists_no_agreement_though_the_articles_mention_some()
    {
        using var ws = WithArticles();
        var (summary, errors) = ws.Run(stagesAfter: ExtractionStages(s => s.Name != "agreement-records"), writers: []);
        Assert.That(summary.Failed, Is.Zero, string.Join("\n", errors));

        var (overview, mentions, records) = Record(ws);
        Assert.That(mentions, Is.GreaterThan(0), "the articles mention agreements");
        Assert.That(records, Is.Empty);
        Assert.That(overview.Agreements, Is.Empty, "no agreement is rebuilt from the mentions");
    }

    [Test]
    public void With_the_stage_the_overview_lists_exactly_the_agreements_it_recorded()
    {
        using var ws = WithArticles();
        var (summary, errors) = ws.Run(stagesAfter: ExtractionStages(_ => true), writers: []);
        Assert.That(summary.Failed, Is.Zero, string.Join("\n", errors));

        var (overview, _, records) = Record(ws);
        Assert.That(records, Is.Not.Empty, "the stage made records");
        Assert.That(overview.Agreements, Has.Length.EqualTo(records.Count),
            "one overview row per recorded agreement (across languages by its English name), none from the mentions alone");
    }
}
