using Pipeline.Model;
using System.Collections.Immutable;
using System.Reflection;

namespace Pipeline.Organisations;

/// <summary>One known body: its names in both language families, every alias, and what kind of body it is.</summary>
public sealed record GazetteerEntry(string? Chinese, string? English, ImmutableArray<string> Aliases, string Kind)
{
    /// <summary>The canonical in the document's language family, falling back to the other one.</summary>
    public string CanonicalFor(DocumentLanguage language) =>
        language == DocumentLanguage.Chinese ? Chinese ?? English! : English ?? Chinese!;

    public IEnumerable<string> AllNames()
    {
        if (!string.IsNullOrEmpty(Chinese)) yield return Chinese;
        if (!string.IsNullOrEmpty(English)) yield return English;
        foreach (var a in Aliases)
        {
            yield return a;
            // Wire style writes the UN's initials with stops (AP's "U.N. Security Council").
            if (a.StartsWith("UN ", StringComparison.Ordinal)) yield return "U.N. " + a[3..];
        }
        if (LowerCaseHeads.Variant(English ?? "") is { } lower) yield return lower;
        // British style writes an acronym said as a word in title case: Nato, Unesco, Wada.
        foreach (var name in Aliases.Prepend(English ?? ""))
            if (name.Length >= 4 && name.All(char.IsAsciiLetterUpper)) yield return name[0] + name[1..].ToLowerInvariant();
    }
}

/// <summary>A gazetteer name found in a text. End exclusive, UTF-16 indices.</summary>
public readonly record struct GazetteerMatch(int Start, int End, GazetteerEntry Entry);

/// <summary>
/// Known organisations and every name they go by. The shipped list (Data/gazetteer.tsv) is general
/// knowledge; users add their own files with the same format through the stage option `gazetteers`.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "Pipeline.Organisations.Data.gazetteer.tsv";
    private static readonly Lazy<Gazetteer> Shipped = new(() => new Gazetteer(ReadShipped("gazetteer.tsv")));

    private readonly NameTrie<GazetteerEntry> _names;
    private readonly Dictionary<string, GazetteerEntry> _byName = new(StringComparer.Ordinal);

    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        var list = entries.ToImmutableArray();
        Entries = list;
        var names = new List<(string, GazetteerEntry)>();
        foreach (var e in list)
            foreach (var name in e.AllNames())
            {
                // The first entry to claim a name keeps it: shipped entries come before user ones,
                // so a user file can only add names, which keeps the shipped canonicals stable.
                if (_byName.TryAdd(name, e)) names.Add((name, e));
            }
        _names = NameTrie<GazetteerEntry>.Build(names);
    }

    public ImmutableArray<GazetteerEntry> Entries { get; }

    public static Gazetteer Default => Shipped.Value;

    /// <summary>The shipped list plus the user's files (same format), user names never overriding shipped ones.</summary>
    public static Gazetteer WithExtraFiles(IEnumerable<string> paths)
    {
        var extra = paths.SelectMany(p =>
        {
            if (!File.Exists(p)) throw new FileNotFoundException($"gazetteer file not found: {p}", p);
            return Parse(File.ReadLines(p), p);
        }).ToList();
        return extra.Count == 0 ? Default : new Gazetteer(Default.Entries.Concat(extra));
    }

    public GazetteerEntry? Lookup(string name) => _byName.GetValueOrDefault(name);

    // The organisations stage and the recogniser's features each ask for the matches of the same article text, one
    // after the other on the same thread: the second is given what the first was (1.5 % of an extract's CPU).
    [ThreadStatic] private static (Gazetteer Owner, string Text, ImmutableArray<GazetteerMatch> Matches)? t_last;

    /// <summary>Leftmost-longest matches that do not overlap; Latin names only on word boundaries.</summary>
    public ImmutableArray<GazetteerMatch> FindAll(string text)
    {
        if (t_last is var (owner, lastText, matches) && ReferenceEquals(owner, this) && ReferenceEquals(lastText, text))
            return matches;
        var found = Search(text);
        t_last = (this, text, found);
        return found;
    }

    private ImmutableArray<GazetteerMatch> Search(string text)
    {
        var result = new List<GazetteerMatch>();
        var i = 0;
        while (i < text.Length)
        {
            if (_names.LongestAt(text, i) is var (end, entry) && end > i && !EndsInsideWord(text, end))
            {
                result.Add(new GazetteerMatch(i, end, entry!));
                i = end;
            }
            else i++;
        }
        return [.. result];
    }

    // 财政部门, 机械部件, 铁道部队, 建设部署: a ministry's 部 that begins the next word (departments, parts, troops,
    // deploy) ends no name there; nor does a university's 学 in 大学生 (香港大学生: Hong Kong's students).
    private const string WordsStartingWithBu = "门分件队署落";

    private static bool EndsInsideWord(string text, int end) =>
        end < text.Length && (text[end - 1] == '部' && WordsStartingWithBu.Contains(text[end]) ||
                              text[end - 1] == '学' && text[end] == '生');

    public static IEnumerable<GazetteerEntry> Parse(IEnumerable<string> lines, string origin)
    {
        foreach (var (n, line) in DataFileLines.Records(lines))
        {
            var f = line.Split('\t');
            if (f.Length < 2)
                throw new FormatException($"{origin}:{n}: expected 'Chinese<TAB>English<TAB>aliases<TAB>kind'");
            string? zh = f[0].Trim() is { Length: > 0 } z ? z : null;
            string? en = f[1].Trim() is { Length: > 0 } x ? x : null;
            if (zh is null && en is null) throw new FormatException($"{origin}:{n}: an entry needs a Chinese or an English name");
            var aliases = f.Length > 2
                ? f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
                : [];
            var kind = f.Length > 3 && f[3].Trim().Length > 0 ? f[3].Trim() : "organisation";
            yield return new GazetteerEntry(zh, en, aliases, kind);
        }
    }

    internal static IEnumerable<GazetteerEntry> ReadShipped(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } l) lines.Add(l);
        return Parse(lines, fileName).ToList();
    }
}
