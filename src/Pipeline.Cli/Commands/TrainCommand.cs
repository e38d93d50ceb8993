using Pipeline.Classification;
using Pipeline.Recognition;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline train`: rebuilds the committed models (candidate classifier and recogniser) from the training corpora.</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "retrain the ML.NET models (fixed seed) and print held-out figures";

    public string Usage => """
        usage: pipeline train [--data-dir DIR] [--only classifier|recogniser] [--data PD1998.jsonl.gz] [--titles FILE]...
                              [--out MODEL.zip] [--recogniser-out MODEL.bin] [--held-out SHARE]
          --data-dir        folder of the training corpora: pd1998-train.jsonl.gz, cluener-train.jsonl.gz,
                            conll2003-train.jsonl.gz (default: ../shared/data beside the clone)
          --only            train one model: classifier (candidate classifier) or recogniser (Chinese and English tagger)
          --data            pd1998 file for the classifier (default: DIR/pd1998-train.jsonl.gz)
          --titles          LABEL<TAB>title files (default: src/Pipeline.Core/Classification/Data/*.tsv as shipped)
          --out             the classifier (default: src/Pipeline.Core/Classification/Model/classifier.zip)
          --recogniser-out  the recogniser (default: src/Pipeline.Core/Recognition/Model/recogniser.bin)
          --held-out        share of pd1998 documents the classifier never trains on (default 0.15, by a hash of the
                            doc id); the recogniser holds out the same share of every corpus
        Models are built into the library: rebuild to use them, or name them in pipeline.json (classify.model,
        recognise.model). Run from the repository root. The same data and seed give the same bytes.
        """;

    public int Execute(string[] argv, CommandContext context)
    {
        var args = new CommandArgs(argv, ["data-dir", "only", "data", "titles", "out", "recogniser-out", "held-out"], []);
        if (args.Positionals.Count > 0) throw new UsageException($"unexpected argument '{args.Positionals[0]}'");
        var only = args.Get("only");
        if (only is not (null or "classifier" or "recogniser"))
            throw new UsageException($"--only must be classifier or recogniser (got '{only}')");
        var root = RepositoryRoot();
        var dataDirectory = Path.GetFullPath(args.Get("data-dir") ?? Path.Combine(root, "..", "shared", "data"));

        var options = TrainingOptions.ForRepository(root) with { Pd1998Path = Path.Combine(dataDirectory, "pd1998-train.jsonl.gz") };
        if (args.Get("data") is { } data) options = options with { Pd1998Path = Path.GetFullPath(data) };
        if (args.Get("out") is { } output) options = options with { ModelPath = Path.GetFullPath(output) };
        if (args.GetAll("titles") is { Count: > 0 } titles) options = options with { TitleFiles = [.. titles.Select(Path.GetFullPath)] };
        if (args.Get("held-out") is { } share)
        {
            if (!double.TryParse(share, System.Globalization.CultureInfo.InvariantCulture, out var s) || s is <= 0 or >= 1)
                throw new UsageException($"--held-out must be a share between 0 and 1 (got '{share}')");
            options = options with { HeldOutShare = s };
        }
        var recogniser = new RecogniserTrainingOptions
        {
            DataDirectory = dataDirectory,
            ModelPath = Path.GetFullPath(args.Get("recogniser-out") ?? RecogniserTrainingOptions.DefaultModelPath(root)),
        };

        var needed = new List<string>();
        if (only != "recogniser") needed.Add(options.Pd1998Path);
        if (only != "classifier") needed.AddRange(recogniser.Languages.SelectMany(l => l.Corpora).Select(c => c.Path));
        if (needed.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            context.Error.WriteLine($"pipeline train: training data not found: {missing} (name the folder with --data-dir)");
            return ExitCodes.UsageOrConfig;
        }
        if (only != "recogniser")
        {
            context.Error.WriteLine($"pipeline train: classifier from {options.Pd1998Path}");
            context.Out.Write(new ClassifierTrainer().Train(options).ToString());
        }
        if (only != "classifier")
        {
            context.Error.WriteLine($"pipeline train: recogniser from {dataDirectory}");
            context.Out.Write(new RecogniserTrainer().TrainAll(recogniser, m => context.Error.WriteLine("pipeline train: " + m)).ToString());
        }
        return ExitCodes.Success;
    }

    /// <summary>The folder with Pipeline.sln at or above the current one: the model paths are relative to it.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new UsageException("run `pipeline train` inside the repository (no Pipeline.sln found above the current folder)");
    }
}
