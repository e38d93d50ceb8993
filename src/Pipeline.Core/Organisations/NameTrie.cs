namespace Pipeline.Organisations;

/// <summary>
/// A character trie for longest-match lookup. Full-width Latin letters and digits (Ｇ２０, common in
/// Chinese print) are folded to ASCII so one name matches both; folding keeps string length, so
/// offsets stay valid. Names that start or end with a Latin letter or digit only match on word boundaries.
/// </summary>
public sealed class NameTrie<T> where T : class
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public T? Value;
    }

    private readonly Node _root = new();

    // One bit per UTF-16 unit that starts a name (8 KB): most positions of a text start none, and a bit test
    // rejects them without hashing into the root's thousands of children.
    private readonly ulong[] _starts = new ulong[0x10000 / 64];

    public void Add(string name, T value)
    {
        if (name.Length == 0) return;
        var first = Fold(name[0]);
        _starts[first >> 6] |= 1UL << (first & 63);
        var node = _root;
        foreach (var raw in name)
        {
            var c = Fold(raw);
            node.Children ??= new Dictionary<char, Node>();
            if (!node.Children.TryGetValue(c, out var next)) node.Children[c] = next = new Node();
            node = next;
        }
        node.Value ??= value;
    }

    /// <summary>The end (exclusive) and value of the longest name starting at <paramref name="start"/>.</summary>
    public (int End, T? Value) LongestAt(string text, int start)
    {
        var first = Fold(text[start]);
        if ((_starts[first >> 6] & (1UL << (first & 63))) == 0) return (-1, null);
        var node = _root;
        var bestEnd = -1;
        T? best = null;
        var latinStart = IsWordChar(first);
        if (latinStart && start > 0 && IsWordChar(Fold(text[start - 1]))) return (-1, null);
        for (var i = start; i < text.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(Fold(text[i]), out node)) break;
            if (node.Value is null) continue;
            var end = i + 1;
            var latinEnd = IsWordChar(Fold(text[i]));
            if (latinEnd && end < text.Length && IsWordChar(Fold(text[end]))) continue;
            bestEnd = end;
            best = node.Value;
        }
        return (bestEnd, best);
    }

    public static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
