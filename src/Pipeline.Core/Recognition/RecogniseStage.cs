using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Organisations;
using Pipeline.Stages;

namespace Pipeline.Recognition;

/// <summary>
/// The statistical recogniser beside the rules (spaCy's entity ruler + NER): a per-character (Chinese) or
/// per-token (English) tagger trained on annotated news finds organisation names that no rule proposes.
/// Rules keep their word: a name the tagger finds is added only where no entity lies yet.
/// With machine learning off the stage adds nothing, so `--no-ml` measures the rules alone.
/// </summary>
public sealed partial class RecogniseStage : IStage, IWarmsUp
{
    public const double DefaultMinConfidence = 0.5;
    public const double DefaultSettle = 0.7;
    public const double DefaultVeto = 0.9;

    public static readonly StageDescriptor<RecogniseOptions> Descriptor = new(
        "recognise",
        "finds organisation names no rule proposes, with a tagger trained on annotated news (Chinese and English)",
        ArticleParts.Organisations | ArticleParts.Agreements, ArticleParts.Organisations,
        o => new RecogniseStage(
            o.UseModel ? TrainedModel.FileOrShipped(o.Model, RecogniserModel.Shipped, RecogniserModel.Load) : null,
            o.MinConfidence, o.Settle, o.Veto));

    /// <summary>
    /// The corpora the configured model (or the shipped one) was trained on, whether or not machine learning is on:
    /// `evaluate --corpus` scores only the held-out documents of those.
    /// </summary>
    public static ImmutableArray<CorpusSignature> TrainedOn(PipelineConfig config)
    {
        var configured = config.Stages.FirstOrDefault(s => s.Descriptor == Descriptor)?.Options as RecogniseOptions;
        var path = configured?.Model;
        return path is not null && !File.Exists(path) ? [] : RecogniserModel.ReadTrainedOn(path);
    }

    private readonly RecogniserModel? _model;
    private readonly double _minConfidence;
    private readonly double _settle;
    private readonly double _veto;
    private readonly TaggerPool _chinese;
    private readonly TaggerPool _english;

    /// <param name="model">null: the stage adds nothing.</param>
    public RecogniseStage(RecogniserModel? model, double minConfidence = DefaultMinConfidence, double settle = DefaultSettle,
        double veto = DefaultVeto)
    {
        _model = model;
        _minConfidence = minConfidence;
        _settle = settle;
        _veto = veto;
        _chinese = new TaggerPool(() => TaggerFor("zh"));
        _english = new TaggerPool(() => TaggerFor("en"));
    }

    public static RecogniseStage WithShippedModel() =>
        new(RecogniserModel.Shipped ?? throw new InvalidOperationException("no recogniser model is shipped with the library"));

    StageDescriptor IStage.Descriptor => Descriptor;

    public bool UsesModel => _model is not null;

    /// <summary>A Chinese tagger built ahead and left idle for the first Chinese article (most articles are Chinese).</summary>
    public void WarmUp()
    {
        if (_model is not null && _chinese.Rent() is { } tagger) _chinese.Return(tagger);
    }

