using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Organisations;

/// <summary>
/// Finds organisations: names the gazetteer knows become ORG entities at once; names it does not know
/// are proposed as candidates (suffix rules, acronyms, English capitalised names) for the classify stage.
/// </summary>
public sealed class OrganisationsStage : IStage
{

    public static readonly StageDescriptor<OrganisationsOptions> Descriptor = new(
        "organisations",
        "organisation names: gazetteer matches, plus candidates from suffix rules for the classify stage",
        ArticleParts.Text, ArticleParts.Organisations | ArticleParts.Candidates,
        o => new OrganisationsStage(Gazetteer.WithExtraFiles(o.Gazetteers), o.ProposeCandidates));

    private readonly Gazetteer _gazetteer;
    private readonly bool _proposeCandidates;
    private readonly OrgCandidateGenerator _generator = new();

    public OrganisationsStage(Gazetteer? gazetteer = null, bool proposeCandidates = true)
    {
        _gazetteer = gazetteer ?? Gazetteer.Default;
        _proposeCandidates = proposeCandidates;
    }

    StageDescriptor IStage.Descriptor => Descriptor;

    public Gazetteer Gazetteer => _gazetteer;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var language = article.Language;
        var text = article.Text;
        var matches = _gazetteer.FindAll(text).Where(m => !IsInJobTitle(text, m)).ToList();
        var entities = new List<Entity>(matches.Count);
        var covered = new List<GazetteerMatch>(matches.Count);
        // Asked only of a text that uses a country-bound word (Congress, Senate), once per country.
        Dictionary<string, bool>? countriesNamed = null;
        bool NamesCountry(string country) =>
            (countriesNamed ??= []).TryGetValue(country, out var answer)
                ? answer
                : countriesNamed[country] = CountryBoundAliases.Names(text, country, matches);
        for (var k = 0; k < matches.Count; k++)
        {
            if (k % 64 == 0) cancellation.ThrowIfCancellationRequested();
            var m = matches[k];
            var nextStart = k + 1 < matches.Count ? matches[k + 1].Start : text.Length;
            if (language == DocumentLanguage.Chinese && SubUnits.UnitEnd(text, m.Start, m.End, nextStart) is var unitEnd and > 0)
            {
                entities.Add(ToUnitEntity(text, m, unitEnd, language));
                covered.Add(m with { End = unitEnd });
                continue;
            }
            // Moody's Ratings, 中国日报网: a company's named arm, a news organisation's outlet.
            var armEnd = language == DocumentLanguage.English
                ? m.Entry.Kind is "company" or "media" or "financial" ? EnglishUnits.UnitEnd(text, m.End, nextStart) : -1
                : m.Entry.Kind == "media" ? MediaOutlets.OutletEnd(text, m.End, nextStart) : -1;
            if (armEnd > 0)
            {
                var arm = text[m.Start..armEnd];
                entities.Add(new Entity(EntityTypes.Org, m.Start, armEnd, arm, RuleIds.OrgSubUnit, RuleConfidence.Strong)
                {
                    Canonical = EnglishUnits.Canonical(arm), Kind = m.Entry.Kind,
                });
                covered.Add(m with { End = armEnd });
                continue;
            }
            var named = m with { End = LegalForms.EndAfter(text, m.End, nextStart, company: m.Entry.Kind == "company") };
            var entity = ToEntity(text, named, language);
            if (language == DocumentLanguage.English && CountryBoundAliases.CountryOf(entity.Text) is { } country &&
                !NamesCountry(country))
                entity = entity with { Canonical = entity.Text, CanonicalEn = null, Kind = null };
            entities.Add(entity);
            covered.Add(named);
        }
        var result = article.AddEntities(language == DocumentLanguage.Chinese ? PlacePrefixes.Extend(text, [.. entities]) : entities);
        return _proposeCandidates ? result.AddCandidates(_generator.Generate(text, covered)) : result;
    }

    /// <summary>公安部刑事侦查局: the body's canonical name followed by the unit's own name (中科院物理研究所 → 中国科学院物理研究所).</summary>
    private static Entity ToUnitEntity(string text, GazetteerMatch body, int end, DocumentLanguage language) =>
        new(EntityTypes.Org, body.Start, end, text[body.Start..end], RuleIds.OrgSubUnit, RuleConfidence.Strong)
        {
            Canonical = body.Entry.CanonicalFor(language) + text[body.End..end],
            Kind = body.Entry.Kind,
        };

    /// <summary>外交部长, 国防部长: the ministry names a post, not the body (optional in gold, untagged in pd1998).</summary>
    private static bool IsInJobTitle(string text, GazetteerMatch m) =>
        m.End < text.Length && text[m.End] == '长' && "部局署院委厅办社行".Contains(text[m.End - 1]) &&
        !(m.End + 1 < text.Length && PlacesStartingWithChang.Contains(text[m.End + 1]));

    // 新华社长沙电: 长 starts a place (长沙, 长春, 长江), not a post.
    private const string PlacesStartingWithChang = "沙春江城安治白";

    private static Entity ToEntity(string text, GazetteerMatch m, DocumentLanguage language) =>
        new(EntityTypes.Org, m.Start, m.End, text[m.Start..m.End], RuleIds.OrgGazetteer, 0.95)
        {
            Canonical = m.Entry.CanonicalFor(language),
            CanonicalEn = m.Entry.English,
            Kind = m.Entry.Kind,
        };
}

public sealed record OrganisationsOptions
{
    [Option("extra gazetteer files (Chinese<TAB>English<TAB>aliases|...<TAB>kind), relative to pipeline.json"), FileOption]
    public ImmutableArray<string> Gazetteers { get; init; } = [];

    [Option("propose names the gazetteer lacks (suffix rules, acronyms) for the classify stage")]
    public bool ProposeCandidates { get; init; } = true;
}
