using System.Text.RegularExpressions;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Agreements;

/// <summary>
/// Proposes agreement candidates: every title in book marks (typed by its ending: AGREEMENT, LAW, MEDIA,
/// PUBLICATION or NONE), typed instruments that are signed or issued (引渡条约, 联合公报, "an extradition treaty"),
/// English instrument titles in running text, and well-known acronyms (RCEP). The classify stage decides.
/// </summary>
public sealed partial class AgreementsStage : IStage
{
    public static readonly StageDescriptor<NoOptions> Descriptor = new(
        "agreements", "proposes titles and instruments (treaties, declarations, joint statements) as candidates",
        ArticleParts.Text | ArticleParts.Sentences, ArticleParts.Candidates, _ => new AgreementsStage());

    StageDescriptor IStage.Descriptor => Descriptor;

    // The instrument: its parties may be named before its type ("the EU-Mercosur trade agreement").
    private const string TypedInstrument = @"((?<parties>(?-i:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)+)\s+)?(?:(?:bilateral|multilateral|regional|comprehensive) )?(?:extradition|mutual legal assistance|free[- ]trade|bilateral investment|investment(?: protection| promotion)?|trade|peace|security|defen[cs]e(?: cooperation)?|mutual defen[cs]e|nuclear|arms control|cease-?fire|tax|double taxation|visa waiver|border|boundary|(?:comprehensive )?economic partnership|(?:strategic )?partnership|(?:economic )?co-?operation|information security|pandemic|status of forces|digital (?:trade|economy)|readmission|social security|air services|fisheries|merger|interim|electricity(?: trading)?|sanitary and phytosanitary|(?:technology )?licensing|loan|financing|corridor|(?:(?:(?:liquefied natural |natural )?gas|LNG|oil|energy|long-term) )?supply|(?:currency )?swap)\s+(?:treaty|agreement|pact|accord|protocol)|(?:cease-?fire|peace) road ?map)\b";

    // One word may stand between the determiner or verb and the instrument: "the related loan agreement", "a UN-backed
    // ceasefire road map". It stays out of the span.
    private const string Modifier = @"(?:[\w]+(?:-[\w]+)?\s+)??";

