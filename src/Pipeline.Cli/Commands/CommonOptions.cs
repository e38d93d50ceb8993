using System.CommandLine;
using System.CommandLine.Parsing;

namespace Pipeline.Cli.Commands;

/// <summary>The options several commands share, spelled and described the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "configuration file (default: pipeline.json in the current folder)",
        HelpName = "FILE",
    };

    public static Option<int?> Jobs() => new("--jobs", "-j")
    {
        Description = "articles processed at once (default: \"jobs\" of the configuration, else one per core)",
        HelpName = "N",
        CustomParser = result => AtLeast(result, 1),
    };

    public static Option<int?> ShardCount() => new("--shard-count")
    {
        Description = "how many shards the input is split into (default: the scheduler's count, or PIPELINE_SHARD_COUNT)",
        HelpName = "N",
        CustomParser = result => AtLeast(result, 1),
    };

    public static Option<bool> NoMl() => new("--no-ml")
    {
        Description = "rules only: every model is switched off, to measure what the models add",
    };

    /// <summary>
    /// Article files or folders. A token that looks like an option and names no file is an unknown option
    /// ("--colour"), not a missing file.
    /// </summary>
    public static Argument<string[]> Paths(string description, ArgumentArity arity)
    {
        var paths = new Argument<string[]>("PATH") { Description = description, Arity = arity };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value))
                if (token.StartsWith('-') && !File.Exists(token) && !Directory.Exists(token))
                {
                    var command = (result.Parent as CommandResult)?.Command;
                    var names = command?.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--")) ?? [];
                    result.AddError($"unknown option '{token}'{ParseErrors.Suggest(token, names)}");
                }
        });
        return paths;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, or a parse error that names the option.</summary>
    public static int? AtLeast(ArgumentResult result, int minimum) =>
        Parsed(result, $"a whole number ≥ {minimum}", token => int.TryParse(token, out var n) && n >= minimum ? n : (int?)null);

    /// <summary>
    /// The option's last token read by <paramref name="parse"/>; where it gives null, a parse error that
    /// names the option, what it must be and what was given.
    /// </summary>
    public static T? Parsed<T>(ArgumentResult result, string mustBe, Func<string, T?> parse)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (parse(token) is { } value) return value;
        var name = (result.Parent as OptionResult)?.Option.Name ?? "value";
        result.AddError($"{name} must be {mustBe} (got '{token}')");
        return default;
    }
}
