using System.CommandLine;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Running;
using Pipeline.Stages;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline watch`: keeps the output up to date while files arrive in the input folder.</summary>
public sealed class WatchCommand : CliCommand
{
    public override string Name => "watch";
    public override string Summary => "process new and changed articles as they appear in the input folder";

    protected override string Details => """
        Processes the input folder like `pipeline run`, then keeps watching it: a new or changed file is
        processed once it has stopped changing for the interval (a copy in progress is waited for), and
        the overview is refreshed after each batch. A version of a file (its content) is never processed
        twice. A deleted file's reports and record go at once, and the overview with them. Stop with Ctrl+C or SIGTERM (exit code 130): finished files are kept, none is left
        half-written.
        """;

    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Option<int?> _interval = new("--interval")
    {
        Description = "how long a file must stay unchanged before it is read, in milliseconds (default 1000)",
        HelpName = "MS",
        CustomParser = result => CommonOptions.AtLeast(result, 50),
    };

    protected override IEnumerable<Symbol> Symbols() => [_config, _interval, _jobs];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        SourceDate.Validate();
        var interval = TimeSpan.FromMilliseconds(parse.GetValue(_interval) ?? 1000);
        var config = new ConfigLoader(StageCatalog.Default).Load(parse.GetValue(_config) ?? "pipeline.json");
        var options = new RunOptions { Jobs = parse.GetValue(_jobs), RetryFailed = false };
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(config.Watchdog);
        using var runner = new BatchRunner(config, PipelineBuilder.From(config).Build(), ReportWriters.All, options);
        runner.InputFiles(); // a missing input folder is a configuration error, before watching starts

        var watch = new FolderWatch(runner, config.InputDirectory, interval);
        watch.BatchCompleted += summary => context.Out.WriteLine(summary.OneLine());
        context.Error.WriteLine($"pipeline: watching {config.InputDirectory} (Ctrl+C to stop)");
        // Plain lines even on a terminal: a bar that restarts for every small batch helps nobody.
        watch.Run(IRunProgress.For(context.Error, terminal: false, context.TerminalWidth), context.Cancellation);
        context.Error.WriteLine("pipeline: stopped");
        return context.Cancellation.IsCancellationRequested ? ExitCode.Stopped : ExitCode.Success;
    }
}
