using System.CommandLine;
using Pipeline.Evaluation;
using Pipeline.Model;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline evaluate --gold GOLD PATH...`: extracts, then scores exactly as the reference scorer does.</summary>
public sealed class EvaluateCommand : CliCommand
{
    public override string Name => "evaluate";
    public override string Summary => "extract and score against gold (the same numbers as score.py)";

    protected override string Details => """
        Either --gold with the article files or folders to extract from, or --corpus: an annotated
        corpus, one {"doc","text","entities"} a line (.jsonl or .jsonl.gz), whose texts are extracted and
        whose entities are the gold. --types restricts scoring to the listed types: gold spans of other
        types (PER, LOC, MISC, OTHER) are ignored, optional gold is neither rewarded nor penalised.
        By default (--split auto) a corpus the models were trained on (recognised by the SHA-256 digest of
        its content that the recogniser's model records) is scored on its held-out documents, the 15 %
        `pipeline train` never sees; any other file, such as a test split, is scored whole.
        """;

    private readonly Option<string?> _gold = new("--gold") { Description = "a .jsonl gold file or a folder of them", HelpName = "GOLD" };
    private readonly Option<string?> _corpus = new("--corpus")
    {
        Description = "an annotated corpus such as ../shared/data/pd1998-train.jsonl.gz", HelpName = "FILE",
    };
    private readonly Option<string?> _split = new("--split")
    {
        Description = "documents of the corpus: auto (default: the held-out ones of a training corpus, all of any other " +
                      "file), heldout (the ones `pipeline train` never trains on), train, or all",
        HelpName = "auto|heldout|train|all",
    };
    private readonly Option<bool> _relaxed = new("--relaxed") { Description = "an overlapping prediction also counts (one to one, exact matches first)" };
    private readonly Option<bool> _noMl = CommonOptions.NoMl();
    private readonly Option<bool> _json = new("--json") { Description = "print score.py's --json object instead of the table" };
    private readonly Option<bool> _showErrors = new("--show-errors") { Description = "list FP / FN / NORM errors on stderr" };
    private readonly Option<string?> _types = new("--types") { Description = "types to score (default DATE,ORG,AGREEMENT)", HelpName = "T,..." };
    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<int?> _jobs = CommonOptions.Jobs();
    private readonly Argument<string[]> _paths = CommonOptions.Paths("article files or folders (with --gold)", ArgumentArity.ZeroOrMore);

    protected override IEnumerable<Symbol> Symbols() =>
        [_gold, _corpus, _split, _relaxed, _noMl, _json, _showErrors, _types, _config, _jobs, _paths];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var types = parse.GetValue(_types)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ?? [.. Scorer.DefaultTypes];
        // A misspelt type would score as zeros, which reads as a result.
        if (types.FirstOrDefault(t => !EntityTypes.Emitted.Contains(t)) is { } unknown)
            throw new UsageException($"--types: no such type '{unknown}' (the pipeline finds {string.Join(", ", EntityTypes.Emitted)})");
        var paths = parse.GetValue(_paths) ?? [];
        var relaxed = parse.GetValue(_relaxed);
        if (parse.GetValue(_corpus) is { } corpusPath)
        {
            if (parse.GetValue(_gold) is not null || paths.Length > 0)
                throw new UsageException("--corpus brings its own texts and gold: name no --gold and no PATH");
            if (!File.Exists(corpusPath)) throw new UsageException($"no such corpus file: {corpusPath}");
            var session = Session(parse);
            var split = parse.GetValue(_split) is null or "auto"
                ? AutomaticSplit(corpusPath, session, context)
                : AnnotatedCorpus.ParseSplit(parse.GetValue(_split))
                  ?? throw new UsageException($"--split must be auto, heldout, train or all (got '{parse.GetValue(_split)}')");
            List<CorpusDocument> documents;
            try
            {
                documents = AnnotatedCorpus.Read(corpusPath, split).ToList();
            }
            catch (InvalidDataException e)
            {
                context.Error.WriteLine($"pipeline evaluate: {e.Message}");
                return ExitCode.UsageOrConfig;
            }
            var predictions = new List<ScoredEntity>();
            var partial = 0;
            foreach (var article in session.ProcessTexts([.. documents.Select(d => (d.Id, d.Text))], context.Cancellation))
            {
                foreach (var failure in article.Failures) context.Error.WriteLine($"pipeline: {article.Id}: {failure}");
                if (!article.Failures.IsEmpty) partial++;
                predictions.AddRange(ToScored(article));
            }
            var corpusGold = documents.SelectMany(d => d.Gold).ToList();
            return Report(parse, context, Scorer.Score(corpusGold, predictions, types, relaxed), partial);
        }

        var goldPath = parse.GetValue(_gold) ?? throw new UsageException("--gold (or --corpus) is required");
        if (!File.Exists(goldPath) && !Directory.Exists(goldPath)) throw new UsageException($"no such gold file or folder: {goldPath}");
        if (paths.Length == 0) throw new UsageException("name the article files or folders to extract from");
        var gold = Scorer.Load(goldPath);
        var found = new List<ScoredEntity>();
        var failed = Session(parse).ProcessEach(paths, context, article => found.AddRange(ToScored(article)));
        return Report(parse, context, Scorer.Score(gold, found, types, relaxed), failed);
    }

    /// <summary>A training corpus of the models is scored on its held-out documents, any other file whole.</summary>
    private static CorpusSplit AutomaticSplit(string corpusPath, ExtractionSession session, CommandContext context)
    {
        var trainedOn = Recognition.RecogniseStage.TrainedOn(session.Config);
        var digest = CorpusSignatures.Digest(corpusPath);
        var name = Path.GetFileName(corpusPath);
        if (trainedOn.FirstOrDefault(c => c.Digest == digest) is { } corpus)
        {
            context.Error.WriteLine($"pipeline evaluate: {name} is a training corpus of the model ({corpus.Name}): " +
                                    "scoring its held-out documents (--split all for every document)");
            return CorpusSplit.HeldOut;
        }
        context.Error.WriteLine($"pipeline evaluate: {name} is not a training corpus of the model: scoring every document");
        return CorpusSplit.All;
    }

    private ExtractionSession Session(ParseResult parse) =>
        new(parse.GetValue(_config), parse.GetValue(_jobs), parse.GetValue(_noMl));

    private ExitCode Report(ParseResult parse, CommandContext context, ScoreReport report, int failed)
    {
        context.Out.Write(parse.GetValue(_json) ? Scorer.ToJson(report) + "\n" : Scorer.Format(report));
        if (parse.GetValue(_showErrors))
            foreach (var e in report.Errors.OrderBy(e => e.Doc, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal))
                context.Error.WriteLine($"{e.Kind}\t{e.Doc}\t{e.Type}\t{e.Text}\t{e.Detail}");
        return failed == 0 ? ExitCode.Success : ExitCode.ArticlesFailed;
    }

    public static IEnumerable<ScoredEntity> ToScored(Article article)
    {
        var offsets = new TextOffsets(article.Text);
        return article.Entities.Select(e => new ScoredEntity(article.Id, e.Type, offsets.ToCodePoint(e.Start),
            offsets.ToCodePoint(e.End), e.Text, false, e.Value, e.Canonical));
    }
}
