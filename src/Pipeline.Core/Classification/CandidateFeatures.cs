using System.Runtime.InteropServices;
using Pipeline.Model;
using Pipeline.Organisations;

namespace Pipeline.Classification;

/// <summary>
/// Turns a candidate span and a few characters around it into hashed sparse features: the characters
/// and character pairs of the span, its first and last characters (the suffix says most), the
/// characters just outside it (a particle or a place before a name), its length, script and book
/// marks, and what the proposing rule said (its type, its source and how sure it was), so the model learns
/// how far each rule can be trusted. Hashing keeps the model a fixed size and needs no vocabulary at run time.
/// </summary>
public static class CandidateFeatures
{
    public const int Bits = 18;
    public const int Dimension = 1 << Bits;
    private const int Mask = Dimension - 1;

    /// <summary>Fills <paramref name="indices"/> with the sorted, distinct feature indices of one candidate.</summary>
    public static void Extract(string text, Candidate candidate, List<int> indices)
    {
        indices.Clear();
        var (start, end) = (candidate.Start, candidate.End);
        var span = text.AsSpan(start, end - start);
        var latin = IsLatinSpan(span);

        Add(indices, Hash('S', span));
        var rule = Continue(Hash('p', candidate.ProposedType), candidate.Source);
        Add(indices, Hash('p', candidate.ProposedType));
        Add(indices, Hash('o', candidate.Source));
        Add(indices, rule);
        Add(indices, Step(rule, ConfidenceBucket(candidate.RuleConfidence)));
        Add(indices, Hash('k', candidate.InBookMarks ? "1" : "0"));
        Add(indices, Hash('n', latin ? "latin" : "cjk"));

        if (latin)
            AddWords(span, indices);
        else
        {
            for (var i = 0; i < span.Length; i++)
            {
                Add(indices, Hash('u', span.Slice(i, 1)));
                if (i + 1 < span.Length) Add(indices, Hash('b', span.Slice(i, 2)));
            }
            Add(indices, Hash('L', (char)('a' + Math.Min(span.Length, 16))));
        }
        for (var k = 1; k <= 3 && k <= span.Length; k++)
        {
            Add(indices, Hash((char)('0' + k), span[^k..]));          // suffix
            Add(indices, Hash((char)('3' + k), span[..k]));           // prefix
        }
        // Without the suffix: a place alone before it ("中国" + 政府) is an organ written with its country.
        var placeLength = Places.PlaceAt(text, start, end);
        if (placeLength > 0)
        {
            Add(indices, Hash('P', "starts"));
            if (end - start - placeLength <= 3) Add(indices, Hash('P', "place+suffix"));
        }

        var left1 = start > 0 ? text[start - 1] : '^';
        var right1 = end < text.Length ? text[end] : '$';
        Add(indices, Hash('l', left1));
        Add(indices, Hash('r', right1));
        Add(indices, Hash('c', CharClass(left1)));
        Add(indices, Hash('d', CharClass(right1)));
        if (start > 1) Add(indices, Hash('m', text.AsSpan(start - 2, 2)));
        if (end + 1 < text.Length) Add(indices, Hash('q', text.AsSpan(end, 2)));
        if (span.Length >= 2) Add(indices, Continue(Hash('x', CharClass(left1)), span[^2..]));
        // Nothing more could join on the left: the rules' longest reading, usually the whole name.
        var edge = start == 0 || !OrgCandidateGenerator.IsNameChar(left1);
        Add(indices, Hash('e', edge ? "edge" : "inner"));
        if (span.Length >= 1) Add(indices, Continue(Hash('g', edge ? "edge" : "inner"), span[^1..]));

        SortSmall(CollectionsMarshal.AsSpan(indices));
        var w = 0;
        for (var r = 0; r < indices.Count; r++)
            if (w == 0 || indices[r] != indices[w - 1]) indices[w++] = indices[r];
        indices.RemoveRange(w, indices.Count - w);
    }

    // A candidate has a few dozen features. The runtime's sort reaches each comparison of ints through a comparer
    // object in the native build (4 % of an extraction's CPU); a plain insertion sort of a few dozen is cheaper.
    private static void SortSmall(Span<int> values)
    {
        if (values.Length > 96)
        {
            values.Sort();
            return;
        }
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var j = i - 1;
            for (; j >= 0 && values[j] > v; j--) values[j + 1] = values[j];
            values[j + 1] = v;
        }
    }

    /// <summary>The rule's confidence in five steps: the rules use few distinct values, so steps lose nothing.</summary>
    private static char ConfidenceBucket(double confidence) => confidence switch
    {
        < 0.35 => 'a',
        < 0.5 => 'b',
        < 0.65 => 'c',
        < 0.8 => 'd',
        _ => 'e',
    };

    private static void AddWords(ReadOnlySpan<char> span, List<int> indices)
    {
        var words = 0;
        var first = true;
        var lastStart = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && span[i] == ' ') i++;
            var s = i;
            while (i < span.Length && span[i] != ' ') i++;
            if (i == s) break;
            var word = span[s..i];
            words++;
            Add(indices, Hash('w', word));
            if (first) { Add(indices, Hash('F', word)); first = false; }
            lastStart = s;
            Add(indices, Hash('s', WordShape(word)));
        }
        if (words > 0) Add(indices, Hash('W', span[lastStart..]));
        Add(indices, Hash('N', (char)('a' + Math.Min(words, 10))));
    }

    private static string WordShape(ReadOnlySpan<char> word)
    {
        var upper = 0;
        foreach (var c in word) if (char.IsUpper(c)) upper++;
        return upper == word.Length ? "CAPS" : upper == 0 ? "lower" : char.IsUpper(word[0]) ? "Title" : "mixed";
    }

    private static string CharClass(char c) => c switch
    {
        '^' or '$' => "edge",
        '《' or '》' or '〈' or '〉' => "book",
        '“' or '”' or '"' or '‘' or '’' or '「' or '」' => "quote",
        _ when Scripts.IsHan(c) && OrgCandidateGenerator.IsChineseStop(c) => "particle",
        _ when Scripts.IsHan(c) => "cjk",
        _ when char.IsDigit(c) || c is >= '０' and <= '９' => "digit",
        _ when char.IsWhiteSpace(c) => "space",
        _ when char.IsLetter(c) => char.IsUpper(c) ? "upper" : "lower",
        _ => "punct",
    };

    private static bool IsLatinSpan(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
            if (Scripts.IsHan(c)) return false;
        return true;
    }

    private static void Add(List<int> indices, uint hash) => indices.Add((int)(hash & Mask));

    private static uint Hash(char tag, char c) => Step(Step(2166136261, tag), NameFolding.Fold(c));

    private static uint Hash(char tag, string s) => Hash(tag, s.AsSpan());

    private static uint Hash(char tag, ReadOnlySpan<char> s)
    {
        var h = Step(2166136261, tag);
        foreach (var c in s) h = Step(h, NameFolding.Fold(c));
        return h;
    }

    private static uint Continue(uint h, ReadOnlySpan<char> s)
    {
        h = Step(h, '|');
        foreach (var c in s) h = Step(h, NameFolding.Fold(c));
        return h;
    }

    private static uint Step(uint h, char c) => (h ^ c) * 16777619;
}
