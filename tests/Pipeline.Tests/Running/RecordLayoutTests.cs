using Microsoft.Data.Sqlite;
using Pipeline.Cli.Commands;
using Pipeline.Configuration;
using Pipeline.Running;

namespace Pipeline.Tests.Running;

/// <summary>
/// output/pipeline.db as a contract: its layout has a version (PRAGMA user_version), a record made by
/// the previous version is upgraded in place with its history, and one made by a newer version is
/// refused with what to do. The fixture is a real record written by the previous version (layout 0)
/// over the three articles beside it.
/// </summary>
public class RecordLayoutTests
{
    private static string Fixture => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Running", "Fixtures", "record-v0");

    private static Workspace FromFixture()
    {
        var ws = new Workspace();
        File.WriteAllText(ws.ConfigPath, """{ "input": "input", "output": "output" }""");
        foreach (var f in Directory.GetFiles(Path.Combine(Fixture, "input"))) File.Copy(f, Path.Combine(ws.Input, Path.GetFileName(f)));
        Directory.CreateDirectory(ws.Output);
        File.Copy(Path.Combine(Fixture, PipelineDatabase.FileName), Path.Combine(ws.Output, PipelineDatabase.FileName));
        return ws;
    }

    private static List<string> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : r.GetValue(i).ToString())));
        return rows;
    }

    [Test]
    public void A_record_of_the_previous_layout_is_upgraded_in_place_and_keeps_every_document_entity_and_run()
    {
        using var ws = FromFixture();
        var path = Path.Combine(ws.Output, PipelineDatabase.FileName);
        Assert.That(Rows(path, "PRAGMA user_version"), Is.EqualTo(new[] { "0" }), "the fixture is the old layout");
        var documents = Rows(path, "SELECT file, content_hash, status, title, date, error, counts FROM documents ORDER BY file");
        var processing = Rows(path, "SELECT file, run_id, processed_at, seconds, input_dir, outputs FROM documents ORDER BY file");
        var entities = Rows(path, "SELECT * FROM entities ORDER BY file, start, \"end\", type");
        var agreements = Rows(path, "SELECT * FROM agreements ORDER BY file, canonical");
        var timeline = Rows(path, "SELECT * FROM timeline ORDER BY file, sentence_start");
        Assert.That(documents, Has.Count.EqualTo(3));
        Assert.That(entities, Is.Not.Empty);

        using (var db = new PipelineDatabase(path))
        {
            Assert.That(db.Documents.All().Select(d => (d.File, d.Status)),
                Is.EqualTo(new[] { ("asean.txt", "ok"), ("empty.txt", "failed"), ("nato.txt", "ok") }));
            Assert.That(db.Documents.Find("nato.txt")!.Outputs.Keys, Is.EquivalentTo(new[] { "entities.json", "briefing.docx", "briefing.pdf" }));
        }

        Assert.That(Rows(path, "PRAGMA user_version"), Is.EqualTo(new[] { PipelineDatabase.LayoutVersion.ToString() }));
        Assert.That(Rows(path, "SELECT file, content_hash, status, title, date, error, counts FROM documents ORDER BY file"), Is.EqualTo(documents));
        Assert.That(Rows(path, "SELECT file, run_id, processed_at, seconds, input_dir, outputs FROM processing ORDER BY file"), Is.EqualTo(processing),
            "when and into what each article was processed moved to processing");
        Assert.That(Rows(path, "SELECT * FROM entities ORDER BY file, start, \"end\", type"), Is.EqualTo(entities));
        Assert.That(Rows(path, "SELECT * FROM agreements ORDER BY file, canonical"), Is.EqualTo(agreements));
        Assert.That(Rows(path, "SELECT * FROM timeline ORDER BY file, sentence_start"), Is.EqualTo(timeline));
        Assert.That(Rows(path, "SELECT kind FROM runs"), Is.EqualTo(new[] { "run" }));
        Assert.That(Rows(path, "PRAGMA foreign_key_check"), Is.Empty);
        Assert.That(Rows(path, "SELECT name FROM pragma_table_info('documents')"), Has.None.EqualTo("seconds").And.None.EqualTo("input_dir"));

        // The upgraded record goes on working: a run adds to it, and deleting a document still takes its findings.
        var (code, _, error) = SplitRunCli("run", "--config", ws.ConfigPath);
        Assert.That(code, Is.EqualTo((int)ExitCode.ArticlesFailed), error);
        Assert.That(Rows(path, "SELECT kind FROM runs ORDER BY id"), Is.EqualTo(new[] { "run", "run" }));
        File.Delete(Path.Combine(ws.Input, "nato.txt"));
        SplitRunCli("run", "--config", ws.ConfigPath);
        Assert.That(Rows(path, "SELECT count(*) FROM entities WHERE file='nato.txt'"), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public void A_record_of_a_newer_layout_is_refused_with_what_to_do_and_left_untouched()
    {
        using var ws = FromFixture();
        var path = Path.Combine(ws.Output, PipelineDatabase.FileName);
        Rows(path, "PRAGMA user_version=99");
        var before = File.ReadAllBytes(path);

        Assert.That(() => new PipelineDatabase(path), Throws.TypeOf<ConfigException>()
            .With.Message.Contains("written by a newer version of pipeline (record layout 99").And.Message.Contains("move the file away"));
        var (code, _, error) = SplitRunCli("run", "--config", ws.ConfigPath);
        Assert.That(code, Is.EqualTo((int)ExitCode.UsageOrConfig));
        Assert.That(error, Does.Contain("newer version of pipeline"));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
    }

    private static (int Code, string Out, string Error) SplitRunCli(params string[] args) => Shards.SplitRun.Cli(args);
}
