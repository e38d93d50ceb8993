using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Organisations;
using Pipeline.Stages;

namespace Pipeline.Classification;

/// <summary>
/// Decides every candidate the rule stages proposed (organisation names, titles in book marks, typed
/// instruments): the ML.NET model reads the span and its surroundings and names its type or NONE; where
/// candidates overlap, the most probable one wins. With machine learning off, the rules' own type and
/// confidence decide, so the model's contribution can be measured against the rules alone.
/// </summary>
public sealed class ClassifyStage : IStage
{
    public const double DefaultMinConfidence = 0.4;
    public const double DefaultRuleThreshold = 0.5;
    public const double DefaultTrustedRule = RuleConfidence.Sure;
    public const double DefaultVeto = 0.9;

    public static readonly StageDescriptor<ClassifyOptions> Descriptor = new(
        "classify",
        "types every candidate span (ORG, AGREEMENT, LAW, MEDIA, EVENT, PUBLICATION or nothing) with the ML.NET model",
        ArticleParts.Candidates, ArticleParts.Organisations | ArticleParts.Agreements,
        o =>
        {
            CandidateClassifier? model = null;
            if (o.UseModel)
                model = TrainedModel.FileOrShipped(o.Model, CandidateClassifier.Shipped, CandidateClassifier.Load);
            return new ClassifyStage(model, o.MinConfidence, o.RuleThreshold, o.TrustedRule, o.Veto);
        });

    private readonly CandidateClassifier? _model;
    private readonly double _minConfidence;
    private readonly double _ruleThreshold;
    private readonly double _trustedRule;
    private readonly double _veto;

    /// <param name="model">null: decide by the rules alone.</param>
    public ClassifyStage(CandidateClassifier? model, double minConfidence = DefaultMinConfidence,
        double ruleThreshold = DefaultRuleThreshold, double trustedRule = DefaultTrustedRule, double veto = DefaultVeto)
    {
        _model = model;
        _minConfidence = minConfidence;
        _ruleThreshold = ruleThreshold;
        _trustedRule = trustedRule;
        _veto = veto;
    }

    /// <summary>The stage with the shipped model.</summary>
    public static ClassifyStage WithShippedModel() =>
        new(CandidateClassifier.Shipped ?? throw new InvalidOperationException("no model is shipped with the library"));

    public static ClassifyStage RulesOnly() => new(null);

    StageDescriptor IStage.Descriptor => Descriptor;

    public bool UsesModel => _model is not null;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        if (article.Candidates.IsEmpty) return article;
        var text = article.Text;
        var knownOrgs = article.Entities.Where(e => e.Type == EntityTypes.Org).ToList();
        // For each character, the known name covering it (index + 1), so every check below is linear.
        var knownAt = new int[text.Length];
        for (var k = 0; k < knownOrgs.Count; k++)
            for (var i = knownOrgs[k].Start; i < knownOrgs[k].End; i++) knownAt[i] = k + 1;

        var decided = new List<(Candidate Candidate, string Label, double Confidence)>();
        var features = new List<int>(64);
        var candidates = article.Candidates;
        for (var i = 0; i < candidates.Length;)
        {
            cancellation.ThrowIfCancellationRequested();
            var next = i + 1;
            if (_model is not null && IsBoundaryAlternative(candidates[i]))
            {
                while (next < candidates.Length && IsBoundaryAlternative(candidates[next]) && candidates[next].End == candidates[i].End) next++;
                if (next - i > 1 && DecideGroup(text, candidates.AsSpan(i, next - i), knownAt, knownOrgs, features) is { } chosen)
                {
                    decided.Add(chosen);
                    i = next;
                    continue;
                }
            }
            for (var k = i; k < next; k++)
            {
                var c = candidates[k];
                if (CutsIntoKnownName(c, knownAt, knownOrgs)) continue;
                var (label, confidence) = Decide(text, c, features);
                if (label != EntityTypes.None) decided.Add((c, label, confidence));
            }
            i = next;
        }

        // Overlapping candidates compete: the most probable wins, then the longer one.
        var taken = new bool[text.Length];
        var entities = new List<Entity>();
        foreach (var d in decided.OrderByDescending(d => d.Confidence).ThenByDescending(d => d.Candidate.End - d.Candidate.Start))
        {
            var free = true;
            for (var i = d.Candidate.Start; i < d.Candidate.End && free; i++) free = !taken[i];
            if (!free) continue;
            for (var i = d.Candidate.Start; i < d.Candidate.End; i++) taken[i] = true;
            entities.Add(ToEntity(d.Candidate, d.Label, d.Confidence));
        }

