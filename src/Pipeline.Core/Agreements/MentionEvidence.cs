using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Agreements;

/// <summary>What one sentence says about one mention of an instrument.</summary>
public sealed record MentionEvidence(
    TextSpan Mention, TextSpan Sentence, ActionMention? Action, string? Date, string? Forum, ImmutableArray<string> Parties)
{
    /// <summary>How much the sentence says: a done action and a date weigh most.</summary>
    public int Score =>
        (Action is null ? 0 : 4) + (Action?.IsAccomplished == true ? 2 : 0) + (Date is null ? 0 : 3)
        + (Forum is not null || Parties.Length > 0 ? 1 : 0);
}

/// <summary>
/// Reads the sentence around a mention for the action that governs it, the date of that action,
/// and who took it (a forum: an ORG; parties: countries or bodies that sign together).
/// </summary>
public sealed partial class EvidenceReader
{
    private readonly Article _article;
    private readonly string _text;
    private readonly bool _chinese;
    private readonly EntitiesByStart _dates;
    private readonly EntitiesByStart _orgs;
    private readonly SpanIndex _agreementSpans;
    private readonly ImmutableArray<string> _selfIdentified;
    private readonly List<string> _documentCountries;

    public EvidenceReader(Article article, IEnumerable<TextSpan> agreementSpans)
    {
        _article = article;
        _text = article.Text;
        _chinese = article.Language == DocumentLanguage.Chinese;
        _agreementSpans = new SpanIndex(agreementSpans);
        // A date counted from a document date guessed from the file time would date the agreement wrongly as a fact.
        _dates = new EntitiesByStart(article.EntitiesOf(EntityTypes.Date)
            .Where(d => !string.IsNullOrEmpty(d.Value) && d.Reference?.Guessed != true && !_agreementSpans.AnyOverlaps(d.Span))
            .OrderBy(d => d.Start));
        var orgs = article.EntitiesOf(EntityTypes.Org).Where(o => !_agreementSpans.AnyOverlaps(o.Span)).ToList();
        // The longest name is the body: 上海合作组织成员国政府首脑（总理）理事会, not the 上海合作组织 inside it.
        var orgSpans = new SpanIndex(orgs.Select(o => o.Span));
        _orgs = new EntitiesByStart(orgs.Where(o => !orgSpans.AnyStrictlyContains(o.Span)).OrderBy(o => o.Start));
        _selfIdentified = _chinese ? [] : SelfIdentifiedParties();
        // The countries the document is about, most named first (China leads a Chinese document's pair).
        _documentCountries = Countries.FindIn(_text, 0, _text.Length, _chinese).GroupBy(c => c.Name)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start).Select(g => g.Key).ToList();
    }

    public bool Chinese => _chinese;

    public MentionEvidence Read(TextSpan mention)
    {
        // A title may run over a sentence end (《…。…》): the sentence it is read in then reaches to its end.
        var sentence = _article.SentenceAt(mention.Start);
        if (sentence.End < mention.End) sentence = sentence with { End = mention.End };
        if (IsOnlyReferredTo(mention, sentence))
            return new MentionEvidence(mention, sentence, null, null, null, []);
        var action = GoverningAction(mention, sentence);
        string? date = null;
        string? forum = Forum(mention, sentence, action);
        if (action is not null)
            date = NearestDate(sentence, action.Value, mention);
        if (date is null && action is not null && RefersToMeeting(sentence))
        {
            var meeting = MeetingBefore(sentence);
            if (meeting is not null)
            {
                date = meeting.Value.Date;
                forum ??= meeting.Value.Forum;
            }
        }
        var parties = _chinese ? ChineseParties(mention, sentence, action) : EnglishParties(mention, sentence, action);
        return new MentionEvidence(mention, sentence, action, date, forum, parties);
    }

    // ---- action -------------------------------------------------------------------------------------------

    private ActionMention? GoverningAction(TextSpan mention, TextSpan sentence)
    {
        var verbs = ActionVerbs.FindIn(_text, sentence.Start, sentence.End, _chinese)
            .Where(v => !_agreementSpans.AnyContains(new TextSpan(v.Start, v.End)))
            .ToList();
        if (_chinese)
        {
            // Chinese puts the verb before its object (签署《…》); a verb after the title governs it only in the
            // same clause (《巴黎协定》正式生效), never across a comma (加入《A》，并于1996年签署《B》).
            var (_, clauseEnd) = Clause.Bounds(_text, mention.End - 1);
            verbs = verbs.Where(v => v.End <= mention.Start || v.Start >= mention.End && v.End <= clauseEnd).ToList();
        }
        if (verbs.Count == 0) return null;
        return verbs.OrderBy(v => Distance(v, mention)).First();
    }

    private static int Distance(ActionMention verb, TextSpan mention) =>
        verb.End <= mention.Start ? mention.Start - verb.End : verb.Start >= mention.End ? verb.Start - mention.End + 1 : 0;

    [GeneratedRegex(@"(?:\b(?:Parties|Party|parties|party|members|Members|signatories|Signatories|principles|provisions|spirit|goals)\s+(?:to|of)\s+the\s*|\bArticles?\s+(?:\d+\w*|[IVXL]+)\s+of\s+the\s*|\bunder\s+the\s*|缔约国|缔约方|(?:根据|依据|按照)《?)$")]
    private static partial Regex ReferencePrefix();

    /// <summary>"Parties to the North Atlantic Treaty", "Article 10 of the Treaty": the sentence is about something else.</summary>
    private bool IsOnlyReferredTo(TextSpan mention, TextSpan sentence)
    {
        var before = _text[Math.Max(sentence.Start, mention.Start - 40)..mention.Start];
        // "Parties to the United Nations Convention against …, adopted by the General Assembly in 2000": the
        // participle after the title still tells about it.
        var after = _text[mention.End..Math.Min(sentence.End, mention.End + 30)];
        return ReferencePrefix().IsMatch(before) && !ParticipleAfter().IsMatch(after);
    }

    [GeneratedRegex(@"^\s*,\s*(?:adopted|signed|concluded|which|that)\b")]
    private static partial Regex ParticipleAfter();

    // ---- date ---------------------------------------------------------------------------------------------

    /// <summary>The dated expression nearest the governing verb, in the same sentence; a Chinese date precedes its verb.</summary>
    private string? NearestDate(TextSpan sentence, ActionMention verb, TextSpan mention)
    {
        var inSentence = _dates.Within(sentence.Start, sentence.End).Where(d => !mention.Overlaps(d.Span)).ToList();
        if (_chinese)
        {
            // 2014年11月，APEC…通过《…》 — but in a list of clauses (…；2016年9月，G20…) only the clause's own date.
            var before = inSentence.Where(d => d.End <= verb.Start).ToList();
            var chosen = before.Count > 0 ? before[^1] : inSentence.FirstOrDefault(d => d.Start >= verb.End && d.Start - verb.End <= 8);
            return chosen?.Value;
        }
        // "The Treaty was signed in 1951 and the Visiting Forces Agreement in 1998": the verb is shared, the date is the mention's own.
        if (verb.End <= mention.Start)
        {
            var own = inSentence.FirstOrDefault(d => d.Start >= mention.End && OwnDateGap().IsMatch(_text[mention.End..d.Start]));
            if (own is not null) return own.Value;
        }
        var nearest = inSentence.OrderBy(d => d.End <= verb.Start ? verb.Start - d.End : d.Start - verb.End).FirstOrDefault();
        return nearest?.Value;
    }

    [GeneratedRegex(@"^\s+(?:in|on)\s+$")]
    private static partial Regex OwnDateGap();

    [GeneratedRegex(@"会谈后|会见后|会谈期间|会晤期间|访问期间|会议(?:还|也|并|同时|最后)(?:通过|批准|发表|签署)|峰会(?:还|也|并)(?:通过|批准|发表)|与会|会上|会议期间|峰会期间|会议通过|会议发表|会议批准|峰会通过|本次会议|此次会议|本届会议|此次峰会|本次峰会|会后|会议结束|\b(?:[Aa]t|[Dd]uring)\s+(?:the|this)\s+(?:meeting|summit|conference|dialogue|session)\b|\b[Tt]he\s+(?:leaders|participants)\b")]
    private static partial Regex MeetingReference();

    [GeneratedRegex(@"会议|峰会|论坛|全会|大会|会晤|会谈|会见|博览会|举行|举办|召开|出席|\b(?:meeting|summit|conference|dialogue|forum|session|held|hosted|took\s+place|convened|Summit|Meeting|Conference|Dialogue)\b")]
    private static partial Regex MeetingWord();

    private bool RefersToMeeting(TextSpan sentence) => MeetingReference().IsMatch(sentence.Of(_text));

    /// <summary>
    /// "今年9月初，中非合作论坛北京峰会成功举办。与会…写入《…》": the nearest earlier sentence that dates a meeting
    /// gives the date, and the body that met is the forum.
    /// </summary>
    private (string Date, string? Forum)? MeetingBefore(TextSpan sentence)
    {
        // A sentence that holds the meeting ("…会议12日在青岛举行") beats one that only mentions a meeting to come.
        var meetings = _meetings ??= new SentenceMeetings(this);
        var earlier = _article.SentencesEndingBy(sentence.Start);
        return meetings.LastHeldBefore(earlier) ?? meetings.LastBefore(earlier);
    }

    private SentenceMeetings? _meetings;

    /// <summary>
    /// The meeting each sentence dates, read once per document when first asked: every mention that looks back
    /// for a meeting then costs a look-up instead of a walk back over all earlier sentences.
    /// </summary>
    private sealed class SentenceMeetings
    {
        private readonly (string Date, string? Forum)?[] _meeting;
        // For k: the index of the last sentence before k that dates a meeting (held, or any), or -1.
        private readonly int[] _lastHeld;
        private readonly int[] _last;

        public SentenceMeetings(EvidenceReader reader)
        {
            var sentences = reader._article.Sentences;
            _meeting = new (string, string?)?[sentences.Length];
            _lastHeld = new int[sentences.Length + 1];
            _last = new int[sentences.Length + 1];
            _lastHeld[0] = _last[0] = -1;
            for (var i = 0; i < sentences.Length; i++)
            {
                var meeting = _meeting[i] = reader.MeetingIn([sentences[i]]);
                var held = meeting is not null && HeldWord().IsMatch(sentences[i].Of(reader._text));
                _lastHeld[i + 1] = held ? i : _lastHeld[i];
                _last[i + 1] = meeting is not null ? i : _last[i];
            }
        }

        /// <summary>The meeting of the last of the first <paramref name="count"/> sentences that holds one.</summary>
        public (string Date, string? Forum)? LastHeldBefore(int count) => _lastHeld[count] is var i and >= 0 ? _meeting[i] : null;

        public (string Date, string? Forum)? LastBefore(int count) => _last[count] is var i and >= 0 ? _meeting[i] : null;
    }

    [GeneratedRegex(@"举行|举办|召开|开幕|闭幕|\b(?:held|hosted|took\s+place|convened|opened|concluded)\b")]
    private static partial Regex HeldWord();

    private (string Date, string? Forum)? MeetingIn(IEnumerable<TextSpan> sentences)
    {
        foreach (var s in sentences)
        {
            var words = MeetingWord().Matches(s.Of(_text));
            if (words.Count == 0) continue;
            var anchor = s.Start + words[^1].Index;
            var date = _dates.LastWithin(s.Start, anchor);
            if (date is null) continue;
            var org = _orgs.LastWithin(s.Start, anchor);
            return (date.Value!, org is null ? null : BodyName(org));
        }
        return null;
    }

    // ---- forum --------------------------------------------------------------------------------------------

    /// <summary>The body before the mention that adopts or issues it (2003年联合国大会审议通过《…》).</summary>
    private string? Forum(TextSpan mention, TextSpan sentence, ActionMention? action)
    {
        // "the Agreement on Fisheries Subsidies, which the World Trade Organization adopted …".
        if (!_chinese && action is { } verb && verb.Start >= mention.End)
        {
            var relative = _orgs.Within(mention.End, verb.Start).FirstOrDefault(o => RelativeSubject().IsMatch(_text[mention.End..o.Start]));
            if (relative is not null) return Name(relative);
        }
        var org = _orgs.LastWithin(sentence.Start, mention.Start);
        if (org is null) return null;
        if (_chinese)
        {
            // 与加拿大签署 / 同东盟 … : a partner, not the body that adopts (unless it is the only one named: 中国愿同东盟一道落实《…》).
            return BodyName(org);
        }
        // English: the body must be the subject of the verb ("the General Assembly adopted the Convention").
        if (action is { } a && org.End <= a.Start && a.End <= mention.Start) return Name(org);
        var before = _text[Math.Max(sentence.Start, org.Start - 8)..org.Start];
        return Regex.IsMatch(before, @"\b(?:by|at)\s+(?:the\s+)?$") && action is not null ? Name(org) : null;
    }

    private static string Name(Entity org) => org.Canonical ?? org.Text;

    [GeneratedRegex(@"^\s*,?\s*(?:which|that)\s+(?:the\s+)?$")]
    private static partial Regex RelativeSubject();

    // "上海合作组织成员国外交部长理事会会议": the council of the organisation's members is the body that meets.
    [GeneratedRegex(@"^成员国[\u4e00-\u9fff（）()]{0,14}?(?:理事会|委员会)")]
    private static partial Regex MembersCouncil();

    private string BodyName(Entity org)
    {
        var m = MembersCouncil().Match(_text, org.End, Math.Min(20, _text.Length - org.End));
        return m.Success && m.Index == org.End ? Name(org) + m.Value : Name(org);
    }

    // ---- parties ------------------------------------------------------------------------------------------

    [GeneratedRegex(@"(?:与|同|和)(?<partner>[^，。；、：,;\s]{1,14}?)(?:正式)?(?:签署|签订|缔结|商签|签)")]
    private static partial Regex ChinesePartner();

    /// <summary>
    /// Who signs, in the order written: 与加拿大签署了资产分享条约 → 中国 + 加拿大 (the unstated subject of a Chinese
    /// official text is China); 中哈两国签署 → 中国 + 哈萨克斯坦; a title that names its parties
    /// (《中华人民共和国和哈萨克斯坦共和国联合声明》); 双方/两国 signing → the two countries the document is about.
    /// </summary>
    private ImmutableArray<string> ChineseParties(TextSpan mention, TextSpan sentence, ActionMention? action)
    {
        var (clauseStart, _) = Clause.Bounds(_text, mention.Start);
        clauseStart = Math.Max(clauseStart, sentence.Start);
        var before = _text[clauseStart..mention.Start];
        var match = ChinesePartner().Matches(before).LastOrDefault();
        if (match is not null && PartnerParties(clauseStart, match) is { Length: > 0 } partners) return partners;
        if (action is null || action.Value.Action is Actions.InForce or Actions.Acceded) return [];
        var sentenceBefore = _text[sentence.Start..mention.Start];
        var pair = PairAbbreviation().Matches(sentenceBefore).LastOrDefault();
        if (pair is not null
            && Countries.ByInitial(pair.Groups["a"].Value[0], _documentCountries) is { } a
            && Countries.ByInitial(pair.Groups["b"].Value[0], _documentCountries) is { } b && a != b)
            return [a, b];
        var named = TitleParties(_text[mention.Start..mention.End]);
        if (named.Length > 0) return named;
        if (BothSides().IsMatch(sentenceBefore) && PairNamedBefore(sentence) is { Length: 2 } recent) return recent;
        if (BothSides().IsMatch(sentenceBefore) && _documentCountries.Count >= 2)
            return _documentCountries.Contains("中国")
                ? ["中国", _documentCountries.First(c => c != "中国")]
                : [_documentCountries[0], _documentCountries[1]];
        return [];
    }

    [GeneratedRegex("(?<a>[\u4e00-\u9fff])(?<b>[\u4e00-\u9fff])(?:两国|双方)")]
    private static partial Regex PairAbbreviation();

    /// <summary>"今年10月，中国与东盟…。双方将力争明年签署《…》": the pair the previous sentence joins with 与/同/和.</summary>
    private ImmutableArray<string>? PairNamedBefore(TextSpan sentence)
    {
        var earlier = _article.SentencesEndingBy(sentence.Start);
        if (earlier == 0) return null;
        var previous = _article.Sentences[earlier - 1];
        var names = Countries.FindIn(_text, previous.Start, previous.End, chinese: true).Select(c => (c.Start, c.End, Name: c.Name))
            .Concat(_orgs.Within(previous.Start, previous.End).Select(o => (o.Start, o.End, Name: Name(o))))
            .OrderBy(x => x.Start).ThenByDescending(x => x.End).ToList();
        // A country inside a body's name (秘鲁经济部) is part of that name, not a name of its own.
        names = names.Where((x, i) => !names.Take(i).Any(earlier => earlier.End > x.Start)).ToList();
        for (var i = 0; i + 1 < names.Count; i++)
            if (_text[names[i].End..names[i + 1].Start] is "与" or "同" or "和" && names[i].Name != names[i + 1].Name)
                return [names[i].Name, names[i + 1].Name];
        return null;
    }

    [GeneratedRegex("双方|两国")]
    private static partial Regex BothSides();

    // "29个国家和地区", "50余个国家", "多个国家": a count of partners is one party, as written.
    [GeneratedRegex("^(?:\\d+|[一二三四五六七八九十百]+|多|数十|若干|一些)[余多]?个?(?:国家|地区|国家和地区|经济体)$")]
    private static partial Regex CountedPartners();

    [GeneratedRegex("在[\u4e00-\u9fff]{1,6}$")]
    private static partial Regex TrailingPlace();

    private ImmutableArray<string> PartnerParties(int clauseStart, Match match)
    {
        var partner = TrailingPlace().Replace(match.Groups["partner"].Value, "");
        var partners = CountedPartners().IsMatch(partner)
            ? [partner]
            : Regex.Split(partner, "[、和及]").Where(p => p.Length > 0).ToList();
        var names = new List<string>();
        foreach (var p in partners)
        {
            var name = Countries.Name(p, chinese: true)
                ?? (p.Length == 2 && p[1] == '方' ? Countries.ByInitial(p[0], _documentCountries) : null)
                ?? OrgNamed(clauseStart + match.Groups["partner"].Index, p)
                ?? (CountedPartners().IsMatch(p) || Regex.IsMatch(p, "(?:国家|国|方)$") ? p : null);
            if (name is null) return [];
            names.Add(name);
        }
        var subjects = Countries.FindIn(_text, clauseStart, clauseStart + match.Index, chinese: true);
        var subject = subjects.Count > 0 ? subjects[^1].Name : "中国";
        if (subjects.Count == 0 && _orgs.LastWithin(clauseStart, clauseStart + match.Index) is { } org)
            subject = Name(org);
        return [subject, .. names.Where(n => n != subject)];
    }

    /// <summary>
    /// The parties a Chinese title names at its start: 中华人民共和国和哈萨克斯坦共和国联合声明 → 中国 + 哈萨克斯坦,
    /// 中华人民共和国政府和塞尔维亚共和国政府自由贸易协定 → 中国 + 塞尔维亚.
    /// </summary>
    public static ImmutableArray<string> TitleParties(string title)
    {
        for (var i = 2; i < Math.Min(title.Length, 16); i++)
        {
            if (title[i] is not ('和' or '与' or '同')) continue;
            var a = Countries.Name(title[..i], chinese: true);
            if (a is null) continue;
            for (var j = Math.Min(title.Length, i + 16); j >= i + 3; j--)
                if (Countries.Name(title[(i + 1)..j], chinese: true) is { } b && b != a)
                    return [a, b];
        }
        return [];
    }

    private string? OrgNamed(int offsetHint, string text) =>
        _orgs.StartingIn(offsetHint - 19, offsetHint + 20).FirstOrDefault(o => o.Text == text) is { } o ? Name(o) : null;

    // The list is read in a look-ahead so that a second "between" inside the first list starts a list of its own.
    [GeneratedRegex(@"\b(?:between|on behalf of|signed by|concluded by|adopted by|released by|issued by)\s+(?=(?<list>[^.;:()]+))")]
    private static partial Regex EnglishPartyList();

    private ImmutableArray<string> EnglishParties(TextSpan mention, TextSpan sentence, ActionMention? action)
    {
        var s = sentence.Of(_text);
        // The list in the title itself or right after it ("Treaty between A and B") before any other in the sentence.
        var lists = EnglishPartyList().Matches(s).Cast<Match>()
            .OrderBy(m => sentence.Start + m.Index >= mention.Start && sentence.Start + m.Index <= mention.End + 2 ? 0 : 1);
        foreach (var m in lists)
        {
            var parties = Conjuncts(m.Groups["list"].Value);
            if (parties.Length >= 2) return parties;
        }
        // "we announced the Declaration": the document's own "We—the …, and the …—" says who we are.
        if (action is { } a && _selfIdentified.Length > 0)
        {
            var subject = _text[Math.Max(sentence.Start, a.Start - 12)..a.Start];
            if (Regex.IsMatch(subject, @"\b[Ww]e\s+(?:\w+\s+)?$")) return _selfIdentified;
        }
        // "Mexico and the United States reaffirmed …", "Senior U.S. and Mexican officials …": names joined by "and"
        // that are the subject of the verb, not every name earlier in the sentence.
        var anchor = action is { } verb && verb.End <= mention.Start ? verb.Start : mention.Start;
        var names = Countries.FindIn(_text, sentence.Start, anchor, chinese: false).Select(c => (c.Start, c.End, c.Name))
            .Concat(_orgs.Within(sentence.Start, anchor).Select(o => (o.Start, o.End, Name(o))))
            .OrderBy(x => x.Start).ToList();
        // A country inside an organisation's name ("UK" in "UK Research and Innovation") is no name of its own.
        names = names.Where(n => !names.Any(o => o != n && o.Start <= n.Start && n.End <= o.End && o.End - o.Start > n.End - n.Start)).ToList();
        if (names.Count < 2 || names[^1].End > anchor || !SubjectToVerb().IsMatch(_text[names[^1].End..anchor])) return [];
        var group = new List<string> { names[^1].Item3 };
        for (var i = names.Count - 2; i >= 0 && names[i].End <= names[i + 1].Start && JoinedByAnd().IsMatch(_text[names[i].End..names[i + 1].Start]); i--)
            group.Insert(0, names[i].Item3);
        group = group.Distinct().ToList();
        return group.Count >= 2 ? [.. group] : [];
    }

    [GeneratedRegex(@"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")]
    private static partial Regex JoinedByAnd();

    [GeneratedRegex(@"^[^,;:.]{0,60}$")]
    private static partial Regex SubjectToVerb();

    /// <summary>"the United States and the other Parties to the North Atlantic Treaty" → United States, Parties to the North Atlantic Treaty.</summary>
    private ImmutableArray<string> Conjuncts(string list)
    {
        var result = new List<string>();
        foreach (var raw in Regex.Split(list, @",\s*(?:and\s+)?|\s+and\s+"))
        {
            var phrase = CutAtPredicate(raw.Trim());
            phrase = Regex.Replace(phrase, @"^(?:the\s+|other\s+|both\s+|all\s+|leaders\s+of\s+|[Gg]overnments?\s+of\s+|representatives\s+of\s+)+", "");
            if (phrase.Length == 0) continue;
            var country = Countries.Name(phrase, chinese: false);
            if (country is not null) { result.Add(country); continue; }
            // "… and the Kingdom of Norway for the Avoidance of Double Taxation and the Prevention …": the title's
            // subject follows the last party, so the list ends there.
            if (CountryAtStart(phrase) is { } leading) { result.Add(leading); break; }
            var org = OrgNamedExactly(phrase);
            if (org is not null) { result.Add(Name(org)); continue; }
            if (char.IsUpper(phrase[0])) result.Add(phrase);
        }
        return [.. result.Distinct()];
    }

    private Dictionary<string, int>? _orgByName;

    /// <summary>The first ORG (in text order) written as <paramref name="name"/> or with it as canonical.</summary>
    private Entity? OrgNamedExactly(string name)
    {
        if (_orgByName is null)
        {
            _orgByName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _orgs.Count; i++)
            {
                _orgByName.TryAdd(_orgs.All[i].Text, i);
                if (_orgs.All[i].Canonical is { } canonical) _orgByName.TryAdd(canonical, i);
            }
        }
        return _orgByName.TryGetValue(name, out var index) ? _orgs.All[index] : null;
    }

    /// <summary>"the Republic of Croatia on Mutual Legal Assistance in Criminal Matters" → Croatia: the longest leading words that name a country.</summary>
    private static string? CountryAtStart(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = words.Length - 1; n >= 1; n--)
            if (Countries.Name(string.Join(' ', words.Take(n)), chinese: false) is { } name) return name;
        return null;
    }

    /// <summary>"Mexico to combat fentanyl" → "Mexico": a name ends where lower-case words that are not connectors begin.</summary>
    private static string CutAtPredicate(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (char.IsUpper(w[0]) || char.IsDigit(w[0])) { kept.Add(w); continue; }
            var connector = w is "of" or "to" or "the" or "on" or "for" or "other" or "both" or "all";
            var nextCapitalised = i + 1 < words.Length && (char.IsUpper(words[i + 1][0]) || words[i + 1] == "the");
            if (connector && nextCapitalised) { kept.Add(w); continue; }
            if (kept.Count == 0 && connector) { kept.Add(w); continue; }
            break;
        }
        return string.Join(' ', kept).TrimEnd(',', '.');
    }

    [GeneratedRegex(@"^\W*We\s*(?:—|–|-{1,2}|,)\s*(?<who>.+?)\s*(?:—|–|--)\s*[a-z]")]
    private static partial Regex SelfIdentification();

    /// <summary>"We—the Pacific Islands Forum, represented … by …, and the United States of America—meet …".</summary>
    private ImmutableArray<string> SelfIdentifiedParties()
    {
        foreach (var sentence in _article.Sentences.Take(3))
        {
            var m = SelfIdentification().Match(sentence.Of(_text));
            if (!m.Success) continue;
            var who = m.Groups["who"].Value;
            // A participle clause ("represented at this meeting by the governments of A, B, and C") lists members, not parties.
            who = Regex.Replace(who, @",\s*(?:represented|joined|accompanied|including)\b.*(?=,\s*and\s)", "");
            var parties = Conjuncts(who);
            if (parties.Length >= 1) return parties;
        }
        return [];
    }
}
