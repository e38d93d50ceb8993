using System.Collections;
using Pipeline.Model;

namespace Pipeline.Recognition;

/// <summary>
/// One name, one sense in an article: an English organisation found once with confidence (by a rule, the classifier or
/// the tagger) is the same organisation where its words are written again and nothing else claims them. The tagger
/// judges each mention by its few neighbours and misses repeats in thin contexts ("Biogen rose 2", a club in a results
/// table). Known names need none of this: the gazetteer finds every occurrence itself.
/// </summary>
/// <remarks>
/// English only. Chinese has no word boundaries to tell a repeat from the same characters inside another word, and on
/// pd1998 the rule gained only generic organs (人民检察院 written alone) while adding others (县委县政府): nothing to keep.
/// </remarks>
public static class RepeatedNames
{
    /// <summary>How sure the first finding must be: below it, a repeat would spread a doubtful name through the article.</summary>
    public const double MinConfidence = 0.7;

    /// <param name="kept">the article's entities after the tagger (organisations and everything else, which claim their words).</param>
    /// <param name="taggedOther">persons, places and other names the tagger is sure of: they claim their words too.</param>
    public static List<Entity> Find(string text, IEnumerable<Entity> kept, IEnumerable<(int Start, int End)> taggedOther)
    {
        var claimed = new BitArray(text.Length);
        var byFirstWord = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (var (start, end) in taggedOther) Claim(claimed, start, end);
        foreach (var e in kept)
        {
            Claim(claimed, e.Start, e.End);
            if (e.Type != EntityTypes.Org || e.Source == RuleIds.OrgGazetteer || e.Confidence < MinConfidence) continue;
            var word = WordLength(e.Text, 0);
            if (word == 0 || e.Text.Length < 2) continue;
            var key = e.Text[..word];
            if (!byFirstWord.TryGetValue(key, out var names)) byFirstWord[key] = names = [];
            if (!names.Exists(n => n.Text == e.Text)) names.Add(e);
        }
        var repeats = new List<Entity>();
        if (byFirstWord.Count == 0) return repeats;
        // The longest name first where several begin alike (Battle Mountain Gold before Battle Mountain).
        foreach (var names in byFirstWord.Values) names.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        var lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < text.Length;)
        {
            var word = i == 0 || !char.IsLetterOrDigit(text[i - 1]) ? WordLength(text, i) : 0;
            if (word == 0) { i++; continue; }
            var next = i + word;
            if (lookup.TryGetValue(text.AsSpan(i, word), out var names))
                foreach (var name in names)
                {
                    var end = i + name.Text.Length;
                    if (!text.AsSpan(i).StartsWith(name.Text, StringComparison.Ordinal) ||
                        end < text.Length && char.IsLetterOrDigit(text[end]) || IsClaimed(claimed, i, end)) continue;
                    Claim(claimed, i, end);
                    repeats.Add(name with { Start = i, End = end, Source = RuleIds.OrgRepeat });
                    next = end;
                    break;
                }
            i = next;
        }
        return repeats;
    }

    private static int WordLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        return i - start;
    }

    private static void Claim(BitArray claimed, int start, int end)
    {
        for (var i = Math.Max(start, 0); i < end && i < claimed.Length; i++) claimed[i] = true;
    }

    private static bool IsClaimed(BitArray claimed, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (claimed[i]) return true;
        return false;
    }
}
