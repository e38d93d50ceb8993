using Pipeline.Stages;
using Pipeline.Configuration;
using System.Text.Json.Nodes;
using Pipeline.Running;

namespace Pipeline.Tests.Running;

public class IncrementalTests
{
    private static Workspace ThreeArticles()
    {
        var ws = new Workspace();
        ws.Add("a.txt", "NATO met in Madrid. The allies agreed.\n");
        ws.Add("b.txt", "中国与东盟发表联合声明。NATO 未参加。\n");
        ws.Add("c.md", "---\ntitle: C\n---\nNo organisation here.\n");
        return ws;
    }

    private static Dictionary<string, string> Statuses(RunSummary s) => s.Articles.ToDictionary(a => a.File, a => a.Status);

    private static Dictionary<string, DateTime> OutputTimes(Workspace ws) =>
        Directory.EnumerateFiles(ws.Output, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)!) != "output")
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    [Test]
    public void An_unchanged_second_run_skips_every_article_and_rewrites_none_of_their_files()
    {
        using var ws = ThreeArticles();
        var first = ws.Run().Summary;
        Assert.That(first.Succeeded, Is.EqualTo(3));
        var before = OutputTimes(ws);

        var second = ws.Run().Summary;

        Assert.That(Statuses(second).Values, Is.All.EqualTo(RunStatus.Skipped));
        Assert.That(OutputTimes(ws), Is.EqualTo(before));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;
        Assert.That(json["counts"]!["skipped_unchanged"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(second.ExitCode(FailOn.Error), Is.EqualTo(0));
    }

    [Test]
    public void A_changed_article_or_sidecar_is_redone_and_only_it()
    {
        using var ws = ThreeArticles();
        ws.Run();
        ws.Add("a.txt", "NATO met in Vilnius.\n");
        ws.Add("b.txt.meta.json", """{"date": "2023-09-05"}""");

        var second = ws.Run().Summary;

        Assert.That(Statuses(second), Is.EqualTo(new Dictionary<string, string>
            { ["a.txt"] = RunStatus.Ok, ["b.txt"] = RunStatus.Ok, ["c.md"] = RunStatus.Skipped }));
        Assert.That(File.ReadAllText(ws.ArticleOutput("b.txt")), Does.Contain("2023-09-05"));
    }

    [Test]
    public void A_changed_configuration_or_force_redoes_everything()
    {
        using var ws = ThreeArticles();
        ws.Run();
        ws.WriteConfig("[\"ingest\", \"segment\"]", "\"reports\": {\"formats\": [\"docx\"]}");
        Assert.That(Statuses(ws.Run().Summary).Values, Is.All.EqualTo(RunStatus.Ok));
        Assert.That(Statuses(ws.Run().Summary).Values, Is.All.EqualTo(RunStatus.Skipped));
        Assert.That(Statuses(ws.Run(new RunOptions { Force = true }).Summary).Values, Is.All.EqualTo(RunStatus.Ok));
        Assert.That(Statuses(ws.Run(new RunOptions { ExtraFingerprint = ["model:v2"] }).Summary).Values, Is.All.EqualTo(RunStatus.Ok),
            "a new model fingerprint redoes everything");
    }

    [Test]
    public void A_format_taken_out_of_the_configuration_leaves_no_stale_briefing_or_overview()
    {
        using var ws = ThreeArticles();
        ws.Run();
        Assert.That(ws.ArticleOutput("a.txt", "briefing.pdf"), Does.Exist, "precondition");
        Assert.That(Path.Combine(ws.Output, "overview.pdf"), Does.Exist, "precondition");

        ws.WriteConfig("[\"ingest\", \"segment\"]", "\"reports\": {\"formats\": [\"docx\"]}");
        ws.Run(writers: [new TextReportWriter("docx")]);

        Assert.Multiple(() =>
        {
            foreach (var file in new[] { "a.txt", "b.txt", "c.md" })
            {
                Assert.That(ws.ArticleOutput(file, "briefing.pdf"), Does.Not.Exist, file);
                Assert.That(ws.ArticleOutput(file, "briefing.docx"), Does.Exist, file);
            }
            Assert.That(Path.Combine(ws.Output, "overview.pdf"), Does.Not.Exist);
            Assert.That(Path.Combine(ws.Output, "overview.docx"), Does.Exist);
        });
    }

    [Test]
    public void An_article_whose_output_was_deleted_or_edited_is_redone()
    {
        using var ws = ThreeArticles();
        ws.Run();
        File.Delete(ws.ArticleOutput("a.txt", "briefing.pdf"));
        File.AppendAllText(ws.ArticleOutput("b.txt"), " ");

        var second = ws.Run().Summary;

        Assert.That(Statuses(second), Is.EqualTo(new Dictionary<string, string>
            { ["a.txt"] = RunStatus.Ok, ["b.txt"] = RunStatus.Ok, ["c.md"] = RunStatus.Skipped }));
        Assert.That(File.Exists(ws.ArticleOutput("a.txt", "briefing.pdf")));
        Assert.That(JsonNode.Parse(File.ReadAllText(ws.ArticleOutput("b.txt"))), Is.Not.Null);
    }

    [Test]
    public void A_failed_article_is_retried_by_run_but_not_when_retrying_is_off()
    {
        using var ws = ThreeArticles();
        ws.Add("bad.txt", []);
        ws.Run();
        Assert.That(Statuses(ws.Run().Summary)["bad.txt"], Is.EqualTo(RunStatus.Failed));
        var watchLike = ws.Run(new RunOptions { RetryFailed = false }).Summary;
        Assert.That(Statuses(watchLike)["bad.txt"], Is.EqualTo(RunStatus.Skipped));
        Assert.That(watchLike.Articles.Single(a => a.File == "bad.txt").Error, Is.EqualTo("empty file"));
    }

    [Test]
    public void The_overview_covers_skipped_articles_from_the_database()
    {
        using var ws = ThreeArticles();
        var stages = new[] { new FindWordStage("ORG", "NATO", "北大西洋公约组织"), new FindWordStage("AGREEMENT", "allies agreed", "North Atlantic Treaty", true) };
        ws.Run(stagesAfter: stages);
        ws.Add("c.md", "---\ntitle: C2\n---\nNATO again.\n");
        ws.Run(stagesAfter: stages); // a and b skipped, c redone

        using var db = new PipelineDatabase(Path.Combine(ws.Output, PipelineDatabase.FileName));
        var overview = db.Overview.Build(["a.txt", "b.txt", "c.md"]);

        Assert.That(overview.Documents.Select(d => (d.FileName, d.Status, d.Organisations)),
            Is.EqualTo(new[] { ("a.txt", "ok", 1), ("b.txt", "ok", 1), ("c.md", "ok", 1) }));
        Assert.That(overview.Documents.Single(d => d.FileName == "c.md").Title, Is.EqualTo("C2"));
        var nato = overview.Organisations.Single();
        Assert.That((nato.Canonical, nato.Mentions), Is.EqualTo(("北大西洋公约组织", 3)));
        Assert.That(nato.Documents, Is.EqualTo(new[] { "a.txt", "b.txt", "c.md" }));
        Assert.That(overview.Agreements.Select(a => (a.Canonical, a.Kind, a.Date)), Is.EqualTo(new[] { ("North Atlantic Treaty", "treaty", (string?)"1949-04-04") }));
        Assert.That(overview.Timeline.Select(t => (t.Date, t.Document, t.Summary)), Is.EqualTo(new[] { ("1949-04-04", "a.txt", "North Atlantic Treaty signed") }));
    }

    [Test]
    public void The_overview_merges_a_body_and_an_instrument_named_in_Chinese_and_in_English()
    {
        using var ws = new Workspace();
        ws.Add("zh.txt", "2022年1月1日，《区域全面经济伙伴关系协定》正式生效。联合国秘书长对此表示欢迎。");
        ws.Add("en.txt", "The Regional Comprehensive Economic Partnership (RCEP) entered into force on January 1, 2022. " +
                         "The United Nations welcomed it.");
        var extraction = PipelineBuilder.Default().Build().Stages.Where(s => s.Name is not ("ingest" or "segment"));
        ws.Run(stagesAfter: extraction);

        using var db = new PipelineDatabase(Path.Combine(ws.Output, PipelineDatabase.FileName));
        var overview = db.Overview.Build(["en.txt", "zh.txt"]);
        var un = overview.Organisations.Single(o => o.CanonicalEn == "United Nations");
        Assert.That(un.Documents, Is.EqualTo(new[] { "en.txt", "zh.txt" }));
        var rcep = overview.Agreements.Single(a => a.Documents.Length == 2);
        Assert.That(rcep.Canonical, Is.AnyOf("区域全面经济伙伴关系协定", "Regional Comprehensive Economic Partnership"));
        Assert.That(overview.Agreements, Has.Length.EqualTo(1));
    }

    [Test]
    public void Fail_on_warning_turns_a_warning_into_exit_code_1()
    {
        using var ws = ThreeArticles();
        var summary = ws.Run(stagesAfter: [new FindWordStage("ORG", "Madrid", "Madrid", warning: "document date guessed")]).Summary;
        Assert.That(summary.Articles.Single(a => a.File == "a.txt").Warnings, Is.EqualTo(new[] { "document date guessed" }));
        Assert.That(summary.ExitCode(FailOn.Error), Is.EqualTo(0));
        Assert.That(summary.ExitCode(FailOn.Warning), Is.EqualTo(1));
    }

    [Test]
    public void The_database_records_every_entity_with_code_point_offsets()
    {
        using var ws = new Workspace();
        ws.Add("emoji.txt", "😀 NATO\n");
        ws.Run(stagesAfter: [new FindWordStage("ORG", "NATO", "NATO")]);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(ws.Output, PipelineDatabase.FileName)}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT d.status, e.type, e.start, e.\"end\", e.text FROM entities e JOIN documents d ON d.file = e.file";
        using var r = cmd.ExecuteReader();
        Assert.That(r.Read());
        Assert.That((r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4)), Is.EqualTo(("ok", "ORG", 2, 6, "NATO")));
    }

    [Test]
    public void The_overview_is_rewritten_only_when_what_it_shows_changed()
    {
        using var ws = ThreeArticles();
        ws.Run();
        var overview = Path.Combine(ws.Output, "overview.pdf");
        var written = File.GetLastWriteTimeUtc(overview);

        ws.Run();
        Assert.That(File.GetLastWriteTimeUtc(overview), Is.EqualTo(written), "nothing changed");

        File.Delete(ws.ArticleOutput("c.md", "entities.json")); // c.md is redone, to the same result
        File.Delete(Path.Combine(ws.Input, "b.txt"));
        ws.Run();
        Assert.That(File.ReadAllLines(overview).Select(l => l.Split('\t')[0]), Is.EqualTo(new[] { "a.txt", "c.md" }));
    }
}
