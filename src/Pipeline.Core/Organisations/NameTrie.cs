using System.Numerics;
using static Pipeline.Organisations.NameFolding;

namespace Pipeline.Organisations;

/// <summary>
/// A character trie for longest-match lookup. Full-width Latin letters and digits (Ｇ２０, common in
/// Chinese print) and the typographic apostrophe (People’s) are folded to ASCII so one name matches both;
/// folding keeps string length, so offsets stay valid. Names that start or end with a Latin letter or digit only
/// match on word boundaries.
/// </summary>
/// <remarks>
/// Built once from every name and frozen into flat arrays: node n's children are the edges
/// [<c>_first[n]</c>, <c>_first[n + 1]</c>), sorted by character. A dictionary per node had cost a few hundred
/// bytes for each of the gazetteer's ~15,000 prefixes (5 MB of memory first touched at every start).
/// </remarks>
public sealed class NameTrie<T> where T : class
{
    private const int Root = 0;

    private readonly int[] _first;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeNode;
    private readonly T?[] _values;

    // One bit per UTF-16 unit that starts a name (8 KB): most positions of a text start none. The root's edges are
    // in character order, so a character's edge is the number of set bits before it (_rank counts them per word).
    private readonly ulong[] _starts = new ulong[0x10000 / 64];
    private readonly int[] _rank = new int[0x10000 / 64];

    private NameTrie(List<int> first, List<char> edgeChar, List<int> edgeNode, List<T?> values)
    {
        _first = [.. first];
        _edgeChar = [.. edgeChar];
        _edgeNode = [.. edgeNode];
        _values = [.. values];
        for (var e = _first[Root]; e < _first[Root + 1]; e++)
            _starts[_edgeChar[e] >> 6] |= 1UL << (_edgeChar[e] & 63);
        for (int w = 0, count = 0; w < _starts.Length; w++)
        {
            _rank[w] = count;
            count += BitOperations.PopCount(_starts[w]);
        }
    }

    /// <summary>The trie of <paramref name="names"/>; a name given twice keeps its first value.</summary>
    public static NameTrie<T> Build(IEnumerable<(string Name, T Value)> names)
    {
        // Sorted, names sharing a prefix are neighbours: each node covers a range of them, and its children are the
        // runs of equal characters at its depth. A stable sort keeps the first of two equal names first.
        var sorted = names.Where(n => n.Name.Length > 0)
            .Select(n => (Name: Folded(n.Name), n.Value))
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        var first = new List<int>();
        var edgeChar = new List<char>();
        var edgeNode = new List<int>();
        var values = new List<T?> { null };
        // Nodes are numbered in breadth-first order, so each node's edges are appended in one run.
        var queue = new Queue<(int Lo, int Hi, int Depth)>();
        queue.Enqueue((0, sorted.Count, 0));
        for (var node = 0; queue.TryDequeue(out var range); node++)
        {
            first.Add(edgeChar.Count);
            var (lo, hi, depth) = range;
            if (lo < hi && sorted[lo].Name.Length == depth)
            {
                values[node] = sorted[lo].Value;
                while (lo < hi && sorted[lo].Name.Length == depth) lo++;
            }
            while (lo < hi)
            {
                var c = sorted[lo].Name[depth];
                var end = lo + 1;
                while (end < hi && sorted[end].Name[depth] == c) end++;
                edgeChar.Add(c);
                edgeNode.Add(values.Count);
                values.Add(null);
                queue.Enqueue((lo, end, depth + 1));
                lo = end;
            }
        }
        first.Add(edgeChar.Count);
        return new NameTrie<T>(first, edgeChar, edgeNode, values);
    }

    /// <summary>The end (exclusive) and value of the longest name starting at <paramref name="start"/>.</summary>
    public (int End, T? Value) LongestAt(string text, int start)
    {
        var first = Fold(text[start]);
        var word = _starts[first >> 6];
        var bit = 1UL << (first & 63);
        if ((word & bit) == 0) return (-1, null);
        var latinStart = IsWordChar(first);
        if (latinStart && start > 0 && IsWordChar(Fold(text[start - 1]))) return (-1, null);
        var node = _edgeNode[_first[Root] + _rank[first >> 6] + BitOperations.PopCount(word & (bit - 1))];
        var bestEnd = -1;
        T? best = null;
        for (var i = start; ; )
        {
            if (_values[node] is { } value)
            {
                var end = i + 1;
                var latinEnd = IsWordChar(Fold(text[i]));
                if (!(latinEnd && end < text.Length && IsWordChar(Fold(text[end]))))
                {
                    bestEnd = end;
                    best = value;
                }
            }
            if (++i >= text.Length) break;
            var c = Fold(text[i]);
            // Tokenised news writes a possessive apart (CoNLL's "National People 's Congress"): the space is skipped
            // where the name goes on with an apostrophe and has no space of its own here.
            if (c == ' ' && i + 1 < text.Length && Fold(text[i + 1]) == '\'' && Child(node, ' ') < 0)
                c = Fold(text[++i]);
            node = Child(node, c);
            if (node < 0) break;
        }
        return (bestEnd, best);
    }

    private int Child(int node, char c)
    {
        int lo = _first[node], hi = _first[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _edgeChar[mid];
            if (m == c) return _edgeNode[mid];
            if (m < c) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    private static string Folded(string name) => string.Create(name.Length, name, (span, s) =>
    {
        for (var i = 0; i < s.Length; i++) span[i] = Fold(s[i]);
    });

    private static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
