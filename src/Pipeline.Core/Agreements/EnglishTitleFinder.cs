using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>
/// English instrument titles in running text: a capitalised instrument noun (Treaty, Convention, Declaration…)
/// with the capitalised words before it ("North Atlantic Treaty") and a capitalised complement after it
/// ("Convention against Corruption", "Framework for Security, Public Health, and Safe Communities").
/// A bare head ("the Treaty", "the Framework") is a back-reference and is left out.
/// </summary>
public static partial class EnglishTitleFinder
{
    private readonly record struct Token(int Start, int End, string Text)
    {
        public bool IsCapitalised => Text.Length > 0 && (char.IsUpper(Text[0]) || char.IsDigit(Text[0]));
    }

    // "2+2" is one word: "the 2+2 Ministerial Dialogue".
    [GeneratedRegex(@"[A-Za-z0-9À-ɏ](?:[A-Za-z0-9À-ɏ'’.\-]|\+(?=\d))*")]
    private static partial Regex Word();

    private static readonly HashSet<string> StartConnectors =
        ["of", "on", "to", "for", "against", "between", "concerning", "regarding", "among", "under", "amending"];
    private static readonly HashSet<string> InnerConnectors =
        ["of", "on", "to", "for", "against", "concerning", "regarding", "among", "and", "the", "in", "with", "de", "under", "beyond", "within"];

    // Headlines capitalise long prepositions: "Treaty Between the United States and Croatia on Mutual Legal Assistance".
    private static bool IsConnector(HashSet<string> set, string word) =>
        set.Contains(word) || word.Length >= 5 && char.IsUpper(word[0]) && set.Contains(word.ToLowerInvariant());

    // "Council of Europe Convention on Cybercrime": a body named with "of" in front of the head.
    private static readonly HashSet<string> BodyNouns =
        ["Council", "Court", "Bank", "League", "Organization", "Organisation", "Union", "Community", "Association", "Commonwealth"];

    private static readonly HashSet<string> NotTitleWords =
    [
        "The", "A", "An", "This", "That", "These", "Those", "Its", "Our", "Their", "His", "Her", "My", "Your", "Both", "Each",
        "Any", "No", "Every", "Article", "Articles", "Parties", "Party", "Members", "Member", "Signatories", "Under", "With",
        "By", "For", "In", "On", "At", "After", "Before", "From", "To", "Since", "During", "Through", "Also", "However",
        "Today", "Yesterday", "Tomorrow", "Full", "If", "When", "While", "As", "And", "But", "Or", "Of", "Phase", "Section",
        "Chapter", "Annex", "Senate", "President", "Secretary", "Minister", "We", "I", "They", "It",
    ];

