using Pipeline.Configuration;
using Pipeline.Running;
using Pipeline.Stages;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline run`: the whole input folder once, incrementally.</summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";
    public string Summary => "process the input folder: briefings, entities.json, overview (skips unchanged articles)";

    public string Usage => """
        usage: pipeline run [--config FILE] [--force] [--jobs N] [--fail-on error|warning|never]

        Processes every article file (.txt .md .html .htm .docx .pdf) of the configuration's input folder
        into output/<file>/ (entities.json, briefing.docx, briefing.pdf), then output/overview.* and
        output/run-summary.json. Articles unchanged since their last successful run are skipped.

          --config FILE     configuration (default: pipeline.json in the current folder)
          --force           redo every article, changed or not
          --jobs N          articles processed at once (default: "jobs" of the configuration, else one per core)
          --fail-on WHAT    exit 1 when an article fails (error, the default), also when one has
                            warnings (warning), or never

        Exit codes: 0 all articles succeeded, 1 some failed (the others are still processed),
        2 usage or configuration error, 130 stopped by Ctrl+C or SIGTERM (finished files are kept).
        """;

    public int Execute(string[] args, CommandContext context)
    {
        var a = new CommandArgs(args, ["config", "jobs", "fail-on"], ["force"]);
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var failOn = ParseFailOn(a.Get("fail-on"));
        var options = new RunOptions { Force = a.Has("force"), Jobs = a.GetInt("jobs", 1), FailOn = failOn };

        var config = new ConfigLoader(StageCatalog.Default).Load(a.Get("config") ?? "pipeline.json");
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(config.Watchdog);
        using var runner = new BatchRunner(config, ArticlePipeline.FromConfig(config), ReportWriters.All, options);
        var summary = runner.Run(IRunProgress.For(context.Error, context.ErrorIsTerminal), context.Cancellation);
        context.Out.WriteLine(summary.OneLine());
        return summary.ExitCode(failOn);
    }

    public static FailOn ParseFailOn(string? value) => value switch
    {
        null or "error" => FailOn.Error,
        "warning" => FailOn.Warning,
        "never" => FailOn.Never,
        _ => throw new UsageException($"--fail-on must be error, warning or never (got '{value}')"),
    };
}
