using System.CommandLine;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli;

public static class Program
{
    /// <summary>Every verb, in the order `--help` lists them.</summary>
    public static IReadOnlyList<CliCommand> Commands { get; } =
    [
        new RunCommand(),
        new MergeCommand(),
        new WatchCommand(),
        new ExtractCommand(),
        new EvaluateCommand(),
        new TrainCommand(),
        new BenchCommand(),
        new HelpCommand(Run),
        new CompletionCommand(),
    ];

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // let the command finish its current write and stop cleanly
            cts.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                cts.Cancel();
            });
        // Console.Out writes what it is given in pieces of a few hundred bytes, a system call each: `extract` hands it
        // 64 KB at a time, and 2,848 articles piped to a file took 13,584 writes. This writer passes each call on whole.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = true };
        var context = new CommandContext(TextWriter.Synchronized(stdout), Console.Error, cts.Token)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
            OutIsTerminal = !Console.IsOutputRedirected,
            OwnsProcess = true,
            TerminalWidth = Console.IsErrorRedirected ? 80 : Math.Max(40, SafeWindowWidth()),
        };
        return Run(args, context);
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    public static int Run(string[] args, CommandContext context)
    {
        var root = new RootCommand("Briefings from news articles: dates, organisations and agreements, as Word, PDF and JSON.");
        foreach (var command in Commands) root.Subcommands.Add(command.Create(context));
        root.SetAction(_ =>
        {
            context.Error.WriteLine("pipeline: name a command (pipeline --help lists them)");
            return (int)ExitCode.UsageOrConfig;
        });

        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Signals are ours (Main): every command stops cleanly and exits 130.
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count == 0) return parse.Invoke(invocation);

        // A mistyped command or option: say what was not understood and what was probably meant, never the whole usage.
        var name = parse.CommandResult.Command is RootCommand ? "pipeline" : $"pipeline {parse.CommandResult.Command.Name}";
        foreach (var problem in ParseErrors.Describe(parse)) context.Error.WriteLine($"{name}: {problem}");
        context.Error.WriteLine($"Run '{name} --help' for usage.");
        return (int)ExitCode.UsageOrConfig;
    }
}
