using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands;
using Pipeline.Running;
using Pipeline.Running.Shards;

namespace Pipeline.Tests.Shards;

/// <summary>
/// What schedulers do to shards: kill one mid-way and start it again, start the same index twice, run
/// shards against an input that changed under them. None of it may change the bytes of the result, and
/// a merge that cannot be right says which shard to rerun.
/// </summary>
[NonParallelizable]
public class ShardFaultTests
{
    private const string Stages = "[\"ingest\", \"segment\", \"dates\", \"timeline\"]";

    private static SplitRun ManyArticles(int count)
    {
        var run = new SplitRun(Stages);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (var line = 0; line < 300; line++)
                text.Append($"第{i}篇第{line}段：中国与东盟于2023年9月{line % 28 + 1}日在雅加达举行会议。双方同意加强合作。\n");
            run.Add($"article-{i:D3}.txt", text.ToString());
        }
        return run;
    }

    private static (int Code, string Out, string Err) Finish(Process p)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.That(p.WaitForExit(300_000), "the shard finishes");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string[] ShardArgs(SplitRun run, int index, int count) =>
        ["run", "--config", run.SplitConfig, "--shard-index", index.ToString(), "--shard-count", count.ToString(), "--jobs", "1"];

    [Test]
    public void A_shard_killed_mid_way_and_run_again_finishes_where_it_stopped_with_identical_bytes()
    {
        using var run = ManyArticles(40);
        var shard = new ShardFolder(run.Split, new ShardSpec(0, 2));
        var p = run.StartProcess(ShardArgs(run, 0, 2));
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120)
               && (!Directory.Exists(shard.Running) || Directory.EnumerateFiles(shard.Running, BatchRunner.EntitiesFile, SearchOption.AllDirectories).Count() < 3))
            Thread.Sleep(5);
        Assert.That(p.HasExited, Is.False, "the shard must still be running when it is killed (make the input larger if not)");
        p.Kill(entireProcessTree: true);
        p.WaitForExit();

        Assert.That(Directory.Exists(shard.Running), "a killed shard is visibly unfinished");
        Assert.That(Directory.Exists(shard.Committed), Is.False);
        var (notReady, _, why) = run.Merge(2);
        Assert.That(notReady, Is.EqualTo((int)ExitCode.ShardsNotReady));
        Assert.That(why, Does.Contain("shard 0 of 2 is not complete").And.Contain("shard 1 of 2 is missing"));

        var again = Finish(run.StartProcess(ShardArgs(run, 0, 2)));
        Assert.That(again.Code, Is.EqualTo(0), again.Err);
        Assert.That(again.Out, Does.Match(@"[1-9]\d* unchanged"), "what was done before the kill is not done again");
        Assert.That(Directory.Exists(shard.Running), Is.False);
        Assert.That(run.RunShard(1, 2).Code, Is.EqualTo(0));
        Assert.That(run.Merge(2).Code, Is.EqualTo(0));
        Assert.That(run.RunSingle().Code, Is.EqualTo(0));
        run.AssertSplitEqualsSingle();
    }

    [Test]
    public void The_same_index_started_twice_at_once_is_committed_once_and_the_other_exits_cleanly()
    {
        using var run = ManyArticles(16);
        var first = run.StartProcess(ShardArgs(run, 1, 2));
        var second = run.StartProcess(ShardArgs(run, 1, 2));
        var results = new[] { Finish(first), Finish(second) };

        Assert.That(results.Select(r => r.Code), Is.All.EqualTo(0), string.Join("\n", results.Select(r => r.Err)));
        Assert.That(results.Count(r => r.Out.Contains("shard 1 of 2 complete:")), Is.EqualTo(1), "one commit");
        Assert.That(results.Count(r => r.Out.Contains("nothing to do")), Is.EqualTo(1), "the other finds it done");
        Assert.That(results.Any(r => r.Err.Contains("shard 1 of 2 is being run by another process")), "the waiting one says why it waits");
        Assert.That(run.RunShard(0, 2).Code, Is.EqualTo(0));
        Assert.That(run.Merge().Code, Is.EqualTo(0));
        Assert.That(run.RunSingle().Code, Is.EqualTo(0));
        run.AssertSplitEqualsSingle();
    }

    [Test]
    public void A_merge_names_every_shard_that_is_missing_unfinished_or_does_not_match_the_input_and_merges_nothing()
    {
        using var run = ManyArticles(8);
        Assert.That(run.Merge().Error, Does.Contain("no shards in"));
        for (var i = 0; i < 3; i++) Assert.That(run.RunShard(i, 3).Code, Is.EqualTo(0));
        Directory.Move(new ShardFolder(run.Split, new ShardSpec(2, 3)).Committed, new ShardFolder(run.Split, new ShardSpec(2, 3)).Running);
        var changed = Directory.EnumerateFiles(run.Input).Select(Path.GetFileName).Order(StringComparer.Ordinal).First(f => new ShardSpec(0, 3).Contains(f!))!;
        File.AppendAllText(Path.Combine(run.Input, changed), "又及。\n");
        var late = Enumerable.Range(0, 100).Select(i => $"late-{i}.txt").First(n => ShardSpec.Of(n, 3) == 1);
        run.Add(late, "2024年1月1日，新文章。\n");

        var (code, _, error) = run.Merge();

        Assert.That(code, Is.EqualTo((int)ExitCode.ShardsNotReady));
        Assert.That(error, Does.Contain("shard 2 of 3 is not complete"));
        Assert.That(error, Does.Contain($"{changed} changed after shard 0 of 3 read it: rerun shard 0 of 3"));
        Assert.That(error, Does.Contain($"{late} is in no shard (it arrived after shard 1 of 3 ran): rerun shard 1 of 3"));
        Assert.That(error, Does.Contain("nothing was merged"));
        Assert.That(File.Exists(Path.Combine(run.Split, PipelineDatabase.FileName)), Is.False);
        Assert.That(run.Merge(4).Error, Does.Contain("shard 0 of 4 is missing"), "another split's shards are not these");

        foreach (var i in new[] { 0, 1, 2 }) Assert.That(run.RunShard(i, 3).Code, Is.EqualTo(0));
        Assert.That(run.Merge().Code, Is.EqualTo(0));
        Assert.That(run.RunSingle().Code, Is.EqualTo(0));
        run.AssertSplitEqualsSingle();
    }

    [Test]
    public void A_shard_made_with_another_configuration_or_holding_another_shard_s_article_is_a_mismatch()
    {
        using var run = ManyArticles(6);
        for (var i = 0; i < 2; i++) Assert.That(run.RunShard(i, 2).Code, Is.EqualTo(0));
        // A hand-edited manifest that claims an article of shard 0 for shard 1 as well.
        var manifestPath = Path.Combine(new ShardFolder(run.Split, new ShardSpec(1, 2)).Committed, ShardManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var foreign = ShardManifest.Read(Path.Combine(new ShardFolder(run.Split, new ShardSpec(0, 2)).Committed, ShardManifest.FileName))!.Articles[0];
        manifest["articles"]!.AsArray().Add(new JsonObject { ["file"] = foreign.File, ["content_hash"] = foreign.ContentHash, ["status"] = "ok" });
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var (code, _, error) = run.Merge();
        Assert.That(code, Is.EqualTo((int)ExitCode.ShardsNotReady));
        Assert.That(error, Does.Contain($"{foreign.File} is in two shards, shard 0 of 2 and shard 1 of 2"));

        File.WriteAllText(run.SplitConfig, File.ReadAllText(run.SplitConfig).Replace("\"docx\", ", ""));
        Assert.That(run.Merge().Error, Does.Contain("shard 0 of 2 was made by another configuration or program version"));
    }
}