    private Tagger? TaggerFor(string language) =>
        _model?.Tagger(language) is { } learnt ? Recognition.Tagger.For(language, learnt) : null;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        if (_model is null || article.Text.Length == 0) return article;
        cancellation.ThrowIfCancellationRequested();
        var language = article.Language;
        var pool = language == DocumentLanguage.Chinese ? _chinese : _english;
        if (pool.Rent() is not { } tagger) return article;
        // A tagger whose article failed half-way is dropped, not reused: its scratch state is unknown.
        var result = Tag(article, tagger, language, cancellation);
        pool.Return(tagger);
        return result;
    }

    private Article Tag(Article article, Tagger tagger, DocumentLanguage language, CancellationToken cancellation)
    {
        var text = article.Text;
        var entities = InOrderOfStart(article.Entities);
        var byStart = new EntitiesByStart(entities);
        var removed = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        var added = new List<Entity>();
        var overlapping = new List<Entity>();
        var surelyOther = new List<(int Start, int End)>();
        foreach (var found in tagger.Find(text, cancellation))
        {
            var name = language == DocumentLanguage.English ? WithoutArticle(text, found) : found;
            overlapping.Clear();
            foreach (var e in byStart.Overlapping(name.Start, name.End))
                if (!removed.Contains(e)) overlapping.Add(e);
            // Names come in order of position and never overlap one another, so only the last ones added can meet this one.
            var fromAdded = 0;
            for (var j = added.Count - 1; j >= 0 && added[j].End > name.Start; j--)
                if (added[j].Start < name.End) fromAdded++;
            for (var j = added.Count - fromAdded; j < added.Count; j++) overlapping.Add(added[j]);
            if (name.Type == EntityTypes.Org)
            {
                if (name.Confidence < _minConfidence || !LooksLikeOrganisation(text, name, language, tagger)) continue;
                if (overlapping.Count == 0 || Settles(text, name, overlapping, language))
                {
                    foreach (var e in overlapping) removed.Add(e);
                    added.RemoveRange(added.Count - fromAdded, fromAdded);
                    added.Add(ToEntity(text, name, language));
                }
            }
            else if (name.Confidence >= _veto)
            {
                surelyOther.Add((name.Start, name.End));
                // The tagger is sure this is a person, place or other name: an organisation the rules read inside it
                // is part of that name (Fed Cup, Toyota Celica, the Kremlin's security chief is fine: a place).
                foreach (var e in overlapping)
                    if (e.Type == EntityTypes.Org && e.Start >= name.Start && e.End <= name.End &&
                        (!IsSure(e) || e.End - e.Start < name.End - name.Start))
                        removed.Add(e);
            }
        }
        if (language == DocumentLanguage.English)
            added.AddRange(RepeatedNames.Find(text, entities.Where(e => !removed.Contains(e)).Concat(added), surelyOther));
        var all = added.Count == 0 && removed.Count == 0
            ? entities
            : entities.Where(e => !removed.Contains(e)).Concat(added).ToImmutableArray().Sort(Entity.ByPosition);
        return article with { Entities = DocumentOrganisations.Settle(text, language, all) };
    }

    private static ImmutableArray<Entity> InOrderOfStart(ImmutableArray<Entity> entities)
    {
        for (var i = 1; i < entities.Length; i++)
            if (entities[i - 1].Start > entities[i].Start) return entities.Sort(Entity.ByPosition);
        return entities;
    }

    /// <summary>
    /// Where the tagger's name meets organisations the rules found, it decides only what the rules were unsure of:
    /// the boundaries of names the classifier chose among the rules' guesses (除中信银行 → 中信银行), and a known
    /// name that is part of a longer one (Toyota in Toyota Australia). Any other kind of entity keeps its span.
    /// </summary>
    private bool Settles(string text, RecognisedName name, List<Entity> overlapping, DocumentLanguage language)
    {
        if (name.Confidence < _settle) return false;
        Entity? sure = null;
        foreach (var e in overlapping)
        {
            if (e.Type != EntityTypes.Org) return false;
            if (e.Start == name.Start && e.End == name.End) return false; // already found as it is
            if (!IsSure(e)) continue;
            if (sure is not null || e.Start < name.Start || e.End > name.End) return false;
            sure = e;
        }
        // A known name grows only by words of its own, never by the country written before it (英国路透社).
        return sure is null || !CountryBefore(text, name.Start, sure.Start, language);
    }

    /// <summary>
    /// What the spec says an organisation is not, whatever the tagger thinks: a country or place (塞尔维亚, Philippines),
    /// a kind of organ without its body (人民法院 in 移交人民法院), an ordinary word ending like a name (上海总部, 拜仁主场首选平局),
    /// a post (National Security Advisor, Spokesperson), a law or an instrument (Atomic Energy Act), and a single
    /// capitalised word that is usually written in lower case (Article 10, Participants:) unless the tagger is sure.
    /// </summary>
    private bool LooksLikeOrganisation(string text, RecognisedName name, DocumentLanguage language, Tagger tagger)
    {
        var span = text.AsSpan(name.Start, name.End - name.Start);
        var whole = span.ToString();
        if (Places.IsPlace(whole) || Capitals.IsCapital(whole) || Agreements.Countries.IsCountryForm(whole) || !BracketsBalance(span))
            return false;
        if (language == DocumentLanguage.Chinese)
            return !ProvinceAndCity().IsMatch(whole) && !GenericOrgans.IsGeneric(span) && !OrgCandidateGenerator.EndsInCommonWord(text, name.End);
        var words = whole.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length == 1 && OrgCandidateGenerator.IsCommonAcronym(words[0])) return false;
        // "GENEVA (AP) —", "WASHINGTON, March 5": a dateline's place in capitals.
        if (IsDatelinePlace(text, name, whole)) return false;
        // The Los Angeles Games, the Paris Olympics: the spec makes meetings and contests events, not bodies; an airport or a
        // port is a place.
        if (words.Length > 1 && (EventHeads.Contains(words[^1]) || words[^1] is "Airport" or "Port" or "Harbour" or "Harbor"))
            return false;
        // A post (National Security Advisor, Secretary of Energy), or the office named in one (Director of National Intelligence).
        if (Posts.Contains(words[^1]) || words.Length > 2 && Posts.Contains(words[0]) && words[1] == "of" || AfterPostOf(text, name.Start))
            return false;
        if (Agreements.TitleRules.ForEnglishTitle(span.ToString()).Type is EntityTypes.Law or EntityTypes.Agreement or EntityTypes.Publication)
            return false;
        if (words.Length == 1 && !IsAllCaps(words[0]) && tagger.Lexicon.Step(FeatureHash.OfLower(words[0])) >= 1)
            return name.Confidence >= _veto;
        return true;
    }

    /// <summary>"sh）" of a stock code, "集团）有限公司" of a name cut at a line start: a name opens what it closes.</summary>
    private static bool BracketsBalance(ReadOnlySpan<char> span)
    {
        var depth = 0;
        foreach (var c in span)
        {
            if (c is '(' or '（') depth++;
            else if (c is ')' or '）' && --depth < 0) return false;
        }
        return depth == 0;
    }

    /// <summary>湖北省武汉市: a city written with its province is a place.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,3}(省|自治区)\p{IsCJKUnifiedIdeographs}{1,4}市$")]
    private static partial System.Text.RegularExpressions.Regex ProvinceAndCity();

    private static readonly HashSet<string> EventHeads = new(StringComparer.Ordinal)
    {
        "Games", "Olympics", "Paralympics", "Summit", "Expo", "Championships", "Championship", "Marathon", "Festival",
    };

    private static bool IsDatelinePlace(string text, RecognisedName name, string whole)
    {
        if (name.Start > 0 && text[name.Start - 1] != '\n' || !IsAllCaps(whole)) return false;
        // A headline in capitals ("RUGBY UNION - …") or a paper's name opening a digest is no dateline: an agency or a
        // date must follow.
        var after = text.AsSpan(name.End, Math.Min(40, text.Length - name.End));
        var lineEnd = after.IndexOf('\n');
        if (lineEnd >= 0) after = after[..lineEnd];
        return after.TrimStart(' ') is [',' or '(', ..] && DatelineTail().IsMatch(after);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:\((?:AP|AFP|Reuters|UPI|Xinhua|Bloomberg|dpa)\)|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")]
    private static partial System.Text.RegularExpressions.Regex DatelineTail();

    private static bool AfterPostOf(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        if (!before.EndsWith(" of", StringComparison.Ordinal)) return false;
        before = before[..^3].TrimEnd();
        var space = before.LastIndexOfAny(' ', '\n');
        return Posts.Contains(before[(space + 1)..].ToString());
    }

    private static bool IsAllCaps(string word)
    {
        foreach (var c in word)
            if (char.IsLower(c)) return false;
        return true;
    }

    // Words that end a post's title: "National Security Advisor" names a person's office, not a body.
    private static readonly HashSet<string> Posts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Advisor", "Adviser", "Spokesperson", "Spokesman", "Spokeswoman", "Secretary", "Minister", "President",
        "Vice-President", "Director", "Ambassador", "Chairman", "Chairwoman", "Chair", "Governor", "Commissioner",
        "Envoy", "Representative", "Officer", "Chief", "Premier", "Chancellor", "Mayor", "Prosecutor", "Attorney",
        "General", "Undersecretary", "Under-Secretary", "Counsellor", "Counselor", "Coordinator", "Administrator",
        "Senator", "Congressman", "Congresswoman", "Speaker", "Deputy", "Head", "MEP", "MEPs", "MP", "MPs",
    };

    /// <summary>"The Home Office" at a sentence start: the article is no part of the name.</summary>
    private static RecognisedName WithoutArticle(string text, RecognisedName name) =>
        name.End - name.Start > 4 && text.AsSpan(name.Start, 4) is "The " or "the " ? name with { Start = name.Start + 4 } : name;

    private static bool IsSure(Entity e) => e.Source is RuleIds.OrgGazetteer or RuleIds.OrgSubUnit;

    private static bool CountryBefore(string text, int start, int knownStart, DocumentLanguage language)
    {
        if (knownStart == start) return false;
        var before = text[start..knownStart].Trim();
        if (language == DocumentLanguage.Chinese) return Places.PlaceAt(text, start, knownStart) == knownStart - start;
        return Agreements.Countries.Name(before, chinese: false) is not null;
    }

    private static Entity ToEntity(string text, RecognisedName name, DocumentLanguage language)
    {
        var span = text[name.Start..name.End];
        return new Entity(EntityTypes.Org, name.Start, name.End, span, RuleIds.RecogniserModel, Math.Round(name.Confidence, 4))
        {
            Canonical = language == DocumentLanguage.Chinese ? ChineseCanonicalNames.Expand(span) : span,
        };
    }
}

