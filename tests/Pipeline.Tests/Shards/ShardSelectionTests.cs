using System.Collections;
using Pipeline.Configuration;
using Pipeline.Running.Shards;

namespace Pipeline.Tests.Shards;

/// <summary>Which shard a process is, from flags or from the variables each batch scheduler sets.</summary>
public class ShardSelectionTests
{
    private static (ShardSpec? Shard, string Origin) Resolve(int? index, int? count, params (string Name, string Value)[] variables) =>
        ShardSelection.Resolve(index, count, new Hashtable(variables.ToDictionary(v => v.Name, v => (object)v.Value)));

    [Test]
    public void Flags_win_and_no_flag_and_no_variable_is_a_plain_run()
    {
        Assert.That(Resolve(null, null).Shard, Is.Null);
        Assert.That(Resolve(2, 4, ("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "8")).Shard, Is.EqualTo(new ShardSpec(2, 4)));
    }

    [Test]
    public void Each_scheduler_s_index_variable_is_read_and_only_Slurm_brings_the_count()
    {
        Assert.That(Resolve(null, null, ("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "4")).Shard, Is.EqualTo(new ShardSpec(3, 4)));
        Assert.That(Resolve(null, 5, ("JOB_COMPLETION_INDEX", "4")).Shard, Is.EqualTo(new ShardSpec(4, 5)));
        Assert.That(Resolve(null, null, ("AWS_BATCH_JOB_ARRAY_INDEX", "0"), ("PIPELINE_SHARD_COUNT", "2")).Shard, Is.EqualTo(new ShardSpec(0, 2)));
        Assert.That(Resolve(null, null, ("PIPELINE_SHARD_INDEX", "1"), ("PIPELINE_SHARD_COUNT", "3")).Shard, Is.EqualTo(new ShardSpec(1, 3)));
        // The flag's count wins over Slurm's (a resubmitted single index has SLURM_ARRAY_TASK_COUNT=1).
        Assert.That(Resolve(null, 4, ("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "1")).Shard, Is.EqualTo(new ShardSpec(2, 4)));
    }

    [Test]
    public void A_missing_count_a_missing_index_or_an_index_out_of_range_is_a_configuration_error_that_says_what_to_pass()
    {
        Assert.That(() => Resolve(null, null, ("JOB_COMPLETION_INDEX", "1")),
            Throws.TypeOf<ConfigException>().With.Message.Contains("JOB_COMPLETION_INDEX (Kubernetes Indexed Job) needs the number of shards: pass --shard-count N"));
        Assert.That(() => Resolve(null, 4), Throws.TypeOf<ConfigException>().With.Message.Contains("no shard index"));
        Assert.That(() => Resolve(4, 4), Throws.TypeOf<ConfigException>().With.Message.Contains("indexes run from 0 to 3"));
        Assert.That(() => Resolve(null, null, ("AWS_BATCH_JOB_ARRAY_INDEX", "x"), ("PIPELINE_SHARD_COUNT", "2")),
            Throws.TypeOf<ConfigException>().With.Message.Contains("AWS_BATCH_JOB_ARRAY_INDEX must be a whole number"));
    }

    [Test]
    public void The_partition_is_a_fixed_function_of_the_relative_path_that_every_version_and_machine_agrees_on()
    {
        // Changing these would make every existing shard folder mismatched: the hash is part of the contract.
        Assert.That(new[] { "a.txt", "b.txt", "新华社-2024.txt", "report.docx" }.Select(f => ShardSpec.Of(f, 7)),
            Is.EqualTo(new[] { 2, 1, 0, 5 }), "SHA-256 of the UTF-8 path, first 8 bytes big-endian, mod N (as Python's hashlib computes it)");
        var names = Enumerable.Range(0, 1000).Select(i => $"article-{i:D4}.txt").ToList();
        var sizes = names.GroupBy(n => ShardSpec.Of(n, 4)).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(sizes.Keys, Is.EquivalentTo(new[] { 0, 1, 2, 3 }));
        Assert.That(sizes.Values, Is.All.InRange(200, 300), "about a quarter each");
    }
}
