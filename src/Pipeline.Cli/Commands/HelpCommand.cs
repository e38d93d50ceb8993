using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline help [COMMAND]`: the same page as `pipeline COMMAND --help`, for people who type it that way.</summary>
public sealed class HelpCommand(Func<string[], CommandContext, int> run) : CliCommand
{
    public override string Name => "help";
    public override string Summary => "show the help of a command (pipeline help run), or of the tool";

    private readonly Argument<string?> _command = new("COMMAND") { Description = "the command to explain", Arity = ArgumentArity.ZeroOrOne };

    protected override IEnumerable<Symbol> Symbols() => [_command];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        if (parse.GetValue(_command) is not { } name) return (ExitCode)run(["--help"], context);
        var commands = parse.RootCommandResult.Command.Subcommands.Select(c => c.Name).ToList();
        if (!commands.Contains(name)) throw new UsageException($"unknown command '{name}'{ParseErrors.Suggest(name, commands)}");
        return (ExitCode)run([name, "--help"], context);
    }
}