public sealed record RecogniseOptions
{
    [Option("false: the stage adds nothing (like --no-ml)"), ModelSwitch]
    public bool UseModel { get; init; } = true;

    [Option("path of a model written by `pipeline train` (default: the model shipped with the library)"), FileOption]
    public string? Model { get; init; }

    [Option("lowest mean tag probability a name needs", Minimum = 0, Maximum = 1)]
    public double MinConfidence { get; init; } = RecogniseStage.DefaultMinConfidence;

    [Option("probability from which the tagger's name replaces overlapping organisations the rules were unsure of", Minimum = 0, Maximum = 1)]
    public double Settle { get; init; } = RecogniseStage.DefaultSettle;

    [Option("probability from which a person, place or other name removes an organisation inside it, and a one-word " +
            "name usually written in lower case is kept", Minimum = 0, Maximum = 1)]
    public double Veto { get; init; } = RecogniseStage.DefaultVeto;
}

/// <summary>
/// Idle taggers of one language. A tagger holds scratch buffers, so it serves one article at a time; it is kept
/// for the next article because building one (its features over the gazetteer) costs more than tagging a short
/// article, and each article runs on a thread of its own under the watchdog (a tagger per thread would be
/// built again for every article).
/// </summary>
internal sealed class TaggerPool(Func<Tagger?> make)
{
    private readonly ConcurrentBag<Tagger> _idle = [];

    /// <summary>An idle tagger, or a new one; null where the model has no tagger for the language.</summary>
    public Tagger? Rent() => _idle.TryTake(out var tagger) ? tagger : make();

    public void Return(Tagger tagger) => _idle.Add(tagger);
}
