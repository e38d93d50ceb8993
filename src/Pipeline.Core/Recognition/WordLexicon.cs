using System.Collections.Frozen;

namespace Pipeline.Recognition;

/// <summary>
/// How often each word is written in lower case in the training text (hashed, in a few steps): a capitalised
/// word that is usually lower-case ("Article", "Office", "Participants") is a common word in a heading or at a
/// sentence start, not a name. Counting lower-case uses only keeps unseen names and training names alike (zero).
/// Learnt with the tagger and stored in the model as hashes, never as words.
/// </summary>
public sealed class WordLexicon
{
    public static readonly WordLexicon Empty = new(FrozenDictionary<uint, byte>.Empty);

    private readonly FrozenDictionary<uint, byte> _steps;

    public WordLexicon(IReadOnlyDictionary<uint, byte> steps) => _steps = steps.ToFrozenDictionary();

    public int Count => _steps.Count;

    public IEnumerable<KeyValuePair<uint, byte>> Entries => _steps.OrderBy(e => e.Key);

    /// <summary>0: never (or once) seen in lower case; 1: a few times; 2: often; 3: very often.</summary>
    public byte Step(uint lowerHash) => _steps.GetValueOrDefault(lowerHash);

    public static WordLexicon Learn(IEnumerable<string> texts)
    {
        var units = new TextUnits();
        var counts = new Dictionary<uint, int>();
        foreach (var text in texts)
        {
            EnglishTokens.Cut(text, units);
            for (var u = 0; u < units.Count; u++)
            {
                var t = units.UnitText(u);
                if (!IsLowerWord(t)) continue;
                var h = FeatureHash.OfLower(t);
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }
        var steps = new Dictionary<uint, byte>();
        foreach (var (h, n) in counts)
            if (n >= 2) steps[h] = n switch { < 10 => 1, < 100 => 2, _ => 3 };
        return new WordLexicon(steps);
    }

    private static bool IsLowerWord(ReadOnlySpan<char> t)
    {
        var letter = false;
        foreach (var c in t)
        {
            if (char.IsUpper(c)) return false;
            if (char.IsLetter(c)) letter = true;
        }
        return letter;
    }
}
