namespace Pipeline.Cli.Commands;

/// <summary>
/// GNU-style arguments: `--name value`, `--name=value`, `--flag`, and positionals.
/// Each command declares which options take a value and which are flags; anything else is a usage error.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _options = new();
    private readonly HashSet<string> _flags = new();

    public CommandArgs(IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flagOptions)
    {
        var values = valueOptions.ToHashSet();
        var flags = flagOptions.ToHashSet();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                Positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (!a.StartsWith("--") || a.Length == 2)
            {
                Positionals.Add(a);
                continue;
            }
            var name = a[2..];
            string? inline = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }
            if (flags.Contains(name) && inline is null)
                _flags.Add(name);
            else if (values.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option --{name} needs a value"));
                if (!_options.TryGetValue(name, out var list)) _options[name] = list = [];
                list.Add(value);
            }
            else
            {
                var known = values.Select(v => $"--{v} VALUE").Concat(flags.Select(f => $"--{f}"));
                throw new UsageException($"unknown option --{name} (allowed: {string.Join(", ", known)})");
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public int? GetInt(string name, int min = int.MinValue)
    {
        var s = Get(name);
        if (s is null) return null;
        if (!int.TryParse(s, out var n) || n < min) throw new UsageException($"--{name} must be a whole number ≥ {min} (got '{s}')");
        return n;
    }
}
