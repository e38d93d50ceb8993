using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>
/// What went wrong on the command line, in a few lines: an unknown command or option is named with the
/// nearest real ones ("did you mean --force?"), every other problem is System.CommandLine's own message.
/// </summary>
public static class ParseErrors
{
    private const string Unrecognized = "Unrecognized command or argument";

    public static IEnumerable<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var atRoot = command is RootCommand;
        var unmatched = parse.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-'))
            {
                var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--"));
                yield return $"unknown option '{token}'{Suggest(token, names)}";
                // The option's value is not a second mistake.
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-')) i++;
            }
            else if (atRoot)
                yield return $"unknown command '{token}'{Suggest(token, command.Subcommands.Select(c => c.Name))}";
            else
                yield return $"unexpected argument '{token}'";
        }
        foreach (var error in parse.Errors)
        {
            if (error.Message.StartsWith(Unrecognized, StringComparison.Ordinal)) continue;
            if (atRoot && unmatched.Count > 0) continue; // "Required command was not provided": the unknown one said it
            yield return error.Message.Replace("\n", " ").Replace("\t", "");
        }
    }

    /// <summary>" (did you mean 'run'?)" for names within two edits, or starting alike; "" when nothing is close.</summary>
    public static string Suggest(string typed, IEnumerable<string> names)
    {
        var close = names.Distinct()
            .Select(n => (Name: n, Distance: Distance(typed, n)))
            .Where(x => x.Distance <= Math.Max(2, typed.Length / 3) || x.Name.StartsWith(typed, StringComparison.Ordinal) && typed.Length > 2)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3).Select(x => $"'{x.Name}'").ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(" or ", close)}?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
