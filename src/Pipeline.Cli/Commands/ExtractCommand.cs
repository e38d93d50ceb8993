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

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var session = new ExtractionSession(parse.GetValue(_config), parse.GetValue(_jobs), parse.GetValue(_noMl));
        var failed = session.ProcessEach(parse.GetValue(_paths)!, context, article =>
        {
            // One write per article: the console writer flushes every call, a system call per entity line otherwise.
            var lines = new System.Text.StringBuilder();
            foreach (var line in Output.EntityJson.Lines(article)) lines.Append(line).Append('\n');
            context.Out.Write(lines.ToString());
        });
        return failed == 0 ? ExitCode.Success : ExitCode.ArticlesFailed;
    }
}
