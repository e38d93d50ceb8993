namespace Pipeline.Cli.Commands;

/// <summary>`pipeline extract PATH...`: one JSON entity a line on stdout, in the format of ANNOTATION.md.</summary>
public sealed class ExtractCommand : ICommand
{
    public string Name => "extract";
    public string Summary => "print the entities of files or folders as JSON lines (ANNOTATION.md format)";

    public string Usage => """
        usage: pipeline extract [--config FILE] [--no-ml] [--jobs N] PATH...
          PATH      an article file, or a folder whose article files are read (sidecars skipped)
          --config  pipeline.json to take the stages from (default: ./pipeline.json if present)
          --no-ml   rules only: candidates keep the type the rules proposed
          --jobs    articles processed at once (default: the core count)
        Each line: doc, type, start, end (code points), text, value (DATE), canonical (ORG, AGREEMENT),
        confidence, source. A file that fails is reported on stderr; exit code 1 if any failed.
        """;

    public int Execute(string[] argv, CommandContext context)
    {
        var args = new CommandArgs(argv, ExtractionSession.ValueOptions, ExtractionSession.FlagOptions);
        if (args.Positionals.Count == 0) throw new UsageException("name at least one file or folder");
        var session = new ExtractionSession(args);
        var failed = session.ProcessEach(args.Positionals, context, article =>
        {
            foreach (var line in Output.EntityJson.Lines(article)) context.Out.WriteLine(line);
        });
        if (context.Cancellation.IsCancellationRequested) return ExitCodes.Stopped;
        return failed == 0 ? ExitCodes.Success : ExitCodes.ArticlesFailed;
    }
}
