using System.CommandLine;
using System.Globalization;
using Pipeline.Classification;
using Pipeline.Recognition;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline train`: rebuilds the committed models (candidate classifier and recogniser) from the training corpora.</summary>
public sealed class TrainCommand : CliCommand
{
    public override string Name => "train";
    public override string Summary => "retrain the ML.NET models (fixed seed) and print held-out figures";

    protected override string Details => """
        Trains the candidate classifier (pd1998 and the project's labelled titles) and the recogniser (Chinese
        from pd1998 and CLUENER, English from CoNLL-2003), each never on the 15 % of a corpus's documents whose id
        hashes into the held-out share. Models are built into the library: rebuild to use them, or name them in
        pipeline.json (classify.model, recognise.model). Run from the repository root. The same data and seed
        give the same bytes.
        """;

    private readonly Option<string?> _dataDirectory = new("--data-dir")
    {
        Description = "folder of pd1998-train.jsonl.gz, cluener-train.jsonl.gz and conll2003-train.jsonl.gz " +
                      "(default: ../shared/data beside the clone)",
        HelpName = "DIR",
    };
    private readonly Option<string?> _only = new("--only")
    {
        Description = "train one model: classifier (candidate classifier) or recogniser (Chinese and English tagger)",
        HelpName = "classifier|recogniser",
        CustomParser = result => CommonOptions.Parsed(result, "classifier or recogniser",
            token => token is "classifier" or "recogniser" ? token : null),
    };
    private readonly Option<string?> _data = new("--data")
    {
        Description = "pd1998 training data for the classifier (default: DIR/pd1998-train.jsonl.gz)", HelpName = "FILE",
    };
    private readonly Option<string[]> _titles = new("--titles")
    {
        Description = "LABEL<TAB>title files (default: src/Pipeline.Core/Classification/Data/*.tsv as shipped)", HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> _out = new("--out")
    {
        Description = "where the classifier goes (default: the one the library ships, src/Pipeline.Core/Classification/Model/classifier.bin)",
        HelpName = "MODEL",
    };
    private readonly Option<string?> _recogniserOut = new("--recogniser-out")
    {
        Description = "where the recogniser goes (default: the one the library ships, src/Pipeline.Core/Recognition/Model/recogniser.bin)",
        HelpName = "MODEL",
    };
    private readonly Option<double?> _heldOut = new("--held-out")
    {
        Description = "share of pd1998 documents the classifier never trains on (default 0.15, chosen by a hash of the doc id)",
        HelpName = "SHARE",
        CustomParser = result => CommonOptions.Parsed(result, "a share between 0 and 1",
            token => double.TryParse(token, CultureInfo.InvariantCulture, out var s) && s is > 0 and < 1 ? s : (double?)null),
    };

    protected override IEnumerable<Symbol> Symbols() => [_dataDirectory, _only, _data, _titles, _out, _recogniserOut, _heldOut];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        // ML.NET compiles code while it trains, which a natively compiled program cannot do.
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            throw new UsageException("train needs the .NET runtime build of pipeline (ML.NET generates code as it trains): "
                                     + "dotnet run -c Release --project src/Pipeline.Cli -- train");
        var root = RepositoryRoot();
        var only = parse.GetValue(_only);
        var dataDirectory = Path.GetFullPath(parse.GetValue(_dataDirectory) ?? Path.Combine(root, "..", "shared", "data"));
        var options = TrainingOptions.ForRepository(root) with { Pd1998Path = Path.Combine(dataDirectory, "pd1998-train.jsonl.gz") };
        if (parse.GetValue(_data) is { } data) options = options with { Pd1998Path = Path.GetFullPath(data) };
        if (parse.GetValue(_out) is { } output) options = options with { ModelPath = Path.GetFullPath(output) };
        if (parse.GetValue(_titles) is { Length: > 0 } titles) options = options with { TitleFiles = [.. titles.Select(Path.GetFullPath)] };
        if (parse.GetValue(_heldOut) is { } share) options = options with { HeldOutShare = share };
        var recogniser = new RecogniserTrainingOptions
        {
            DataDirectory = dataDirectory,
            ModelPath = Path.GetFullPath(parse.GetValue(_recogniserOut) ?? RecogniserTrainingOptions.DefaultModelPath(root)),
        };

        var needed = new List<string>();
        if (only != "recogniser") needed.Add(options.Pd1998Path);
        if (only != "classifier") needed.AddRange(recogniser.Languages.SelectMany(l => l.Corpora).Select(c => c.Path));
        if (needed.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            throw new UsageException($"training data not found: {missing} (name the folder with --data-dir)");
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
        return ExitCode.Success;
    }

    /// <summary>The folder with Pipeline.sln at or above the current one: the model paths are relative to it.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new UsageException("run `pipeline train` inside the repository (no Pipeline.sln found above the current folder)");
    }
}
