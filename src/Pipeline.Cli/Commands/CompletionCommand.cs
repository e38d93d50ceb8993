using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>
/// `pipeline completion bash|zsh`: a script that completes commands and options by asking the program itself
/// (System.CommandLine's [suggest] directive), so completion never drifts from the real options.
/// </summary>
public sealed class CompletionCommand : CliCommand
{
    public override string Name => "completion";
    public override string Summary => "print a shell completion script (bash or zsh): eval \"$(pipeline completion bash)\"";

    private readonly Argument<string> _shell = new("SHELL")
    {
        Description = "bash or zsh",
        Arity = ArgumentArity.ExactlyOne,
    };

    public CompletionCommand() => _shell.AcceptOnlyFromAmong("bash", "zsh");

    protected override IEnumerable<Symbol> Symbols() => [_shell];

    private const string Bash = """
        _pipeline_complete() {
            local line="${COMP_LINE#* }"
            local cursor=$(( COMP_POINT - ${#COMP_LINE} + ${#line} ))
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${cursor}]" "${line}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _pipeline_complete pipeline
        """;

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        context.Out.WriteLine(parse.GetValue(_shell) == "zsh"
            ? "autoload -U +X bashcompinit && bashcompinit\n" + Bash
            : Bash);
        return ExitCode.Success;
    }
}
