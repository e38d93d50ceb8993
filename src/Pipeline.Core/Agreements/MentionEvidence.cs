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
    private readonly List<Entity> _dates;
    private readonly List<Entity> _orgs;
    private readonly List<TextSpan> _agreementSpans;
    private readonly ImmutableArray<string> _selfIdentified;

    public EvidenceReader(Article article, IEnumerable<TextSpan> agreementSpans)
    {
        _article = article;
        _text = article.Text;
        _chinese = AgreementsStage.IsChinese(article);
        _agreementSpans = agreementSpans.ToList();
        _dates = article.EntitiesOf(EntityTypes.Date)
            .Where(d => !string.IsNullOrEmpty(d.Value) && !_agreementSpans.Any(a => a.Overlaps(d.Span)))
            .OrderBy(d => d.Start).ToList();
        var orgs = article.EntitiesOf(EntityTypes.Org).Where(o => !_agreementSpans.Any(a => a.Overlaps(o.Span))).ToList();
        // The longest name is the body: 上海合作组织成员国政府首脑（总理）理事会, not the 上海合作组织 inside it.
        _orgs = orgs.Where(o => !orgs.Any(p => p != o && p.Start <= o.Start && o.End <= p.End && p.Span.Length > o.Span.Length))
            .OrderBy(o => o.Start).ToList();
        _selfIdentified = _chinese ? [] : SelfIdentifiedParties();
    }

    public bool Chinese => _chinese;

    public MentionEvidence Read(TextSpan mention)
    {
        var sentence = _article.SentenceAt(mention.Start);
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
        var parties = _chinese ? ChineseParties(mention, sentence) : EnglishParties(mention, sentence, action);
        return new MentionEvidence(mention, sentence, action, date, forum, parties);
    }

    // ---- action -------------------------------------------------------------------------------------------

    private ActionMention? GoverningAction(TextSpan mention, TextSpan sentence)
    {
        var verbs = ActionVerbs.FindIn(_text, sentence.Start, sentence.End, _chinese)
            .Where(v => !_agreementSpans.Any(a => a.Start <= v.Start && v.End <= a.End))
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

    [GeneratedRegex(@"(?:\b(?:Parties|Party|parties|party|members|Members|signatories|Signatories|principles|provisions|spirit|goals)\s+(?:to|of)\s+the\s*|\bArticle\s+\d+\w*\s+of\s+the\s*|缔约国|缔约方)$")]
    private static partial Regex ReferencePrefix();

    /// <summary>"Parties to the North Atlantic Treaty", "Article 10 of the Treaty": the sentence is about something else.</summary>
    private bool IsOnlyReferredTo(TextSpan mention, TextSpan sentence)
    {
        var before = _text[Math.Max(sentence.Start, mention.Start - 40)..mention.Start];
        return ReferencePrefix().IsMatch(before);
    }

    // ---- date ---------------------------------------------------------------------------------------------

    /// <summary>The dated expression nearest the governing verb, in the same sentence; a Chinese date precedes its verb.</summary>
    private string? NearestDate(TextSpan sentence, ActionMention verb, TextSpan mention)
    {
        var inSentence = _dates.Where(d => d.Start >= sentence.Start && d.End <= sentence.End && !mention.Overlaps(d.Span)).ToList();
        if (_chinese)
        {
            // 2014年11月，APEC…通过《…》 — but in a list of clauses (…；2016年9月，G20…) only the clause's own date.
            var before = inSentence.Where(d => d.End <= verb.Start).ToList();
            var chosen = before.Count > 0 ? before[^1] : inSentence.FirstOrDefault(d => d.Start >= verb.End && d.Start - verb.End <= 8);
            return chosen?.Value;
        }
        var nearest = inSentence.OrderBy(d => d.End <= verb.Start ? verb.Start - d.End : d.Start - verb.End).FirstOrDefault();
        return nearest?.Value;
    }

    [GeneratedRegex(@"与会|会上|会议期间|峰会期间|会议通过|会议发表|会议批准|峰会通过|本次会议|此次会议|本届会议|此次峰会|本次峰会|会后|会议结束|\b(?:[Aa]t|[Dd]uring)\s+(?:the|this)\s+(?:meeting|summit|conference|dialogue|session)\b|\b[Tt]he\s+(?:leaders|participants)\b")]
    private static partial Regex MeetingReference();

    [GeneratedRegex(@"会议|峰会|论坛|全会|大会|会晤|博览会|举行|举办|召开|出席|\b(?:meeting|summit|conference|dialogue|forum|session|held|hosted|took\s+place|convened|Summit|Meeting|Conference|Dialogue)\b")]
    private static partial Regex MeetingWord();

    private bool RefersToMeeting(TextSpan sentence) => MeetingReference().IsMatch(sentence.Of(_text));

    /// <summary>
    /// "今年9月初，中非合作论坛北京峰会成功举办。与会…写入《…》": the nearest earlier sentence that dates a meeting
    /// gives the date, and the body that met is the forum.
    /// </summary>
    private (string Date, string? Forum)? MeetingBefore(TextSpan sentence)
    {
        foreach (var s in _article.Sentences.Where(s => s.End <= sentence.Start).Reverse())
        {
            var words = MeetingWord().Matches(s.Of(_text));
            if (words.Count == 0) continue;
            var anchor = s.Start + words[^1].Index;
            var date = _dates.LastOrDefault(d => d.Start >= s.Start && d.End <= anchor);
            if (date is null) continue;
            var org = _orgs.LastOrDefault(o => o.Start >= s.Start && o.End <= anchor);
            return (date.Value!, org is null ? null : Name(org));
        }
        return null;
    }

    // ---- forum --------------------------------------------------------------------------------------------

    /// <summary>The body before the mention that adopts or issues it (2003年联合国大会审议通过《…》).</summary>
    private string? Forum(TextSpan mention, TextSpan sentence, ActionMention? action)
    {
        var org = _orgs.LastOrDefault(o => o.Start >= sentence.Start && o.End <= mention.Start);
        if (org is null) return null;
        if (_chinese)
        {
            // 与加拿大签署 / 同东盟 … : a partner, not the body that adopts (unless it is the only one named: 中国愿同东盟一道落实《…》).
            return Name(org);
        }
        // English: the body must be the subject of the verb ("the General Assembly adopted the Convention").
        if (action is { } a && org.End <= a.Start && a.End <= mention.Start) return Name(org);
        var before = _text[Math.Max(sentence.Start, org.Start - 8)..org.Start];
        return Regex.IsMatch(before, @"\b(?:by|at)\s+(?:the\s+)?$") && action is not null ? Name(org) : null;
    }

    private static string Name(Entity org) => org.Canonical ?? org.Text;

    // ---- parties ------------------------------------------------------------------------------------------

    [GeneratedRegex(@"(?:与|同|和)(?<partner>[^，。；、：,;\s]{1,14}?)(?:正式)?(?:签署|签订|缔结|商签|签)")]
    private static partial Regex ChinesePartner();

    /// <summary>与加拿大签署了资产分享条约 → 中国 + 加拿大 (the unstated subject of a Chinese official text is China).</summary>
    private ImmutableArray<string> ChineseParties(TextSpan mention, TextSpan sentence)
    {
        var (clauseStart, _) = Clause.Bounds(_text, mention.Start);
        clauseStart = Math.Max(clauseStart, sentence.Start);
        var before = _text[clauseStart..mention.Start];
        var match = ChinesePartner().Matches(before).LastOrDefault();
        if (match is null) return [];
        var partner = match.Groups["partner"].Value;
        var partners = Regex.Split(partner, "[、和及]").Where(p => p.Length > 0).ToList();
        var names = new List<string>();
        foreach (var p in partners)
        {
            var name = Countries.Name(p, chinese: true) ?? OrgNamed(clauseStart + match.Groups["partner"].Index, p)
                ?? (Regex.IsMatch(p, "(?:国家|国|方)$") ? p : null);
            if (name is null) return [];
            names.Add(name);
        }
        var subjects = Countries.FindIn(_text, clauseStart, clauseStart + match.Index, chinese: true);
        var subject = subjects.Count > 0 ? subjects[^1].Name : "中国";
        if (subjects.Count == 0 && _orgs.LastOrDefault(o => o.Start >= clauseStart && o.End <= clauseStart + match.Index) is { } org)
            subject = Name(org);
        return [subject, .. names.Where(n => n != subject)];
    }

    private string? OrgNamed(int offsetHint, string text) =>
        _orgs.FirstOrDefault(o => o.Text == text && Math.Abs(o.Start - offsetHint) < 20) is { } o ? Name(o) : null;

    [GeneratedRegex(@"\b(?:between|on behalf of|signed by|concluded by|adopted by)\s+(?<list>[^.;:()]+)")]
    private static partial Regex EnglishPartyList();

    private ImmutableArray<string> EnglishParties(TextSpan mention, TextSpan sentence, ActionMention? action)
    {
        var s = sentence.Of(_text);
        foreach (Match m in EnglishPartyList().Matches(s))
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
        // "Mexico and the United States reaffirmed …", "Senior U.S. and Mexican officials …".
        var names = Countries.FindIn(_text, sentence.Start, mention.Start, chinese: false).Select(c => (c.Start, c.Name))
            .Concat(_orgs.Where(o => o.Start >= sentence.Start && o.End <= mention.Start).Select(o => (o.Start, Name(o))))
            .OrderBy(x => x.Start).Select(x => x.Item2).Distinct().ToList();
        return names.Count >= 2 ? [.. names] : [];
    }

    /// <summary>"the United States and the other Parties to the North Atlantic Treaty" → United States, Parties to the North Atlantic Treaty.</summary>
    private ImmutableArray<string> Conjuncts(string list)
    {
        var result = new List<string>();
        foreach (var raw in Regex.Split(list, @",\s*(?:and\s+)?|\s+and\s+"))
        {
            var phrase = CutAtPredicate(raw.Trim());
            phrase = Regex.Replace(phrase, @"^(?:the\s+|other\s+|both\s+|all\s+|leaders\s+of\s+|governments\s+of\s+|representatives\s+of\s+)+", "");
            if (phrase.Length == 0) continue;
            var country = Countries.Name(phrase, chinese: false);
            if (country is not null) { result.Add(country); continue; }
            var org = _orgs.FirstOrDefault(o => o.Text == phrase || o.Canonical == phrase);
            if (org is not null) { result.Add(Name(org)); continue; }
            if (char.IsUpper(phrase[0])) result.Add(phrase);
        }
        return [.. result.Distinct()];
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
