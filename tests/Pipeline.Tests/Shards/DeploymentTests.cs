using System.Text.RegularExpressions;
using Pipeline.Running.Shards;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.Shards;

/// <summary>
/// The shipped Kubernetes Jobs, GitHub Actions workflow and Dockerfile: no cluster, runner or Docker
/// engine is here, so their structure is checked (indexed completion, one count everywhere, the merge
/// after the shards, one artifact per shard), and the very commands they run are run locally the way
/// each engine would (its index variable, its artifact transport) and must give one run's bytes.
/// </summary>
[NonParallelizable]
public class DeploymentTests
{
    private static string Deploy => Path.Combine(TestPaths.RepoRoot, "deploy");

    private static List<YamlMappingNode> YamlDocuments(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)!).Value!;

    private static List<string> List(YamlNode? node) =>
        node is YamlSequenceNode seq ? [.. seq.Children.Select(c => ((YamlScalarNode)c).Value!)] : [];

    private static int CountIn(List<string> args) => int.Parse(args[args.IndexOf("--shard-count") + 1]);

    // ---- Kubernetes

    private static (YamlMappingNode Shards, YamlMappingNode Merge, List<YamlMappingNode> All) KubernetesJobs()
    {
        var docs = YamlDocuments(Path.Combine(Deploy, "kubernetes", "split-run.yaml"));
        var jobs = docs.Where(d => Text(d, "kind") == "Job").ToList();
        return (jobs.Single(j => At(j, "spec", "completionMode") is not null), jobs.Single(j => At(j, "spec", "completionMode") is null), docs);
    }

    private static YamlMappingNode Container(YamlMappingNode job, string list = "containers") =>
        (YamlMappingNode)((YamlSequenceNode)At(job, "spec", "template", "spec", list)!).Children.Single();

    [Test]
    public void The_Kubernetes_shards_are_an_Indexed_Job_of_N_retried_per_index_and_the_merge_waits_for_all_of_them()
    {
        var (shards, merge, all) = KubernetesJobs();
        var shardArgs = List(At(Container(shards), "args"));
        var n = CountIn(shardArgs);
        Assert.That(Text(shards, "spec", "completionMode"), Is.EqualTo("Indexed"));
        Assert.That(int.Parse(Text(shards, "spec", "completions")), Is.EqualTo(n), "completions = --shard-count");
        Assert.That(int.Parse(Text(shards, "spec", "parallelism")), Is.LessThanOrEqualTo(n));
        Assert.That(int.Parse(Text(shards, "spec", "backoffLimitPerIndex")), Is.GreaterThan(0));
        Assert.That(Text(shards, "spec", "template", "spec", "restartPolicy"), Is.EqualTo("Never"), "backoffLimitPerIndex needs it");
        Assert.That(shardArgs, Does.Not.Contain("--shard-index"), "the index comes from JOB_COMPLETION_INDEX");
        Assert.That(shardArgs[0], Is.EqualTo("run"));

        var mergeArgs = List(At(Container(merge), "args"));
        Assert.That(mergeArgs[0], Is.EqualTo("merge"));
        Assert.That(CountIn(mergeArgs), Is.EqualTo(n));
        var wait = List(At(Container(merge, "initContainers"), "command"));
        Assert.That(wait, Is.SupersetOf(new[] { "kubectl", "wait", "--for=condition=complete", $"job/{Text(shards, "metadata", "name")}" }),
            "the merge starts only when the shards Job is complete");
        var account = Text(merge, "spec", "template", "spec", "serviceAccountName");
        var binding = all.Single(d => Text(d, "kind") == "RoleBinding");
        Assert.That(Text((YamlMappingNode)((YamlSequenceNode)At(binding, "subjects")!).Children.Single(), "name"), Is.EqualTo(account));
        var role = all.Single(d => Text(d, "kind") == "Role" && Text(d, "metadata", "name") == Text(binding, "roleRef", "name"));
        var rule = (YamlMappingNode)((YamlSequenceNode)At(role, "rules")!).Children.Single();
        Assert.That(List(At(rule, "resources")), Does.Contain("jobs"));
        Assert.That(List(At(rule, "verbs")), Is.SupersetOf(new[] { "get", "watch" }));

        foreach (var job in new[] { shards, merge })
        {
            Assert.That(Text(Container(job), "image"), Is.EqualTo(DockerTag()), "the image deploy/Dockerfile builds");
            Assert.That(Text((YamlMappingNode)((YamlSequenceNode)At(job, "spec", "template", "spec", "volumes")!).Children.Single(),
                "persistentVolumeClaim", "claimName"), Is.EqualTo("pipeline-data"), "shards and merge share one volume");
        }
        Assert.That(Epoch(shards), Is.EqualTo(Epoch(merge)).And.Not.Empty, "one SOURCE_DATE_EPOCH for every pod");
    }

    private static string Epoch(YamlMappingNode job) =>
        ((YamlSequenceNode)At(Container(job), "env")!).Children.Cast<YamlMappingNode>()
        .Where(e => Text(e, "name") == "SOURCE_DATE_EPOCH").Select(e => Text(e, "value")).Single();

    [Test]
    public void The_Kubernetes_pods_commands_run_locally_with_JOB_COMPLETION_INDEX_give_one_run_s_bytes()
    {
        var (shards, merge, _) = KubernetesJobs();
        using var run = new SplitRun();
        run.AddRepositoryArticles(6);
        string[] Local(IEnumerable<string> args) => [.. args.Select(a => a == "/data/pipeline.json" ? run.SplitConfig : a)];
        var epoch = Epoch(shards);

        var n = int.Parse(Text(shards, "spec", "completions"));
        for (var index = 0; index < n; index++)
        {
            var (code, _, error) = SplitRun.CliWith(new Dictionary<string, string>
                { ["JOB_COMPLETION_INDEX"] = index.ToString(), ["SOURCE_DATE_EPOCH"] = epoch }, Local(List(At(Container(shards), "args"))));
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(error, Does.Contain($"shard {index} of {n} (index from JOB_COMPLETION_INDEX"));
        }
        var merged = SplitRun.CliWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch }, Local(List(At(Container(merge), "args"))));
        Assert.That(merged.Code, Is.EqualTo(0), merged.Error);
        Assert.That(SplitRun.CliWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch }, "run", "--config", run.SingleConfig).Code,
            Is.EqualTo(0));
        run.AssertSplitEqualsSingle();
    }

    // ---- GitHub Actions

    private static YamlMappingNode Workflow() =>
        YamlDocuments(Path.Combine(TestPaths.RepoRoot, ".github", "workflows", "split-briefings.yml")).Single();

    private static YamlMappingNode Step(YamlMappingNode job, Func<YamlMappingNode, bool> which) =>
        ((YamlSequenceNode)At(job, "steps")!).Children.Cast<YamlMappingNode>().Single(which);

    private static bool Uses(YamlMappingNode step, string action) => At(step, "uses") is YamlScalarNode s && s.Value!.StartsWith(action);

    private static bool Runs(YamlMappingNode step, string verb) => At(step, "run") is YamlScalarNode s && s.Value!.Contains($"-- {verb} ");

    /// <summary>${{ matrix.shard }}, ${{ env.SHARDS }} as the runner expands them.</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(text, @"\$\{\{\s*([\w.]+)\s*\}\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [Test]
    public void The_Actions_workflow_runs_a_matrix_of_N_shards_with_one_artifact_each_and_a_merge_that_needs_them_all()
    {
        var workflow = Workflow();
        var n = int.Parse(Text(workflow, "env", "SHARDS"));
        var shard = (YamlMappingNode)At(workflow, "jobs", "shard")!;
        var merge = (YamlMappingNode)At(workflow, "jobs", "merge")!;
        Assert.That(List(At(shard, "strategy", "matrix", "shard")), Is.EqualTo(Enumerable.Range(0, n).Select(i => i.ToString())), "one job per index");
        Assert.That(Text(shard, "strategy", "fail-fast"), Is.EqualTo("false"));
        Assert.That(List(At(merge, "needs")), Does.Contain("shard"), "the merge waits for every shard");

        var upload = Step(shard, s => Uses(s, "actions/upload-artifact"));
        var names = Enumerable.Range(0, n).Select(i => Expand(Text(upload, "with", "name"),
            new Dictionary<string, string> { ["matrix.shard"] = i.ToString(), ["env.SHARDS"] = n.ToString() })).ToList();
        Assert.That(names.Distinct().Count(), Is.EqualTo(n), "artifact names are unique per shard");
        Assert.That(names, Is.EqualTo(Enumerable.Range(0, n).Select(i => new ShardSpec(i, n).FolderName)), "named after the shard's folder");
        var download = Step(merge, s => Uses(s, "actions/download-artifact"));
        var pattern = "^" + Regex.Escape(Expand(Text(download, "with", "pattern"), new Dictionary<string, string> { ["env.SHARDS"] = n.ToString() }))
            .Replace(@"\*", ".*") + "$";
        Assert.That(names, Is.All.Match(pattern), "the merge downloads every shard");
        Assert.That(Text(download, "with", "path"), Is.EqualTo("output/shards"));
        foreach (var job in new[] { shard, merge })
            Assert.That(Text(job, "env", "SOURCE_DATE_EPOCH"), Does.Contain("needs.plan.outputs.epoch"), "one timestamp for all jobs");
    }

    [Test]
    public void The_Actions_shard_and_merge_commands_each_on_its_own_runner_with_artifacts_carried_across_give_one_run_s_bytes()
    {
        var workflow = Workflow();
        var n = Text(workflow, "env", "SHARDS");
        var shard = (YamlMappingNode)At(workflow, "jobs", "shard")!;
        var merge = (YamlMappingNode)At(workflow, "jobs", "merge")!;
        using var run = new SplitRun();
        run.AddRepositoryArticles(6);
        string[] Args(YamlMappingNode step, IReadOnlyDictionary<string, string> values, string config)
        {
            var command = Expand(Text(step, "run"), values);
            return [.. command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries), "--config", config];
        }

        foreach (var index in List(At(shard, "strategy", "matrix", "shard")))
        {
            var values = new Dictionary<string, string> { ["matrix.shard"] = index, ["env.SHARDS"] = n };
            var runner = "runner-" + index; // each matrix job has a runner of its own
            var (code, _, error) = SplitRun.Cli(Args(Step(shard, s => Runs(s, "run")), values, run.WriteConfig(runner)));
            Assert.That(code, Is.EqualTo(0), error);
            var upload = Step(shard, s => Uses(s, "actions/upload-artifact"));
            var source = Path.Combine(run.Root, runner, Path.GetRelativePath("output", Expand(Text(upload, "with", "path"), values)));
            CopyFolder(source, Path.Combine(run.Split, "shards", Expand(Text(upload, "with", "name"), values)));
        }
        var merged = SplitRun.Cli(Args(Step(merge, s => Runs(s, "merge")), new Dictionary<string, string> { ["env.SHARDS"] = n }, run.SplitConfig));
        Assert.That(merged.Code, Is.EqualTo(0), merged.Error);
        Assert.That(run.RunSingle().Code, Is.EqualTo(0));
        run.AssertSplitEqualsSingle();
    }

    private static void CopyFolder(string from, string to)
    {
        Assert.That(Directory.Exists(from), $"the artifact's path exists: {from}");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // ---- Dockerfile

    private static List<(string Instruction, string Arguments)> DockerInstructions()
    {
        var text = File.ReadAllText(Path.Combine(Deploy, "Dockerfile")).Replace("\\\n", " ");
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l.Split(' ', 2)[0].ToUpperInvariant(), l.Split(' ', 2)[1].Trim()))];
    }

    /// <summary>The tag the Dockerfile's build line gives the image.</summary>
    private static string DockerTag() =>
        Regex.Match(File.ReadAllText(Path.Combine(Deploy, "Dockerfile")), @"docker build -f deploy/Dockerfile -t (\S+) \.").Groups[1].Value;

    [Test]
    public void The_Dockerfile_builds_the_CLI_on_the_SDK_and_runs_it_on_the_runtime_of_the_same_NET_version()
    {
        var instructions = DockerInstructions();
        var froms = instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();
        var framework = Regex.Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props")), @"<TargetFramework>net([\d.]+)</TargetFramework>").Groups[1].Value;
        Assert.That(froms, Is.EqualTo(new[] { $"mcr.microsoft.com/dotnet/sdk:{framework} AS build", $"mcr.microsoft.com/dotnet/runtime:{framework}" }));
        Assert.That(instructions.Any(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet publish src/Pipeline.Cli/Pipeline.Cli.csproj -c Release") && i.Arguments.Contains("-o /app")));
        Assert.That(instructions, Does.Contain(("COPY", "--from=build /app /app")));
        var assembly = Regex.Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Cli", "Pipeline.Cli.csproj")), "<AssemblyName>(.+)</AssemblyName>").Groups[1].Value;
        Assert.That(instructions, Does.Contain(("ENTRYPOINT", $"[\"dotnet\", \"/app/{assembly}.dll\"]")));
        Assert.That(instructions.Last(i => i.Instruction == "USER").Arguments, Is.Not.EqualTo("root"));

        var ignored = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, ".dockerignore")).Select(l => l.Trim().TrimEnd('/')).ToHashSet();
        foreach (var copy in instructions.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from")))
        {
            var sources = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            foreach (var source in sources)
            {
                Assert.That(File.Exists(Path.Combine(TestPaths.RepoRoot, source)) || Directory.Exists(Path.Combine(TestPaths.RepoRoot, source)),
                    $"COPY {source}: no such path in the repository");
                Assert.That(ignored, Does.Not.Contain(source.TrimEnd('/')), $"COPY {source}: excluded by .dockerignore");
            }
        }
        Assert.That(DockerTag(), Is.EqualTo("pipeline:latest"));
    }
}
