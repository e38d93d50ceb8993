using Pipeline.Evaluation;
using Pipeline.Model;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline evaluate --gold GOLD PATH...`: extracts, then scores exactly as ../shared/spec/score.py does.</summary>
public sealed class EvaluateCommand : ICommand
{
    public string Name => "evaluate";
    public string Summary => "extract and score against gold (same numbers as score.py)";

    public string Usage => """
        usage: pipeline evaluate --gold GOLD [--relaxed] [--no-ml] [--json] [--show-errors] [--types T,...] PATH...
               pipeline evaluate --corpus FILE.jsonl.gz [--types ORG] [--split auto|heldout|train|all] [--relaxed] [--no-ml] ...
          --gold         a .jsonl gold file or a folder of them (ANNOTATION.md format)
          --corpus       an annotated corpus, one {"doc","text","entities"} a line (.jsonl or .jsonl.gz, such as
                         ../shared/data/pd1998-train.jsonl.gz): its texts are extracted and its entities are the gold
          --split        which documents of the corpus: auto (default) scores the held-out documents of a corpus the
                         models were trained on (recognised by a digest of its content that the model records) and every
                         document of any other file (a test split); heldout (the documents `pipeline train` never trains
                         on: 15 % chosen by a hash of the doc id), train, or all
          --relaxed      an overlapping prediction also counts (one to one, exact matches first)
          --no-ml        rules only, to measure what the model adds
          --json         print score.py's --json object instead of the table
          --show-errors  list FP / FN / NORM errors on stderr
          --types        types to score (default DATE,ORG,AGREEMENT); gold spans of other types (PER, LOC, MISC, OTHER)
                         are ignored, optional gold spans are neither rewarded nor penalised
          --config FILE, --jobs N as for extract
        """;

    public int Execute(string[] argv, CommandContext context)
    {
        var args = new CommandArgs(argv, [.. ExtractionSession.ValueOptions, "gold", "types", "corpus", "split"],
            [.. ExtractionSession.FlagOptions, "relaxed", "json", "show-errors"]);
        var types = args.Get("types")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ?? [.. Scorer.DefaultTypes];
        var session = new ExtractionSession(args);
        var predictions = new List<ScoredEntity>();
        if (args.Get("corpus") is { } corpusPath)
        {
            if (args.Get("gold") is not null || args.Positionals.Count > 0)
                throw new UsageException("--corpus brings its own texts and gold: name no --gold and no PATH");
            if (!File.Exists(corpusPath)) throw new UsageException($"no such corpus file: {corpusPath}");
            var split = args.Get("split") is null or "auto"
                ? AutomaticSplit(corpusPath, session, context)
                : AnnotatedCorpus.ParseSplit(args.Get("split"))
                  ?? throw new UsageException($"--split must be auto, heldout, train or all (got '{args.Get("split")}')");
            List<CorpusDocument> documents;
            try
            {
                documents = AnnotatedCorpus.Read(corpusPath, split).ToList();
            }
            catch (InvalidDataException e)
            {
                context.Error.WriteLine($"pipeline evaluate: {e.Message}");
                return ExitCodes.UsageOrConfig;
            }
            foreach (var article in session.ProcessTexts([.. documents.Select(d => (d.Id, d.Text))], context.Cancellation))
                predictions.AddRange(ToScored(article));
            var corpusGold = documents.SelectMany(d => d.Gold).ToList();
            return Report(args, context, Scorer.Score(corpusGold, predictions, types, args.Has("relaxed")), failed: 0);
        }

        var goldPath = args.Get("gold") ?? throw new UsageException("--gold (or --corpus) is required");
        if (!File.Exists(goldPath) && !Directory.Exists(goldPath)) throw new UsageException($"no such gold file or folder: {goldPath}");
        if (args.Positionals.Count == 0) throw new UsageException("name the article files or folders to extract from");
        var gold = Scorer.Load(goldPath);
        var failed = session.ProcessEach(args.Positionals, context, article => predictions.AddRange(ToScored(article)));

        return Report(args, context, Scorer.Score(gold, predictions, types, args.Has("relaxed")), failed);
    }

    /// <summary>A training corpus of the models is scored on its held-out documents, any other file whole.</summary>
    private static CorpusSplit AutomaticSplit(string corpusPath, ExtractionSession session, CommandContext context)
    {
        var recognise = session.Config.Stages.FirstOrDefault(s => s.Descriptor.Name == Recognition.RecogniseStage.Descriptor.Name);
        var trainedOn = recognise is null
            ? Recognition.RecogniserModel.ReadTrainedOn(null)
            : Recognition.RecogniseStage.TrainedOn(recognise.Settings);
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

    private static int Report(CommandArgs args, CommandContext context, ScoreReport report, int failed)
    {
        context.Out.Write(args.Has("json") ? Scorer.ToJson(report) + "\n" : Scorer.Format(report));
        if (args.Has("show-errors"))
            foreach (var e in report.Errors.OrderBy(e => e.Doc, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal))
                context.Error.WriteLine($"{e.Kind}\t{e.Doc}\t{e.Type}\t{e.Text}\t{e.Detail}");
        return failed == 0 ? ExitCodes.Success : ExitCodes.ArticlesFailed;
    }

    public static IEnumerable<ScoredEntity> ToScored(Article article)
    {
        var offsets = new TextOffsets(article.Text);
        return article.Entities.Select(e => new ScoredEntity(article.Id, e.Type, offsets.ToCodePoint(e.Start),
            offsets.ToCodePoint(e.End), e.Text, false, e.Value, e.Canonical));
    }
}
