using System.CommandLine;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Ingest;
using Pipeline.Running;
using Pipeline.Running.Shards;
using Pipeline.Stages;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline run`: the whole input folder once, incrementally.</summary>
public sealed class RunCommand : CliCommand
{
    public override string Name => "run";
    public override string Summary => "process the input folder: briefings, entities.json, overview (skips unchanged articles)";

    protected override string Details => """
        Every article file (.txt .md .html .htm .docx .pdf) of the configuration's input folder goes to
        output/<file>/ (entities.json and a briefing per report format), then output/overview.*,
        output/run-summary.json and output/pipeline.db. Articles unchanged since their last successful
        run are skipped.

        With --shard-index I --shard-count N (or a scheduler's array index: SLURM_ARRAY_TASK_ID with
        SLURM_ARRAY_TASK_COUNT, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, PIPELINE_SHARD_INDEX with
        PIPELINE_SHARD_COUNT) it runs only shard I of N into output/shards/I-of-N/, committed when complete;
        `pipeline merge` then builds the overview, the run summary and pipeline.db from all N. A complete
        shard is not run again; a killed one is finished where it stopped.

        Exit codes: 0 all articles succeeded, 1 an article failed or a stage failed on one (the others
        are still processed), 2 usage or configuration error, 70 internal error (a bug), 130 stopped by
        Ctrl+C or SIGTERM (finished files are kept, nothing is half-written).
        """;

    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<bool> _force = new("--force", "-f") { Description = "redo every article, changed or not" };
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Option<FailOn> _failOn = FailOnOption();
    private readonly Option<int?> _shardIndex = new("--shard-index")
    {
        Description = "run only shard I (from 0) of --shard-count N (default: the scheduler's array index, if any)",
        HelpName = "I",
        CustomParser = result => CommonOptions.AtLeast(result, 0),
    };
    private readonly Option<int?> _shardCount = CommonOptions.ShardCount();

    protected override IEnumerable<Symbol> Symbols() => [_config, _force, _jobs, _failOn, _shardIndex, _shardCount];

    public static Option<FailOn> FailOnOption() => new("--fail-on")
    {
        Description = "exit 1 when an article fails (error, the default), also when one has warnings (warning), or never",
        HelpName = "error|warning|never",
        CustomParser = result => CommonOptions.Parsed(result, "error, warning or never",
            token => Enum.TryParse<FailOn>(token, ignoreCase: true, out var value) && !int.TryParse(token, out _) ? value : (FailOn?)null)
            ?? FailOn.Error,
    };

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var failOn = parse.GetValue(_failOn);
        var options = new RunOptions { Force = parse.GetValue(_force), Jobs = parse.GetValue(_jobs), FailOn = failOn };
        SourceDate.Validate();
        var (shard, origin) = ShardSelection.Resolve(parse.GetValue(_shardIndex), parse.GetValue(_shardCount));
        var config = new ConfigLoader(StageCatalog.Default).Load(parse.GetValue(_config) ?? "pipeline.json");
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(config.Watchdog);
        var progress = IRunProgress.For(context.Error, context.ErrorIsTerminal, context.TerminalWidth);
        if (shard is not null) return RunShard(shard, origin, config, options, progress, context);

        using var runner = new BatchRunner(config, PipelineBuilder.From(config).Build(), ReportWriters.All, options);
        var summary = runner.Run(progress, context.Cancellation);
        if (summary.Articles.IsEmpty && !summary.Cancelled)
            context.Error.WriteLine($"pipeline: no articles in {config.InputDirectory} (it reads {string.Join(", ", ArticleFiles.Extensions)} files; " +
                                    "sub-folders are not read)");
        context.Out.WriteLine(summary.OneLine());
        return (ExitCode)summary.ExitCode(failOn);
    }

    private static ExitCode RunShard(ShardSpec shard, string origin, PipelineConfig config, RunOptions options,
        IRunProgress progress, CommandContext context)
    {
        context.Error.WriteLine($"pipeline: {shard} ({origin})");
        var runner = new ShardRunner(config, PipelineBuilder.From(config).Build(), ReportWriters.All, options);
        var outcome = runner.Run(shard, progress, context.Error, context.Cancellation);
        if (outcome.Summary is null)
        {
            context.Out.WriteLine($"{shard} is complete ({outcome.Articles} articles, unchanged): nothing to do; {outcome.Folder}");
            return ExitCode.Success;
        }
        context.Out.WriteLine($"{shard}: {outcome.Summary.OneLine()}");
        if (!outcome.Summary.Cancelled) context.Out.WriteLine($"{shard} complete: {outcome.Folder} (`pipeline merge` when all {shard.Count} are)");
        return (ExitCode)outcome.Summary.ExitCode(options.FailOn);
    }
}
