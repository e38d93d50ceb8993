using Pipeline.Configuration;
using Pipeline.Running;
using Pipeline.Stages;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline watch`: keeps the output up to date while files arrive in the input folder.</summary>
public sealed class WatchCommand : ICommand
{
    public string Name => "watch";
    public string Summary => "process new and changed articles as they appear in the input folder";

    public string Usage => """
        usage: pipeline watch [--config FILE] [--interval MS] [--jobs N]

        Processes the input folder like `pipeline run`, then keeps watching it: a new or changed file is
        processed once it has stopped changing for the interval (a copy in progress is waited for),
        and the overview is refreshed after each batch. A version of a file (its content) is never
        processed twice. Stop with Ctrl+C or SIGTERM: finished files are kept, none is left half-written.

          --config FILE     configuration (default: pipeline.json in the current folder)
          --interval MS     how long a file must stay unchanged before it is read (default 1000)
          --jobs N          articles processed at once (default: "jobs" of the configuration)
        """;

    public int Execute(string[] args, CommandContext context)
    {
        var a = new CommandArgs(args, ["config", "interval", "jobs"], []);
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var interval = TimeSpan.FromMilliseconds(a.GetInt("interval", 50) ?? 1000);
        var config = new ConfigLoader(StageCatalog.Default).Load(a.Get("config") ?? "pipeline.json");
        var options = new RunOptions { Jobs = a.GetInt("jobs", 1), RetryFailed = false };
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(config.Watchdog);
        using var runner = new BatchRunner(config, ArticlePipeline.FromConfig(config), ReportWriters.All, options);
        runner.InputFiles(); // a missing input folder is a configuration error, before watching starts

        var watch = new FolderWatch(runner, config.InputDirectory, interval);
        watch.BatchCompleted += summary => context.Out.WriteLine(summary.OneLine());
        context.Error.WriteLine($"pipeline: watching {config.InputDirectory} (Ctrl+C to stop)");
        // Plain lines even on a terminal: a bar that restarts for every small batch helps nobody.
        watch.Run(IRunProgress.For(context.Error, terminal: false), context.Cancellation);
        context.Error.WriteLine("pipeline: stopped");
        return ExitCodes.Success;
    }
}