        // The longest name is the mention: a known name inside an accepted organisation name is dropped, and so
        // is one inside an agreement's title ("United Nations" in the UN Convention on the Law of the Sea names
        // the instrument, not an actor; docs/annotation.md makes it optional).
        var inner = new HashSet<int>();
        foreach (var e in entities.Where(e => e.Type is EntityTypes.Org or EntityTypes.Agreement))
            for (var i = e.Start; i < e.End; i++)
                if (knownAt[i] != 0 && knownOrgs[knownAt[i] - 1] is var o && o.Start >= e.Start && o.End <= e.End && o.Span != e.Span)
                    inner.Add(knownAt[i] - 1);
        var dropped = inner.Select(k => knownOrgs[k]).ToHashSet(ReferenceEqualityComparer.Instance);
        var kept = article.Entities.Where(e => !dropped.Contains(e));
        var all = kept.Concat(entities).ToImmutableArray().Sort(Entity.ByPosition);
        return article with { Entities = DocumentOrganisations.Settle(article.Text, article.Language, all) };
    }

    /// <summary>A known name already decides its span; a candidate cutting into one is a wrong boundary.</summary>
    private static bool CutsIntoKnownName(Candidate c, int[] knownAt, List<Entity> knownOrgs)
    {
        for (var i = c.Start; i < c.End; i++)
        {
            if (knownAt[i] == 0) continue;
            var o = knownOrgs[knownAt[i] - 1];
            if (o.Start == c.Start && o.End == c.End) return true;
            if (o.Start < c.Start || o.End > c.End) return true;
        }
        return false;
    }

    /// <summary>The suffix rules propose one name end with several starts: the starts are alternatives of one name.</summary>
    private static bool IsBoundaryAlternative(Candidate c) => c.Source == RuleIds.OrgChineseSuffix;

    /// <summary>
    /// The alternatives share the model's belief that a name ends here; summed, it decides whether there is a
    /// name at all, and the most probable start is the name. Null: no name here by the group's mass.
    /// </summary>
    private (Candidate, string, double)? DecideGroup(string text, ReadOnlySpan<Candidate> group, int[] knownAt,
        List<Entity> knownOrgs, List<int> features)
    {
        const int org = 1;
        Span<float> p = stackalloc float[CandidateLabels.All.Length];
        var mass = 0.0;
        Candidate? best = null;
        var bestP = -1.0;
        foreach (var c in group)
        {
            if (CutsIntoKnownName(c, knownAt, knownOrgs)) continue;
            CandidateFeatures.Extract(text, c, features);
            _model!.Probabilities(features, p);
            mass += p[org];
            if (p[org] > bestP) (best, bestP) = (c, p[org]);
        }
        return best is not null && mass >= _minConfidence ? (best, EntityTypes.Org, Math.Min(1.0, mass)) : null;
    }

    private (string Label, double Confidence) Decide(string text, Candidate c, List<int> features)
    {
        if (_model is null)
            return c.RuleConfidence >= _ruleThreshold ? (c.ProposedType, c.RuleConfidence) : (EntityTypes.None, 0);
        CandidateFeatures.Extract(text, c, features);
        Span<float> p = stackalloc float[CandidateLabels.All.Length];
        _model.Probabilities(features, p);
        var best = 0;
        for (var k = 1; k < p.Length; k++)
            if (p[k] > p[best]) best = k;
        // A sure rule (a title ending in 公约, a known instrument) keeps its type unless the model is as sure of
        // another answer: the model has seen few such titles, the rule encodes how they are written.
        var proposed = CandidateLabels.All.IndexOf(c.ProposedType);
        if (c.RuleConfidence >= _trustedRule && proposed > 0 && best != proposed && p[best] < _veto)
            return (c.ProposedType, Math.Max(p[proposed], c.RuleConfidence));
        if (best == 0)
        {
            best = 1;
            for (var k = 2; k < p.Length; k++)
                if (p[k] > p[best]) best = k;
        }
        return p[best] >= _minConfidence ? (CandidateLabels.All[best], p[best]) : (EntityTypes.None, p[best]);
    }

    private Entity ToEntity(Candidate c, string label, double confidence)
    {
        var keepsNormalisation = c.ProposedType is EntityTypes.Agreement or EntityTypes.Org;
        // A newspaper, news agency or broadcaster is a news organisation: an ORG by ANNOTATION.md
        // (美国《华尔街日报》 → 华尔街日报); the classifier's MEDIA only tells it from books and laws in book marks.
        if (label == EntityTypes.Media)
            return new Entity(EntityTypes.Org, c.Start, c.End, c.Text, _model is null ? RuleIds.KeptByRule(c.Source) : RuleIds.ClassifierModel,
                Math.Round(confidence, 4)) { Canonical = c.Canonical ?? c.Text, Kind = "media" };
        return new Entity(label, c.Start, c.End, c.Text, _model is null ? RuleIds.KeptByRule(c.Source) : RuleIds.ClassifierModel, Math.Round(confidence, 4))
        {
            Canonical = keepsNormalisation ? c.Canonical ?? c.Text : c.Text,
            CanonicalEn = keepsNormalisation ? c.CanonicalEn : null,
            Kind = keepsNormalisation ? c.Kind : null,
        };
    }
}

public sealed record ClassifyOptions
{
    [Option("false: candidates become entities by the rules' own type and confidence (like --no-ml)"), ModelSwitch]
    public bool UseModel { get; init; } = true;

    [Option("path of a model trained by `pipeline train` (default: the model shipped with the library)"), FileOption]
    public string? Model { get; init; }

    [Option("lowest model probability a candidate needs to become an entity", Minimum = 0, Maximum = 1)]
    public double MinConfidence { get; init; } = ClassifyStage.DefaultMinConfidence;

    [Option("without the model: lowest rule confidence a candidate needs", Minimum = 0, Maximum = 1)]
    public double RuleThreshold { get; init; } = ClassifyStage.DefaultRuleThreshold;

    [Option("rule confidence from which the rule's type stands unless the model is sure of another answer", Minimum = 0, Maximum = 1)]
    public double TrustedRule { get; init; } = ClassifyStage.DefaultTrustedRule;

    [Option("probability the model needs to overrule a trusted rule (another type, or nothing)", Minimum = 0, Maximum = 1)]
    public double Veto { get; init; } = ClassifyStage.DefaultVeto;
}
