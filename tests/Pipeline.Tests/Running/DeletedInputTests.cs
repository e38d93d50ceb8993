using System.Text.Json.Nodes;
using Pipeline.Running;

namespace Pipeline.Tests.Running;

/// <summary>An input file that is gone takes its outputs and its rows with it, and the run summary names it.</summary>
public class DeletedInputTests
{
    [Test]
    public void A_deleted_input_loses_its_output_folder_and_its_record_and_the_summary_lists_it()
    {
        using var ws = new Workspace();
        ws.Add("a.txt", "NATO met in Madrid.\n");
        ws.Add("b.txt", "NATO met in Vilnius.\n");
        var stages = new[] { new FindWordStage("ORG", "NATO", "NATO", asAgreementRecord: true) };
        ws.Run(stagesAfter: stages);
        File.WriteAllText(ws.ArticleOutput("b.txt", "notes.txt"), "a user's own file");
        File.Delete(Path.Combine(ws.Input, "a.txt"));
        File.Delete(Path.Combine(ws.Input, "b.txt"));
        ws.Add("c.txt", "Nothing here.\n");

        var summary = ws.Run(stagesAfter: stages).Summary;

        Assert.That(summary.Deleted, Is.EqualTo(new[] { "a.txt", "b.txt" }));
        Assert.That(summary.OneLine(), Does.Contain("2 deleted").And.Contain("deleted: a.txt, b.txt"));
        Assert.That(Directory.Exists(Path.Combine(ws.Output, "a.txt")), Is.False);
        Assert.That(Directory.GetFiles(Path.Combine(ws.Output, "b.txt")).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }),
            "only our own files are removed");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;
        Assert.That(json["deleted"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "a.txt", "b.txt" }));
        Assert.That(json["counts"]!["deleted"]!.GetValue<int>(), Is.EqualTo(2));
        using var db = new PipelineDatabase(Path.Combine(ws.Output, PipelineDatabase.FileName));
        Assert.That(db.Documents.All().Select(d => d.File), Is.EqualTo(new[] { "c.txt" }));
        Assert.That(db.Overview.Build(["c.txt"]).Timeline, Is.Empty, "the deleted articles' timeline went with them");

        Assert.That(ws.Run(stagesAfter: stages).Summary.Deleted, Is.Empty, "reported once");
    }
}