    private static readonly HashSet<string> Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ];

    // Words that alone before a head do not make a name ("Joint Statement" without "on …" is a type, not a title).
    private static readonly HashSet<string> GenericModifiers = ["Joint", "Final", "Action", "Bilateral", "New", "Basic", "Trade", "Peace"];

    public static IEnumerable<Candidate> Find(string text, Func<int, int, bool> isTaken)
    {
        var tokens = Tokenise(text);
        var found = new List<(int Start, int End, string Kind)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var head = tokens[i];
            if (!TitleRules.IsEnglishHead(head.Text)) continue;
            // "Treaty Organization", "Framework Convention": the head is further right.
            if (i + 1 < tokens.Count && Gap(text, head, tokens[i + 1]) == " " && tokens[i + 1].IsCapitalised
                && !Months.Contains(tokens[i + 1].Text) && !IsPossessive(head.Text)
                && !IsConnector(StartConnectors, tokens[i + 1].Text))
                continue;
            var first = i;
            while (first > 0 && Gap(text, tokens[first - 1], tokens[first]) == " " && IsNameWord(tokens[first - 1]))
                first--;
            if (first >= 2 && first < i && tokens[first - 1].Text == "of" && BodyNouns.Contains(tokens[first - 2].Text)
                && Gap(text, tokens[first - 2], tokens[first - 1]) == " " && Gap(text, tokens[first - 1], tokens[first]) == " ")
                first -= 2;
            var last = ExtendRight(text, tokens, i);
            var leftWords = tokens.Skip(first).Take(i - first).Select(t => t.Text).ToList();
            var bare = last == i && leftWords.All(GenericModifiers.Contains);
            if (bare) continue;
            var kind = TitleRules.EnglishKind(head.Text)!;
            found.Add((tokens[first].Start, tokens[last].End, kind));
        }
        // A title inside a longer one ("North Atlantic Treaty" in "Protocols to the North Atlantic Treaty of 1949 …") is not a second mention.
        var outer = found.Where(f => !found.Any(g => g != f && g.Start <= f.Start && f.End <= g.End && g.End - g.Start > f.End - f.Start))
            .Distinct().ToList();
        var titles = outer.Select(f => text[f.Start..f.End]).ToList();
        foreach (var f in outer)
        {
            if (isTaken(f.Start, f.End)) continue;
            var title = text[f.Start..f.End];
            yield return new Candidate(f.Start, f.End, title, EntityTypes.Agreement, "agreements/english-title", 0.85)
            {
                Canonical = FullTitleFor(title, titles), Kind = f.Kind,
            };
        }
    }

    /// <summary>
    /// "Bicentennial Framework" after "Bicentennial Framework for Security, …", "Mutual Defense Treaty" beside "Mutual
    /// Defense Treaty between the United States and the Republic of the Philippines", a headline's "Treaty Between the
    /// United States and Croatia on Mutual Legal Assistance": a shorter title with the same head whose words all
    /// appear in one longer title names the same instrument.
    /// </summary>
    public static string FullTitleFor(string title, IReadOnlyCollection<string> titles)
    {
        var prefixed = titles.Where(t => t.Length > title.Length && t.StartsWith(title + " ", StringComparison.Ordinal))
            .Distinct().ToList();
        if (prefixed.Count == 1) return prefixed[0];
        var words = ContentWords(title);
        var head = HeadOf(title);
        if (words.Count < 2 || head is null) return title;
        var covering = titles.Where(t => t.Length > title.Length && HeadOf(t) == head && words.IsSubsetOf(ContentWords(t)))
            .Distinct().ToList();
        return covering.Count == 1 ? covering[0] : title;
    }

    private static HashSet<string> ContentWords(string title) =>
        Word().Matches(title).Select(m => m.Value.TrimEnd('.').ToLowerInvariant())
            .Where(w => !InnerConnectors.Contains(w) && !StartConnectors.Contains(w)).ToHashSet();

    private static string? HeadOf(string title) =>
        Word().Matches(title).Select(m => m.Value).FirstOrDefault(TitleRules.IsEnglishHead);

    private static int ExtendRight(string text, List<Token> tokens, int head)
    {
        var last = head;
        var started = false;
        var listed = false;
        for (var k = head + 1; k < tokens.Count; k++)
        {
            var gap = Gap(text, tokens[k - 1], tokens[k]);
            var t = tokens[k];
            if (gap == ", ")
            {
                // "Security, Public Health, and Safe Communities" is a list; "… on Ocean Governance, and Small Island
                // Developing States issued …" is a new clause: ", and" continues a title only after a first comma.
                if (!started || !ListEndsWithAnd(text, tokens, k) || t.Text == "and" && !listed) break;
                listed = true;
            }
            else if (gap != " ") break;
            var lower = t.Text;
            if (!started)
            {
                if (!IsConnector(StartConnectors, lower)) break;
                started = true;
                continue;
            }
            if (IsConnector(InnerConnectors, lower)) continue;
            // "Protocol Amending the Convention between A and B": the parties of a nested instrument belong to the title.
            if (lower == "between" && TitleRules.IsEnglishHead(tokens[k - 1].Text)) continue;
            if (!t.IsCapitalised || Months.Contains(t.Text)) break;
            // "… Convention on Cybercrime in 2001" dates the signing; "Treaty of 1949" names the treaty.
            if (t.Text.Length == 4 && t.Text.All(char.IsDigit) && tokens[k - 1].Text is not "of") break;
            // "… Biological Diversity and the Paris Agreement": a second title starts after "and".
            if (StartsSecondTitle(text, tokens, k)) break;
            last = k;
            if (IsPossessive(t.Text) || t.Text.EndsWith('.') && !IsInitialism(t.Text)) break;
        }
        return last;
    }

    private static bool StartsSecondTitle(string text, List<Token> tokens, int k)
    {
        var j = k - 1;
        while (j > 0 && tokens[j].Text == "the") j--;
        if (tokens[j].Text != "and") return false;
        for (var m = k; m < tokens.Count && (tokens[m].IsCapitalised || InnerConnectors.Contains(tokens[m].Text))
                        && (m == k || Gap(text, tokens[m - 1], tokens[m]) == " "); m++)
            if (TitleRules.IsEnglishHead(tokens[m].Text)) return true;
        return false;
    }

    /// <summary>"Security, Public Health, and Safe Communities": a comma continues a title only in a list closed by "and".</summary>
    private static bool ListEndsWithAnd(string text, List<Token> tokens, int k)
    {
        for (var m = k; m < tokens.Count; m++)
        {
            var t = tokens[m];
            if (t.Text == "and") return true;
            if (!t.IsCapitalised && !InnerConnectors.Contains(t.Text)) return false;
            if (m > k && Gap(text, tokens[m - 1], t) is not (" " or ", ")) return false;
        }
        return false;
    }

    private static bool IsNameWord(Token t) =>
        t.IsCapitalised && !NotTitleWords.Contains(t.Text) && !IsPossessive(t.Text)
        && !TitleRules.IsEnglishHead(t.Text) && !t.Text.EndsWith('.') | IsInitialism(t.Text);

    private static bool IsPossessive(string word) => word.EndsWith("’s") || word.EndsWith("'s");

    private static bool IsInitialism(string word) => Regex.IsMatch(word, @"^([A-Z]\.)+$");

    private static string Gap(string text, Token a, Token b) => text[a.End..b.Start];

    private static List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in Word().Matches(text))
        {
            var end = m.Index + m.Length;
            var value = m.Value;
            // A full stop ends the sentence unless the word is an initialism (U.S.) or carries inner dots (U.S.-Pacific).
            while (value.EndsWith('.') && !IsInitialism(value) || value.EndsWith('-'))
            {
                value = value[..^1];
                end--;
            }
            if (value.Length > 0) tokens.Add(new Token(m.Index, end, value));
        }
        return tokens;
    }
}
