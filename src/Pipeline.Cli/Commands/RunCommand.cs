using System.CommandLine;
using Pipeline.Configuration;
using Pipeline.Running;
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

        Exit codes: 0 all articles succeeded, 1 an article failed or a stage failed on one (the others
        are still processed), 2 usage or configuration error, 130 stopped by Ctrl+C or SIGTERM
        (finished files are kept, nothing is half-written).
        """;

    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<bool> _force = new("--force", "-f") { Description = "redo every article, changed or not" };
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Option<FailOn> _failOn = FailOnOption();

    protected override IEnumerable<Symbol> Symbols() => [_config, _force, _jobs, _failOn];

    public static Option<FailOn> FailOnOption() => new("--fail-on")
    {
        Description = "exit 1 when an article fails (error, the default), also when one has warnings (warning), or never",
        HelpName = "error|warning|never",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (Enum.TryParse<FailOn>(token, ignoreCase: true, out var value) && !int.TryParse(token, out _)) return value;
            result.AddError($"--fail-on must be error, warning or never (got '{token}')");
            return FailOn.Error;
        },
    };

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var failOn = parse.GetValue(_failOn);
        var options = new RunOptions { Force = parse.GetValue(_force), Jobs = parse.GetValue(_jobs), FailOn = failOn };
        var config = new ConfigLoader(StageCatalog.Default).Load(parse.GetValue(_config) ?? "pipeline.json");
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(config.Watchdog);
        using var runner = new BatchRunner(config, PipelineBuilder.From(config).Build(), ReportWriters.All, options);
        var summary = runner.Run(IRunProgress.For(context.Error, context.ErrorIsTerminal, context.TerminalWidth), context.Cancellation);
        context.Out.WriteLine(summary.OneLine());
        return (ExitCode)summary.ExitCode(failOn);
    }
}
