using Pipeline.Cli.Commands;
using Pipeline.Configuration;

namespace Pipeline.Cli;

public static class Program
{
    /// <summary>Every verb, in the order `--help` lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new RunCommand(),
        new WatchCommand(),
        new ExtractCommand(),
        new EvaluateCommand(),
        new TrainCommand(),
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
        var context = new CommandContext(Console.Out, Console.Error, cts.Token)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
            OwnsProcess = true,
        };
        return Run(args, context);
    }

    public static int Run(string[] args, CommandContext context)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            context.Out.WriteLine(Help());
            return args.Length == 0 ? ExitCodes.UsageOrConfig : ExitCodes.Success;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            context.Error.WriteLine($"pipeline: unknown command '{args[0]}'\n\n{Help()}");
            return ExitCodes.UsageOrConfig;
        }
        var rest = args.Skip(1).ToArray();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            context.Out.WriteLine(command.Usage);
            return ExitCodes.Success;
        }
        try
        {
            return command.Execute(rest, context);
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"pipeline {command.Name}: {e.Message}\n\n{command.Usage}");
            return ExitCodes.UsageOrConfig;
        }
        catch (ConfigException e)
        {
            context.Error.WriteLine($"pipeline {command.Name}: {e.Message}");
            return ExitCodes.UsageOrConfig;
        }
    }

    private static string Help() =>
        "usage: pipeline COMMAND [options]   (pipeline COMMAND --help for details)\n\ncommands:\n" +
        string.Join("\n", Commands.Select(c => $"  {c.Name,-10} {c.Summary}"));
}
