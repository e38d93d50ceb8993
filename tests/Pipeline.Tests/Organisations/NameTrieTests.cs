using Pipeline.Organisations;

namespace Pipeline.Tests.Organisations;

/// <summary>The gazetteer's trie against the plainest possible search: every name tried at every position.</summary>
public class NameTrieTests
{
    private static List<string> ShippedNames() =>
        Gazetteer.Default.Entries.SelectMany(e => e.AllNames()).Distinct(StringComparer.Ordinal).ToList();

    private static string Fold(string s) => new([.. s.Select(NameFolding.Fold)]);

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Longest name at <paramref name="start"/> by trying each one, with the documented rules.</summary>
    private static (int End, string? Name) BruteForce(List<(string Folded, string Name)> names, string text, int start)
    {
        var folded = Fold(text);
        (int End, string? Name) best = (-1, null);
        foreach (var (f, name) in names)
        {
            var end = start + f.Length;
            if (end > text.Length || string.CompareOrdinal(folded, start, f, 0, f.Length) != 0) continue;
            if (IsWordChar(f[0]) && start > 0 && IsWordChar(folded[start - 1])) continue;
            if (IsWordChar(f[^1]) && end < text.Length && IsWordChar(folded[end])) continue;
            if (end > best.End) best = (end, name);
        }
        return best;
    }

    private static IEnumerable<string> Texts()
    {
        var folders = new[] { "input", Path.Combine("tests", "Pipeline.Tests", "Robustness") };
        foreach (var folder in folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, folder), "*.txt", SearchOption.AllDirectories).Order())
                yield return File.ReadAllText(file);
        // Full-width forms, names glued to Latin words, a name at the very end.
        yield return "Ｇ２０财长会议，G20峰会，GG20不是，G20s也不是，APEC。NATO-led forces; the UN. 联合国";
    }

    [Test]
    public void Finds_the_longest_name_at_every_position_of_real_text_as_trying_every_name_does()
    {
        var names = ShippedNames();
        var trie = NameTrie<string>.Build(names.Select(n => (n, n)));
        var folded = names.Select(n => (Fold(n), n)).ToList();
        var positions = 0;
        var found = 0;
        foreach (var text in Texts())
            for (var i = 0; i < text.Length; i++)
            {
                var expected = BruteForce(folded, text, i);
                var actual = trie.LongestAt(text, i);
                Assert.That(actual, Is.EqualTo(expected), $"at {i}: {text.Substring(i, Math.Min(20, text.Length - i))}");
                positions++;
                if (actual.End > 0) found++;
            }
        Assert.That(positions, Is.GreaterThan(20_000));
        Assert.That(found, Is.GreaterThan(300), "the texts name known bodies");
    }

    [TestCase("The People’s Daily said", 4, 18)] // the typographic apostrophe of published English
    [TestCase("The People 's Daily said", 4, 19)] // tokenised news (CoNLL) writes the possessive apart
    [TestCase("The People's Daily said", 4, 18)]
    [TestCase("The People ' s Daily said", 4, -1)]
    [TestCase("The People 'Daily' said", 4, -1)]
    public void A_name_with_an_apostrophe_matches_as_published_and_as_tokenised(string text, int start, int end)
    {
        var trie = NameTrie<string>.Build([("People's Daily", "media"), ("People", "plain")]);
        var (found, value) = trie.LongestAt(text, start);
        Assert.That(end < 0 ? value : (found, value).ToString(), Is.EqualTo(end < 0 ? "plain" : (end, "media").ToString()));
    }

    [Test]
    public void A_name_given_twice_keeps_its_first_value_and_an_empty_name_is_ignored()
    {
        var trie = NameTrie<string>.Build([("联合国", "first"), ("", "empty"), ("联合国", "second"), ("联合国大会", "assembly")]);
        Assert.That(trie.LongestAt("联合国秘书长", 0), Is.EqualTo((3, "first")));
        Assert.That(trie.LongestAt("联合国大会", 0), Is.EqualTo((5, "assembly")));
        Assert.That(trie.LongestAt("秘书长", 0), Is.EqualTo((-1, (string?)null)));
    }
}
