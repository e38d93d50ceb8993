namespace Pipeline.Cli.Commands;

/// <summary>One verb of the `pipeline` tool. Returns the process exit code (see <see cref="ExitCodes"/>).</summary>
public interface ICommand
{
    string Name { get; }
    /// <summary>One line for `pipeline --help`.</summary>
    string Summary { get; }
    /// <summary>Full usage text for `pipeline NAME --help` and usage errors.</summary>
    string Usage { get; }
    /// <summary>Runs with the arguments after the verb; parse them with <see cref="CommandArgs"/>.</summary>
    int Execute(string[] args, CommandContext context);
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int ArticlesFailed = 1;
    public const int UsageOrConfig = 2;
    /// <summary>Stopped by Ctrl+C or SIGTERM, as shells report a SIGINT.</summary>
    public const int Stopped = 130;
}

/// <summary>Where a command writes and how it is stopped (Ctrl+C / SIGTERM cancel the token).</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, CancellationToken Cancellation)
{
    public bool ErrorIsTerminal { get; init; }

    /// <summary>
    /// True when the command is the whole process (the `pipeline` executable), not a call from a test or
    /// host: then it may set process-wide limits such as the managed heap cap.
    /// </summary>
    public bool OwnsProcess { get; init; }
}

/// <summary>Thrown for a usage error: the message is printed with the command's usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
