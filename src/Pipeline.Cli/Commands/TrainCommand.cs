using System.CommandLine;
using System.Globalization;
using Pipeline.Classification;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline train`: rebuilds the committed classifier from pd1998 and the project's labelled examples.</summary>
public sealed class TrainCommand : CliCommand
{
    public override string Name => "train";
    public override string Summary => "retrain the ML.NET candidate classifier (fixed seed) and print held-out precision/recall";

    protected override string Details => "Run from the repository root. The same data and seed give the same model.";

    private readonly Option<string?> _data = new("--data")
    {
        Description = "pd1998 training data (default: ../shared/data/pd1998-train.jsonl.gz beside the clone)", HelpName = "FILE",
    };
    private readonly Option<string[]> _titles = new("--titles")
    {
        Description = "LABEL<TAB>title files (default: src/Pipeline.Core/Classification/Data/*.tsv as shipped)", HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> _out = new("--out")
    {
        Description = "where the model goes (default: the model the library ships, src/Pipeline.Core/Classification/Model/classifier.zip)",
        HelpName = "MODEL",
    };
    private readonly Option<double?> _heldOut = new("--held-out")
    {
        Description = "share of pd1998 documents never trained on (default 0.15, chosen by a hash of the doc id)", HelpName = "SHARE",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (double.TryParse(token, CultureInfo.InvariantCulture, out var s) && s is > 0 and < 1) return s;
            result.AddError($"--held-out must be a share between 0 and 1 (got '{token}')");
            return null;
        },
    };

    protected override IEnumerable<Symbol> Symbols() => [_data, _titles, _out, _heldOut];

    protected override ExitCode Execute(ParseResult parse, CommandContext context)
    {
        var options = TrainingOptions.ForRepository(RepositoryRoot());
        if (parse.GetValue(_data) is { } data) options = options with { Pd1998Path = Path.GetFullPath(data) };
        if (parse.GetValue(_out) is { } output) options = options with { ModelPath = Path.GetFullPath(output) };
        if (parse.GetValue(_titles) is { Length: > 0 } titles) options = options with { TitleFiles = [.. titles.Select(Path.GetFullPath)] };
        if (parse.GetValue(_heldOut) is { } share) options = options with { HeldOutShare = share };
        if (!File.Exists(options.Pd1998Path))
            throw new UsageException($"training data not found: {options.Pd1998Path} (name it with --data)");
        context.Error.WriteLine($"pipeline train: reading {options.Pd1998Path}");
        var report = new ClassifierTrainer().Train(options);
        context.Out.Write(report.ToString());
        return ExitCode.Success;
    }

    /// <summary>The folder with Pipeline.sln at or above the current one: the model path is relative to it.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new UsageException("run `pipeline train` inside the repository (no Pipeline.sln found above the current folder)");
    }
}
