using System.Buffers;

namespace Pipeline.Model;

/// <summary>
/// Where any of a fixed list of names occurs in a text, found in one pass: only where some name can start (its first
/// character) are the names compared. Searching the whole text once per name cost time in proportion to the names
/// times the text: 3 % of extracting short news for the known instruments, and for the country names 12 % of a 16 MB
/// document's extraction.
/// </summary>
public sealed class NameOccurrences
{
    private readonly string[] _names;
    private readonly Dictionary<char, int[]> _byFirstChar;
    private readonly SearchValues<char> _firstChars;

    /// <param name="names">the names; an occurrence is reported by its index here (empty names never occur).</param>
    public NameOccurrences(IEnumerable<string> names)
    {
        _names = [.. names];
        _byFirstChar = _names.Select((name, index) => (name, index)).Where(n => n.name.Length > 0)
            .GroupBy(n => n.name[0]).ToDictionary(g => g.Key, g => g.Select(n => n.index).ToArray());
        _firstChars = SearchValues.Create([.. _byFirstChar.Keys]);
    }

    /// <summary>Every occurrence that lies whole in text[start..end), by its start, then in the order of the names.</summary>
    public List<(int Start, int Name)> In(string text, int start, int end)
    {
        var found = new List<(int Start, int Name)>();
        var i = start;
        while (i < end)
        {
            var next = text.AsSpan(i, end - i).IndexOfAny(_firstChars);
            if (next < 0) break;
            i += next;
            foreach (var index in _byFirstChar[text[i]])
                if (text.AsSpan(i, end - i).StartsWith(_names[index], StringComparison.Ordinal)) found.Add((i, index));
            i++;
        }
        return found;
    }
}