    // After an article ("a free trade agreement"), a possessive ("the IOC's cooperation agreement") or a headline's verb
    // ("India, UAE sign investment treaty"). Each pattern opens with a few fixed words or an apostrophe, so the search
    // jumps between those instead of trying every letter.
    [GeneratedRegex(@"\b(?:an?|the|its|their|new)\s+" + Modifier + TypedInstrument, RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTypedTreaty();

    // A heading names the instrument alone at the start of its line: "Free trade agreement with Thailand".
    [GeneratedRegex(@"(?:['’]s|\b(?:sign|signs|signed|seal|seals|sealed|ink|inks|inked)\s+" + Modifier + @"|\bsignature of|(?m:^))\s*" + TypedInstrument, RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTypedTreatyAfterVerb();

    // A headline drops the article: "ministers adopt joint communiqué"; a sentence may open with "The communiqué, adopted …".
    [GeneratedRegex(@"(?:\b(?:an?|[Tt]he|its|their)\s+(?:(?!joint|final)[a-z]+\s+)?|['’]s\s+|\b(?:adopts?|issues?|signs?|releases?)\s+(?=joint|final))((?:joint|final)\s+(?:statement|communiqu[eé]|declaration)|communiqu[eé]|chair[’']s\s+statement|memorandum of (?:understanding|cooperation))\b")]
    private static partial Regex EnglishJointDocument();

    // "talks on a free trade agreement", "aimed to seal a deal": instruments under negotiation are to be signed.
    [GeneratedRegex(@"\b(?:sign|signed|signing|signs|ratif\w*|negotiat\w*|conclud\w*|concluded|in force|into force|accede\w*|accession|talks|finali[sz]\w*|seal\w*|clinch\w*|approv\w*|inherits?|progress towards|draft\w*|work(?:ing)? towards)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTreatyContext();

    [GeneratedRegex(@"\G\s+(?:with|between)\s+(?:the\s+)?[A-Z]")]
    private static partial Regex WithParty();

    [GeneratedRegex(@"\b(?:issued|adopted|released|signed|agreed|announced|endorsed|published|adopts?|issues?|signs?|releases?)\b")]
    private static partial Regex EnglishIssueContext();

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var text = article.Text;
        var chinese = article.Language == DocumentLanguage.Chinese;
        var candidates = new List<Candidate>();
        // Each finder runs over the candidates of the finders before it: the index is rebuilt when that list grew.
        SpanIndex? taken = null;
        var bookMarks = new BookMarks(text);
        bool Taken(int s, int e)
        {
            if (taken is null || taken.Count != candidates.Count) taken = new SpanIndex(candidates.Select(c => c.Span));
            return taken.AnyOverlaps(new TextSpan(s, e)) || bookMarks.Inside(s, e);
        }

        foreach (var title in BookTitleFinder.Find(text))
        {
            cancellation.ThrowIfCancellationRequested();
            var sentence = article.SentenceAt(title.Start).Of(text);
            var guess = Scripts.HasHan(title.Text)
                ? TitleRules.ForChineseTitle(title.Text, sentence)
                : TitleRules.ForEnglishTitle(title.Text);
            candidates.Add(new Candidate(title.Start, title.End, title.Text, guess.Type, RuleIds.AgreementBookTitle, guess.Confidence)
            {
                InBookMarks = true, Canonical = title.Text, Kind = guess.Kind,
            });
        }
        candidates.AddRange(ChineseTypedInstrumentFinder.Find(text, Taken).ToList());
        // Every English rule needs an instrument word in Latin letters; most Chinese articles have no Latin letter at all,
        // and the rules' patterns tried each of their characters in turn (4 % of an extraction of People's Daily).
        var latin = Scripts.HasAsciiLetter(text);
        if (latin) candidates.AddRange(EnglishTyped(article, Taken).ToList());
        // A known full name is exact ("Comprehensive and Progressive Agreement for Trans-Pacific Partnership") and beats
        // the capitalisation rule, unless the rule found a longer title around it ("Protocols to the North Atlantic Treaty …").
        var english = latin ? EnglishTitleFinder.Find(text, Taken).ToList() : [];
        var englishSpans = new SpanIndex(english.Select(c => c.Span));
        var known = KnownInstrumentFinder.Find(text, chinese,
            (s, e) => Taken(s, e) || englishSpans.AnyStrictlyContains(new TextSpan(s, e))).ToList();
        candidates.AddRange(known);
        var knownSpans = new SpanIndex(known.Select(k => k.Span));
        candidates.AddRange(english.Where(c => !knownSpans.AnyOverlaps(c.Span)));
        return article.AddCandidates(ShortNames.Apply(text, candidates).OrderBy(c => c.Start));
    }

    private static IEnumerable<Candidate> EnglishTyped(Article article, Func<int, int, bool> isTaken)
    {
        var text = article.Text;
        foreach (var m in EnglishTypedTreaty().Matches(text).Concat(EnglishTypedTreatyAfterVerb().Matches(text)).DistinctBy(m => m.Groups[1].Index))
        {
            var g = m.Groups[1];
            if (isTaken(g.Index, g.Index + g.Length)) continue;
            var words = g.Value.Split(' ');
            // "the Mutual Defense Treaty between …" is a title: the title finder takes it whole; a heading's first letter is
            // no title's.
            var lineStart = g.Index == 0 || text[g.Index - 1] == '\n';
            if (char.IsUpper(words[^1][0]) || char.IsUpper(g.Value[0]) && !m.Groups["parties"].Success && !lineStart) continue;
            // An instrument between named parties ("the EU-Mercosur trade agreement", "a free trade agreement with Thailand")
            // is that one instrument; a bare type only where it is signed or negotiated.
            if (!m.Groups["parties"].Success && !WithParty().IsMatch(text, g.Index + g.Length)
                && !EnglishTreatyContext().IsMatch(article.SentenceAt(g.Index).Of(text))) continue;
            var head = words[^1].ToLowerInvariant();
            yield return new Candidate(g.Index, g.Index + g.Length, g.Value, EntityTypes.Agreement, RuleIds.AgreementTyped, RuleConfidence.Likely)
            {
                Canonical = m.Groups["parties"].Success ? g.Value : g.Value.ToLowerInvariant(),
                Kind = head is "treaty" or "protocol" ? head : head is "map" or "roadmap" ? "plan" : "agreement",
            };
        }
        foreach (Match m in EnglishJointDocument().Matches(text))
        {
            var g = m.Groups[1];
            if (isTaken(g.Index, g.Index + g.Length)) continue;
            if (!WithParty().IsMatch(text, g.Index + g.Length) && !EnglishIssueContext().IsMatch(article.SentenceAt(g.Index).Of(text)))
                continue;
            var kind = g.Value.StartsWith("memorandum") ? "memorandum" : TitleRules.EnglishKind(g.Value.Split(' ')[^1]);
            yield return new Candidate(g.Index, g.Index + g.Length, g.Value, EntityTypes.Agreement, RuleIds.AgreementTyped, RuleConfidence.Fair)
            {
                Canonical = g.Value, Kind = kind,
            };
        }
    }

    /// <summary>Where the book marks 《 》 of a text are, so "is this span inside a pair" is two binary searches, not a scan.</summary>
    private sealed class BookMarks(string text)
    {
        private readonly List<int> _opens = Positions(text, '《');
        private readonly List<int> _closes = Positions(text, '》');

        /// <summary>The nearest 《 at or before the character before <paramref name="start"/> closes at or after the span's end.</summary>
        public bool Inside(int start, int end)
        {
            var o = _opens.BinarySearch(Math.Max(0, start - 1));
            var openIndex = o >= 0 ? o : ~o - 1;
            if (openIndex < 0) return false;
            var c = _closes.BinarySearch(_opens[openIndex]);
            var closeIndex = c >= 0 ? c : ~c;
            if (closeIndex >= _closes.Count) return false;
            var close = _closes[closeIndex];
            return close >= end - 1 && close >= start;
        }

        private static List<int> Positions(string text, char mark)
        {
            var positions = new List<int>();
            for (var i = text.IndexOf(mark); i >= 0; i = text.IndexOf(mark, i + 1)) positions.Add(i);
            return positions;
        }
    }
}
