using System.CommandLine;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Running;
using Pipeline.Running.Shards;
using Pipeline.Stages;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline merge`: the shards of a split run into the one output a single run would have made.</summary>
public sealed class MergeCommand : CliCommand
{
    public override string Name => "merge";
    public override string Summary => "merge the shards of a split run: overview, run summary and pipeline.db as one run makes them";

    protected override string Details => """
        Checks that every shard under output/shards/ (made by `pipeline run --shard-index I --shard-count N`)
        is complete and that together they hold every article of the input folder exactly once, as it is
        now and made with this configuration and program; then puts each article's files in output/<file>/,
        and writes output/pipeline.db, output/run-summary.json and output/overview.*. Nothing is processed
        again: N shards and a merge give the bytes one run gives (with SOURCE_DATE_EPOCH set).

        Exit codes: 0 merged and every article succeeded, 1 merged but an article failed (named in the
        summary), 2 usage or configuration error, 3 a shard is missing, unfinished or mismatched (each one
        is named, with what to rerun; nothing is merged), 70 internal error (a bug), 130 stopped by Ctrl+C
        or SIGTERM.
        """;

    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<int?> _shardCount = CommonOptions.ShardCount();
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Option<FailOn> _failOn = RunCommand.FailOnOption();

    protected override IEnumerable<Symbol> Symbols() => [_config, _shardCount, _jobs, _failOn];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        SourceDate.Validate();
        var failOn = parse.GetValue(_failOn);
        var count = ShardSelection.MergeCount(parse.GetValue(_shardCount));
        var config = new ConfigLoader(StageCatalog.Default).Load(parse.GetValue(_config) ?? "pipeline.json");
        var options = new RunOptions { Jobs = parse.GetValue(_jobs), FailOn = failOn };
        var merge = new ShardMerge(config, PipelineBuilder.From(config).Build(), ReportWriters.All, options);
        try
        {
            var summary = merge.Merge(count, IRunProgress.For(context.Error, terminal: false), context.Cancellation);
            context.Out.WriteLine($"merged {summary.Shards.Length} shards: {summary.OneLine()}");
            return (ExitCode)summary.ExitCode(failOn);
        }
        catch (ShardMergeException e)
        {
            foreach (var problem in e.Problems) context.Error.WriteLine($"pipeline merge: {problem}");
            context.Error.WriteLine("pipeline merge: nothing was merged");
            return ExitCode.ShardsNotReady;
        }
    }
}
