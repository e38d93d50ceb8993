using System.Collections.Immutable;

namespace Pipeline.Recognition;

/// <summary>
/// BIOES tags over a few entity types: tag 0 is O, then B, I, E, S for each type in order. The recogniser
/// learns ORG and, where a corpus annotates them, the names an ORG must not be taken for (PER, LOC, MISC).
/// </summary>
public sealed class TagScheme
{
    public const int Outside = 0;
    private const string Parts = "BIES";

    public TagScheme(IEnumerable<string> types)
    {
        Types = [.. types];
        if (Types.IsEmpty) throw new ArgumentException("a tag scheme needs at least one type");
        Count = 1 + 4 * Types.Length;
        _allowed = new bool[Count * Count];
        for (var prev = 0; prev < Count; prev++)
            for (var next = 0; next < Count; next++)
                _allowed[prev * Count + next] = Allowed(prev, next);
    }

    public ImmutableArray<string> Types { get; }

    /// <summary>Number of tags, O included.</summary>
    public int Count { get; }

    private readonly bool[] _allowed;

    public int Begin(int type) => 1 + 4 * type;
    public int Inside(int type) => 2 + 4 * type;
    public int End(int type) => 3 + 4 * type;
    public int Single(int type) => 4 + 4 * type;

    /// <summary>-1 for O.</summary>
    public static int TypeOf(int tag) => tag == Outside ? -1 : (tag - 1) / 4;

    /// <summary>'O', 'B', 'I', 'E' or 'S'.</summary>
    public static char PartOf(int tag) => tag == Outside ? 'O' : Parts[(tag - 1) % 4];

    public string Name(int tag) => tag == Outside ? "O" : $"{PartOf(tag)}-{Types[TypeOf(tag)]}";

    public int TypeIndex(string type) => Types.IndexOf(type);

    /// <summary>Can <paramref name="next"/> follow <paramref name="prev"/> (-1: the sequence starts)?</summary>
    public bool CanFollow(int prev, int next) => prev < 0 ? CanStart(next) : _allowed[prev * Count + next];

    public static bool CanStart(int tag) => PartOf(tag) is 'O' or 'B' or 'S';

    public static bool CanEnd(int tag) => PartOf(tag) is 'O' or 'E' or 'S';

    private static bool Allowed(int prev, int next)
    {
        var p = PartOf(prev);
        var n = PartOf(next);
        if (p is 'B' or 'I') return n is 'I' or 'E' && TypeOf(prev) == TypeOf(next);
        return n is 'O' or 'B' or 'S';
    }

    /// <summary>Tags for units whose spans are given as [start, end) unit ranges; later spans never overwrite earlier ones.</summary>
    public void Encode(ReadOnlySpan<(int Start, int End, int Type)> spans, Span<byte> tags)
    {
        tags.Clear();
        foreach (var (start, end, type) in spans)
        {
            if (end <= start) continue;
            var free = true;
            for (var i = start; i < end && free; i++) free = tags[i] == Outside;
            if (!free) continue;
            if (end - start == 1) tags[start] = (byte)Single(type);
            else
            {
                tags[start] = (byte)Begin(type);
                for (var i = start + 1; i < end - 1; i++) tags[i] = (byte)Inside(type);
                tags[end - 1] = (byte)End(type);
            }
        }
    }
}
