using System.Collections.Immutable;
using Pipeline.Classification;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline train`: rebuilds the committed classifier from pd1998 and the project's labelled examples.</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";
    public string Summary => "retrain the ML.NET candidate classifier (fixed seed) and print held-out precision/recall";

    public string Usage => """
        usage: pipeline train [--data PD1998.jsonl.gz] [--titles FILE]... [--out MODEL.zip] [--held-out SHARE]
          --data      pd1998 training data (default: ../shared/data/pd1998-train.jsonl.gz beside the clone)
          --titles    LABEL<TAB>title files (default: src/Pipeline.Core/Classification/Data/*.tsv as shipped)
          --out       where the model goes (default: src/Pipeline.Core/Classification/Model/classifier.zip,
                      the model the library ships; rebuild to use it, or name it in pipeline.json's classify.model)
          --held-out  share of pd1998 documents never trained on (default 0.15, chosen by a hash of the doc id)
        Run from the repository root. The same data and seed give the same model.
        """;

    public int Execute(string[] argv, CommandContext context)
    {
        var args = new CommandArgs(argv, ["data", "titles", "out", "held-out"], []);
        if (args.Positionals.Count > 0) throw new UsageException($"unexpected argument '{args.Positionals[0]}'");
        var options = TrainingOptions.ForRepository(RepositoryRoot());
        if (args.Get("data") is { } data) options = options with { Pd1998Path = Path.GetFullPath(data) };
        if (args.Get("out") is { } output) options = options with { ModelPath = Path.GetFullPath(output) };
        if (args.GetAll("titles") is { Count: > 0 } titles) options = options with { TitleFiles = [.. titles.Select(Path.GetFullPath)] };
        if (args.Get("held-out") is { } share)
        {
            if (!double.TryParse(share, System.Globalization.CultureInfo.InvariantCulture, out var s) || s is <= 0 or >= 1)
                throw new UsageException($"--held-out must be a share between 0 and 1 (got '{share}')");
            options = options with { HeldOutShare = s };
        }
        if (!File.Exists(options.Pd1998Path))
        {
            context.Error.WriteLine($"pipeline train: training data not found: {options.Pd1998Path} (name it with --data)");
            return ExitCodes.UsageOrConfig;
        }
        context.Error.WriteLine($"pipeline train: reading {options.Pd1998Path}");
        var report = new ClassifierTrainer().Train(options);
        context.Out.Write(report.ToString());
        return ExitCodes.Success;
    }

    /// <summary>The folder with Pipeline.sln at or above the current one: the model path is relative to it.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new UsageException("run `pipeline train` inside the repository (no Pipeline.sln found above the current folder)");
    }
}
