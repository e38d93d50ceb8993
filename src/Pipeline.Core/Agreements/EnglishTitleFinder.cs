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
        ["of", "on", "to", "for", "against", "concerning", "regarding", "among", "and", "the", "a", "an", "in", "with", "de", "under", "beyond", "within"];

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
    // "Press Statement" heads a press release: a document label, not an instrument.
    private static readonly HashSet<string> GenericModifiers = ["Joint", "Final", "Action", "Bilateral", "New", "Basic", "Trade", "Peace", "Press"];

    private static readonly HashSet<string> ReportStatementWords = ["Assessment", "Impact", "Disclosure", "Financial", "Budget"];

    // Places whose name begins with "The": "The Hague Summit Declaration" keeps its article.
    private static readonly HashSet<string> PlacesWithThe = ["Hague", "Gambia", "Bahamas"];

    public static IEnumerable<Candidate> Find(string text, Func<int, int, bool> isTaken)
    {
        var tokens = Tokenise(text);
        var found = new List<(int Start, int End, string Kind)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var head = tokens[i];
            // "Code of Conduct in the South China Sea": a three-word head; the complement follows "Conduct".
            var codeOfConduct = IsCodeOfConduct(text, tokens, i);
            if (!TitleRules.IsEnglishHead(head.Text) && !codeOfConduct) continue;
            var headLast = codeOfConduct ? i + 2 : i;
            var kind = codeOfConduct ? CodeOfConductKind : TitleRules.EnglishKind(head.Text)!;
            // "UK-India Roadmap 2030", "Action Plan 2025": a year right after a plan's head is part of its name.
            var yearNamed = kind == "plan" && headLast + 1 < tokens.Count && Gap(text, head, tokens[headLast + 1]) == " "
                            && IsYear(tokens[headLast + 1].Text);
            if (yearNamed) headLast++;
            // "Treaty Organization", "Framework Convention": the head is further right.
            else if (!codeOfConduct && i + 1 < tokens.Count && Gap(text, head, tokens[i + 1]) == " " && tokens[i + 1].IsCapitalised
                && !Months.Contains(tokens[i + 1].Text) && !IsPossessive(head.Text)
                && !IsConnector(StartConnectors, tokens[i + 1].Text))
                continue;
            var first = ExtendLeft(text, tokens, i);
            var formal = first == i && kind is "treaty" or "convention" or "agreement" or "protocol";
            var last = yearNamed ? headLast : ExtendRight(text, tokens, headLast, started: codeOfConduct, formal: formal);
            var leftWords = tokens.Skip(first).Take(i - first).Select(t => t.Text).ToList();
            // "the Code of Conduct" without a complement is as bare as "the Treaty"; "Roadmap 2030" is named by its year.
            var bare = last == (codeOfConduct ? headLast : i) && !yearNamed && leftWords.All(GenericModifiers.Contains);
            if (bare) continue;
            // "Nuclear Proliferation Assessment Statement", "Environmental Impact Statement": a report a government
            // writes, not an instrument parties adopt.
            if (kind == "statement" && last == i && leftWords.Count > 0 && ReportStatementWords.Contains(leftWords[^1])) continue;
            var end = tokens[last].End;
            // "the Inclusive Framework on Base Erosion and Profit Shifting's work": the possessive is not part of the name.
            if (IsPossessive(tokens[last].Text)) end -= 2;
            found.Add((tokens[first].Start, end, kind));
        }
        // A title inside a longer one ("North Atlantic Treaty" in "Protocols to the North Atlantic Treaty of 1949 …") is not a second mention.
        var spans = new SpanIndex(found.Select(f => new TextSpan(f.Start, f.End)));
        var outer = found.Where(f => !spans.AnyStrictlyContains(new TextSpan(f.Start, f.End))).Distinct().ToList();
        var titles = new TitleSet(outer.Select(f => text[f.Start..f.End]));
        foreach (var f in outer)
        {
            if (isTaken(f.Start, f.End)) continue;
            var title = text[f.Start..f.End];
            yield return new Candidate(f.Start, f.End, title, EntityTypes.Agreement, RuleIds.AgreementEnglishTitle, RuleConfidence.Sure)
            {
                Canonical = titles.FullTitleFor(title), Kind = f.Kind,
            };
        }
    }

    // A code of conduct sets rules the parties agree to keep: the closest kind the spec names is "principles".
    private const string CodeOfConductKind = "principles";

    private static bool IsCodeOfConduct(string text, List<Token> tokens, int i) =>
        tokens[i].Text == "Code" && i + 2 < tokens.Count && tokens[i + 1].Text == "of" && tokens[i + 2].Text == "Conduct"
        && Gap(text, tokens[i], tokens[i + 1]) == " " && Gap(text, tokens[i + 1], tokens[i + 2]) == " ";

    private static bool IsCountry(string word) => Countries.Name(word, chinese: false) is not null;

    private static readonly HashSet<string> PlaceParticles = ["de", "da", "do", "dos", "das", "del", "du", "la", "van", "von"];

    private static bool IsYear(string word) =>
        word.Length == 4 && word.All(char.IsDigit) && word[0] is '1' or '2';

    /// <summary>
    /// The capitalised words before the head: "North Atlantic Treaty", "Council of Europe Convention …", "Trade and
    /// Economic Partnership Agreement" (an "and" between two name words), "The Hague Summit Declaration"; a year in
    /// front ("the 1982 United Nations Convention …") dates the instrument and stays out.
    /// </summary>
    private static int ExtendLeft(string text, List<Token> tokens, int head)
    {
        var first = head;
        while (true)
        {
            while (first > 0 && Gap(text, tokens[first - 1], tokens[first]) == " " && IsNameWord(tokens[first - 1]))
                first--;
            // "Rio de Janeiro G20 Leaders' Declaration": a lowercase particle inside a place name.
            if (first < head && first >= 2 && PlaceParticles.Contains(tokens[first - 1].Text)
                && Gap(text, tokens[first - 2], tokens[first - 1]) == " " && Gap(text, tokens[first - 1], tokens[first]) == " "
                && IsNameWord(tokens[first - 2]))
            {
                first -= 2;
                continue;
            }
            // "Comprehensive Economic and Trade Agreement": "and" joins two modifiers of one name, not two countries.
            if (first < head && first >= 2 && tokens[first - 1].Text == "and"
                && Gap(text, tokens[first - 2], tokens[first - 1]) == " " && Gap(text, tokens[first - 1], tokens[first]) == " "
                && IsNameWord(tokens[first - 2]) && !IsCountry(tokens[first - 2].Text)
                && !IsCountry(tokens[first].Text) && !IsYear(tokens[first - 2].Text))
            {
                first -= 2;
                continue;
            }
            break;
        }
        if (first >= 2 && first < head && tokens[first - 1].Text == "of" && BodyNouns.Contains(tokens[first - 2].Text)
            && Gap(text, tokens[first - 2], tokens[first - 1]) == " " && Gap(text, tokens[first - 1], tokens[first]) == " ")
            first -= 2;
        if (first > 0 && first < head && tokens[first - 1].Text == "The" && PlacesWithThe.Contains(tokens[first].Text)
            && Gap(text, tokens[first - 1], tokens[first]) == " ")
            first--;
        while (first < head - 1 && IsYear(tokens[first].Text)) first++;
        return first;
    }

    /// <summary>
    /// "Bicentennial Framework" after "Bicentennial Framework for Security, …", "Mutual Defense Treaty" beside "Mutual
    /// Defense Treaty between the United States and the Republic of the Philippines", a headline's "Treaty Between the
    /// United States and Croatia on Mutual Legal Assistance": a shorter title with the same head whose words all
    /// appear in one longer title names the same instrument.
    /// </summary>
    public static string FullTitleFor(string title, IReadOnlyCollection<string> titles) => new TitleSet(titles).FullTitleFor(title);

    /// <summary>
    /// The distinct titles of a document with their head and content words worked out once, and each title's full
    /// title remembered: a document naming many instruments many times costs a pass over its distinct titles per
    /// distinct title, not a re-tokenising of every title per mention.
    /// </summary>
    private sealed class TitleSet
    {
        private readonly List<(string Title, string? Head, HashSet<string> Words)> _titles;
        private readonly Dictionary<string, string> _full = new(StringComparer.Ordinal);

        public TitleSet(IEnumerable<string> titles) =>
            _titles = titles.Distinct().Select(t => (t, HeadOf(t), ContentWords(t))).ToList();

        public string FullTitleFor(string title)
        {
            if (_full.TryGetValue(title, out var known)) return known;
            return _full[title] = Find(title);
        }

        private string Find(string title)
        {
            var prefixed = _titles.Where(t => t.Title.Length > title.Length && t.Title.StartsWith(title + " ", StringComparison.Ordinal))
                .ToList();
            if (prefixed.Count == 1) return prefixed[0].Title;
            var words = ContentWords(title);
            var head = HeadOf(title);
            if (words.Count < 2 || head is null) return title;
            var covering = _titles.Where(t => t.Title.Length > title.Length && t.Head == head && words.IsSubsetOf(t.Words)
                                              && !IsAnotherInstrument(t.Title, title))
                .ToList();
            return covering.Count == 1 ? covering[0].Title : title;
        }
    }

    /// <summary>
    /// "Economic Partnership Agreement" beside "Trade and Economic Partnership Agreement": name words in front of the
    /// same name make another instrument; parties in front ("EU-Japan Economic Partnership Agreement") do not.
    /// </summary>
    private static bool IsAnotherInstrument(string longer, string title)
    {
        if (!longer.EndsWith(" " + title, StringComparison.Ordinal)) return false;
        var prefix = longer[..^(title.Length + 1)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return !prefix.All(w => w.Contains('-') || IsCountry(w) || w.All(c => char.IsUpper(c) || c == '.'));
    }

    private static HashSet<string> ContentWords(string title) =>
        Word().Matches(title).Select(m => m.Value.TrimEnd('.').ToLowerInvariant())
            .Where(w => !InnerConnectors.Contains(w) && !StartConnectors.Contains(w)).ToHashSet();

    private static string? HeadOf(string title) =>
        Word().Matches(title).Select(m => m.Value).FirstOrDefault(TitleRules.IsEnglishHead);

    /// <param name="started">the head already took its complement ("Code of Conduct").</param>
    /// <param name="formal">a treaty-like title begins with its head ("Treaty of Mutual Cooperation and Security between
    /// the United States and Japan"): such legal titles name their parties with "between"; a framework or declaration
    /// ("Framework for Security, Trade, and Investment between the United States and Kenya") is named without them.</param>
    private static int ExtendRight(string text, List<Token> tokens, int head, bool started = false, bool formal = false)
    {
        var last = head;
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
            if (lower == "between" && formal && gap == " " && k + 1 < tokens.Count && BetweenNamesParties(text, tokens, k + 1)) continue;
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

    /// <summary>"between the United States and Japan": capitalised parties (after an optional "the") joined by "and".</summary>
    private static bool BetweenNamesParties(string text, List<Token> tokens, int k)
    {
        var sawAnd = false;
        for (var m = k; m < tokens.Count && m < k + 16; m++)
        {
            if (m > k && Gap(text, tokens[m - 1], tokens[m]) != " ") return sawAnd && m - 1 > k;
            var t = tokens[m].Text;
            if (t == "and") { sawAnd = true; continue; }
            if (t is "the" or "of") continue;
            if (!tokens[m].IsCapitalised || IsYear(t) || Months.Contains(t)) return sawAnd && tokens[m - 1].IsCapitalised;
        }
        return sawAnd;
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
