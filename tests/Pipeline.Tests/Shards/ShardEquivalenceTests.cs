using Pipeline.Cli.Commands;
using Pipeline.Running.Shards;

namespace Pipeline.Tests.Shards;

/// <summary>
/// The promise of a split run: N shards and a merge give the output of one run, byte for byte, whatever
/// N (one shard is the plain case; seven leaves shards empty or with one article). Real articles through
/// the repository's full pipeline and every report format (DOCX, PDF, HTML); one bad file, recorded by its shard and
/// reported by the merge; one FIFO, refused unopened by the single run and by the merge alike.
/// </summary>
[NonParallelizable]
public class ShardEquivalenceTests
{
    private SplitRun _run = null!;
    private int _singleCode;

    [OneTimeSetUp]
    public void RunOnce()
    {
        _run = new SplitRun();
        _run.AddRepositoryArticles(12);
        _run.Add("notes.md", "---\ntitle: Notes\n---\n2023年9月5日，中国与东盟发表联合声明。\n");
        _run.Add("empty.txt", "");
        // An entry no run opens: the single run lists it refused, so must the merge.
        if (OperatingSystem.IsLinux()) Hostile.HostileInputs.MakeFifo(Path.Combine(_run.Input, "pipe.txt"));
        var (code, _, error) = _run.RunSingle();
        _singleCode = code;
        Assert.That(code, Is.EqualTo((int)ExitCode.ArticlesFailed), error);
    }

    [OneTimeTearDown]
    public void CleanUp() => _run.Dispose();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void N_shards_and_a_merge_equal_one_run_byte_for_byte(int shards)
    {
        if (Directory.Exists(_run.Split)) Directory.Delete(_run.Split, recursive: true);
        // Out of order on purpose: the scheduler decides the order, never us.
        foreach (var i in Enumerable.Range(0, shards).Reverse())
        {
            var (code, stdout, stderr) = _run.RunShard(i, shards);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stdout, Does.Contain($"shard {i} of {shards} complete"));
        }

        var merge = _run.Merge();
        Assert.That(merge.Code, Is.EqualTo(_singleCode), "a failed article fails the merge as it fails the run: " + merge.Error);
        Assert.That(merge.Out, Does.StartWith($"merged {shards} shards: {(OperatingSystem.IsLinux() ? 15 : 14)} articles: 13 processed, 0 unchanged, 1 failed"));
        Assert.That(merge.Out, Does.Contain("failed: empty.txt"));
        if (OperatingSystem.IsLinux()) Assert.That(merge.Out, Does.Contain("refused: pipe.txt"));
        _run.AssertSplitEqualsSingle();
    }

    [Test]
    public void Rerunning_a_complete_shard_does_nothing_and_merging_twice_changes_nothing()
    {
        if (Directory.Exists(_run.Split)) Directory.Delete(_run.Split, recursive: true);
        for (var i = 0; i < 2; i++) Assert.That(_run.RunShard(i, 2).Code, Is.EqualTo(0));
        var shard = new ShardFolder(_run.Split, new ShardSpec(1, 2));
        var before = Directory.EnumerateFiles(shard.Committed, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = _run.RunShard(1, 2);

        Assert.That(again.Code, Is.EqualTo(0));
        Assert.That(again.Out, Does.Contain("shard 1 of 2 is complete").And.Contain("nothing to do"));
        Assert.That(Directory.EnumerateFiles(shard.Committed, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc),
            Is.EqualTo(before), "not one file of the shard rewritten");
        _run.Merge();
        _run.Merge();
        _run.AssertSplitEqualsSingle();
    }
}
