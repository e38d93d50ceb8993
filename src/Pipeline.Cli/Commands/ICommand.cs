using System.CommandLine;
using Pipeline.Configuration;

namespace Pipeline.Cli.Commands;

/// <summary>
/// One verb of the `pipeline` tool: its System.CommandLine command (options, arguments, help) and what it
/// does. Every verb runs under the same guard (<see cref="CliCommand.Create"/>), so exit codes and error
/// messages are the same everywhere.
/// </summary>
public abstract class CliCommand
{
    public abstract string Name { get; }

    /// <summary>One line for `pipeline --help`.</summary>
    public abstract string Summary { get; }

    /// <summary>What `pipeline NAME --help` adds below the summary (exit codes, formats).</summary>
    protected virtual string? Details => null;

    /// <summary>The options and arguments, created per command line (System.CommandLine symbols belong to one parent).</summary>
    protected abstract IEnumerable<Symbol> Symbols();

    protected abstract ExitCode Execute(ParseResult parse, CommandContext context);

    public Command Create(CommandContext context)
    {
        var command = new Command(Name, Details is null ? Summary : $"{Summary}\n\n{Details}");
        foreach (var symbol in Symbols())
        {
            if (symbol is Option option) command.Options.Add(option);
            else if (symbol is Argument argument) command.Arguments.Add(argument);
        }
        command.SetAction(parse => (int)Guarded(parse, context));
        return command;
    }

    /// <summary>
    /// Usage and configuration mistakes become one line and exit code 2, a stop becomes 130, and a bug a
    /// named internal error: never a stack trace for something the user can fix.
    /// </summary>
    private ExitCode Guarded(ParseResult parse, CommandContext context)
    {
        try
        {
            var code = Execute(parse, context);
            return context.Cancellation.IsCancellationRequested ? ExitCode.Stopped : code;
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine($"pipeline {Name}: stopped");
            return ExitCode.Stopped;
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"pipeline {Name}: {e.Message}\nRun 'pipeline {Name} --help' for usage.");
            return ExitCode.UsageOrConfig;
        }
        catch (ConfigException e)
        {
            context.Error.WriteLine($"pipeline {Name}: {e.Message}");
            return ExitCode.UsageOrConfig;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be created or read is the user's to fix, like a configuration error.
            context.Error.WriteLine($"pipeline {Name}: {e.Message}");
            return ExitCode.UsageOrConfig;
        }
        catch (Exception e) when (e is not OutOfMemoryException && Environment.GetEnvironmentVariable("PIPELINE_DEBUG") is null)
        {
            context.Error.WriteLine($"pipeline {Name}: internal error: {e.GetType().Name}: {e.Message} " +
                                    "(set PIPELINE_DEBUG=1 for the stack trace, and please report it)");
            return ExitCode.InternalError;
        }
    }
}

/// <summary>Every exit code of the tool, for every command.</summary>
public enum ExitCode
{
    Success = 0,
    /// <summary>An article failed, or a stage failed on one (the others were still processed); with --fail-on warning, warnings too.</summary>
    ArticlesFailed = 1,
    UsageOrConfig = 2,
    /// <summary>`merge`: a shard is missing, unfinished, or does not match the input or the configuration (each is named).</summary>
    ShardsNotReady = 3,
    /// <summary>A bug of the tool: the message names it.</summary>
    InternalError = 70,
    /// <summary>Ctrl+C or SIGTERM (128 + SIGINT, as shells report it): finished files are kept.</summary>
    Stopped = 130,
}

/// <summary>Where a command writes and how it is stopped (Ctrl+C / SIGTERM cancel the token).</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, CancellationToken Cancellation)
{
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Whether stdout is a terminal (someone reads as it is written), not a file or a pipe.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>The terminal's width, for progress lines that must not wrap; 80 when unknown.</summary>
    public int TerminalWidth { get; init; } = 80;

    /// <summary>
    /// True when the command is the whole process (the `pipeline` executable), not a call from a test or
    /// host: then it may set process-wide limits such as the managed heap cap.
    /// </summary>
    public bool OwnsProcess { get; init; }
}

/// <summary>A usage error found after parsing (a value out of range, a missing path): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
