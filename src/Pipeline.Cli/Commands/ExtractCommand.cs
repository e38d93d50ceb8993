using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline extract PATH...`: one JSON entity a line on stdout, in the annotation format.</summary>
public sealed class ExtractCommand : CliCommand
{
    public override string Name => "extract";
    public override string Summary => "print the entities of files or folders as JSON lines (the annotation format)";

    protected override string Details => """
        Each line: doc, type, start, end (code points), text, value (DATE), canonical (ORG, AGREEMENT),
        confidence, source. A file that fails, or a stage that fails on one, is reported on stderr and
        the exit code is 1; the other files are still printed.
        """;

    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<bool> _noMl = CommonOptions.NoMl();
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Argument<string[]> _paths =
        CommonOptions.Paths("an article file, or a folder whose article files are read (sidecars skipped)", ArgumentArity.OneOrMore);

    protected override IEnumerable<Symbol> Symbols() => [_config, _noMl, _jobs, _paths];

    private static void WriteOut(CommandContext context, System.Text.StringBuilder pending)
    {
        if (pending.Length == 0) return;
        context.Out.Write(pending.ToString());
        pending.Clear();
    }

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var session = new ExtractionSession(parse.GetValue(_config), parse.GetValue(_jobs), parse.GetValue(_noMl));
        // The console writer flushes every call. A terminal gets each article's lines as soon as it is done; a file or
        // a pipe gets them 64 KB at a time, whole articles, in the order they were done: a write, and a wake-up of the
        // reading process, for every article cost a tenth of the wall time of a folder of short news.
        var pending = new System.Text.StringBuilder();
        var failed = session.ProcessEach(parse.GetValue(_paths)!, context, article =>
        {
            Output.EntityJson.AppendLines(article, pending);
            if (context.OutIsTerminal || pending.Length >= 1 << 16) WriteOut(context, pending);
        });
        WriteOut(context, pending);
        return failed == 0 ? ExitCode.Success : ExitCode.ArticlesFailed;
    }
}
