using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pipeline.Tests.Shards;

/// <summary>
/// The shipped Slurm scripts on a real Slurm: a one-node cluster from Debian's packages (slurm-wlm,
/// munge) started for the test (deploy/slurm/local-cluster.sh), a 4-shard job array over 300 real
/// articles and a merge job with --dependency=afterok, submitted by deploy/slurm/submit.sh exactly as a
/// user would; the result must equal a single-machine run byte for byte. Reports are DOCX only to keep
/// the test under a minute or two on two cores (the PDF bytes are compared by ShardEquivalenceTests).
/// </summary>
[NonParallelizable]
[Category("Slurm")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SlurmClusterTests
{
    private const int Shards = 4;
    private static string SlurmFolder => Path.Combine(TestPaths.RepoRoot, "deploy", "slurm");

    private static (int Code, string Out, string Err) Bash(string workingDirectory, IDictionary<string, string>? environment,
        TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"bash {string.Join(' ', args)} did not finish in {timeout}");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void SkipWithoutSlurm()
    {
        var missing = new[] { "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch" }.Where(t => !File.Exists(t)).ToList();
        if (missing.Count > 0)
            Assert.Ignore($"skipped: Slurm is not installed ({string.Join(", ", missing.Select(Path.GetFileName))} missing; " +
                          "`apt-get install slurm-wlm munge` brings it, .ci/run does)");
        if (Environment.UserName != "root")
            Assert.Ignore("skipped: starting slurmd and munged needs root");
    }

    [Test]
    public void A_four_shard_job_array_and_its_afterok_merge_on_a_real_Slurm_equal_one_run_byte_for_byte()
    {
        SkipWithoutSlurm();
        using var run = new SplitRun(formats: "[\"docx\"]");
        RealArticles.Write(run.Input, 300);

        var single = Stopwatch.StartNew();
        var (singleCode, _, singleErr) = run.RunSingle();
        single.Stop();
        Assert.That(singleCode, Is.EqualTo(0), singleErr);

        var cluster = Path.Combine(run.Root, "cluster");
        // munged runs as its own user and must reach its socket below the test's folder, whatever the umask.
        File.SetUnixFileMode(run.Root, (UnixFileMode)0b111_101_101);
        var up = Bash(run.Root, null, TimeSpan.FromMinutes(2), Path.Combine(SlurmFolder, "local-cluster.sh"), "start", cluster);
        // Exit code 3: this machine cannot run the daemons (a container without the rights, a package broken):
        // the cluster is the environment's, not the product's, so the test is skipped, saying why.
        if (up.Code == 3)
            Assert.Ignore($"skipped: a local Slurm cluster cannot be started here: {up.Err.Trim().Split('\n')[^1]}");
        try
        {
            Assert.That(up.Code, Is.EqualTo(0), $"the cluster starts: {up.Out}{up.Err}");
            var environment = new Dictionary<string, string>
            {
                ["SLURM_CONF"] = Path.Combine(cluster, "slurm.conf"),
                ["PIPELINE"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "pipeline.dll")}",
                ["PIPELINE_CONFIG"] = run.SplitConfig,
                ["SOURCE_DATE_EPOCH"] = SplitRun.Epoch,
            };
            var slurm = Stopwatch.StartNew();
            var submit = Bash(run.Root, environment, TimeSpan.FromMinutes(1), Path.Combine(SlurmFolder, "submit.sh"), Shards.ToString());
            Assert.That(submit.Code, Is.EqualTo(0), submit.Err);
            var ids = submit.Out.Trim().Split(' ');
            var (array, merge) = (ids[0], ids[1]);

            string State(string job) =>
                Bash(run.Root, environment, TimeSpan.FromMinutes(1), "-c", $"scontrol show job {job}").Out;
            var deadline = Stopwatch.StartNew();
            while (!Regex.IsMatch(State(merge), @"JobState=(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY)")
                   && deadline.Elapsed < TimeSpan.FromMinutes(8))
                Thread.Sleep(1000);
            slurm.Stop();

            var arrayState = State(array);
            var merged = State(merge);
            var logs = string.Join("\n", Directory.GetFiles(run.Root, "pipeline-*.log").Select(f => $"== {f}\n{File.ReadAllText(f)}"));
            Assert.That(Regex.Matches(arrayState, @"JobState=COMPLETED").Count, Is.EqualTo(Shards), $"every shard of the array completed:\n{arrayState}\n{logs}");
            Assert.That(merged, Does.Contain("JobState=COMPLETED").And.Contain($"Dependency=").And.Contain("ExitCode=0:0"), $"{merged}\n{logs}");
            for (var i = 0; i < Shards; i++)
                Assert.That(File.ReadAllText(Path.Combine(run.Root, $"pipeline-shard-{array}_{i}.log")),
                    Does.Contain($"shard {i} of {Shards} (index from SLURM_ARRAY_TASK_ID"), "the index came from Slurm");
            Assert.That(File.ReadAllText(Path.Combine(run.Root, $"pipeline-merge-{merge}.log")),
                Does.StartWith($"merged {Shards} shards: 300 articles: 300 processed"));

            run.AssertSplitEqualsSingle();
            TestContext.Out.WriteLine($"single process: {single.Elapsed.TotalSeconds:0.0} s; Slurm, {Shards} shards + merge, " +
                                      $"submit to merge done: {slurm.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            var down = Bash(run.Root, null, TimeSpan.FromMinutes(1), Path.Combine(SlurmFolder, "local-cluster.sh"), "stop", cluster);
            Assert.That(down.Code, Is.EqualTo(0), down.Err);
        }
    }
}
