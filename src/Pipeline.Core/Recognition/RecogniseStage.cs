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
public sealed class RecogniseStage : IStage
{
    public const string Source = "ml:recogniser";
    public const double DefaultMinConfidence = 0.5;

    public static readonly StageDescriptor Descriptor = new(
        "recognise",
        "finds organisation names no rule proposes, with a tagger trained on annotated news (Chinese and English)",
        [
            new OptionSpec("useModel", OptionKind.Boolean, true, "false: the stage adds nothing (like --no-ml)"),
            new OptionSpec("model", OptionKind.String, null,
                "path of a model written by `pipeline train` (default: the model shipped with the library)"),
            new OptionSpec("minConfidence", OptionKind.Number, DefaultMinConfidence,
                "lowest mean tag probability a name needs") { Minimum = 0, Maximum = 1 },
        ],
        settings =>
        {
            if (!settings.GetBool("useModel") || settings.MachineLearningDisabled) return new RecogniseStage(null);
            var path = settings.GetPath("model");
            var model = path is null
                ? RecogniserModel.Shipped ?? throw new ConfigException("stage 'recognise': no model is shipped; run `pipeline train` or set \"useModel\": false")
                : File.Exists(path) ? RecogniserModel.Load(path)
                : throw new ConfigException($"stage 'recognise': model file not found: {path}");
            return new RecogniseStage(model, settings.GetDouble("minConfidence"));
        });

    private readonly RecogniserModel? _model;
    private readonly double _minConfidence;
    private readonly ThreadLocal<Tagger?> _chinese;
    private readonly ThreadLocal<Tagger?> _english;

    /// <param name="model">null: the stage adds nothing.</param>
    public RecogniseStage(RecogniserModel? model, double minConfidence = DefaultMinConfidence)
    {
        _model = model;
        _minConfidence = minConfidence;
        _chinese = new ThreadLocal<Tagger?>(() => TaggerFor("zh"));
        _english = new ThreadLocal<Tagger?>(() => TaggerFor("en"));
    }

    public static RecogniseStage WithShippedModel() =>
        new(RecogniserModel.Shipped ?? throw new InvalidOperationException("no recogniser model is shipped with the library"));

    public string Name => "recognise";

    public bool UsesModel => _model is not null;

    private Tagger? TaggerFor(string language) =>
        _model is not null && _model.Languages.TryGetValue(language, out var weights)
            ? new Tagger(weights, RecogniserTrainer.FeaturesFor(language, Gazetteer.Default, weights.Bits))
            : null;

    public Article Process(Article article)
    {
        if (_model is null || article.Text.Length == 0) return article;
        var language = DocumentLanguages.Of(article);
        var tagger = language == DocumentLanguage.Chinese ? _chinese.Value : _english.Value;
        if (tagger is null) return article;
        var text = article.Text;
        var taken = new bool[text.Length];
        foreach (var e in article.Entities)
            for (var i = e.Start; i < e.End; i++) taken[i] = true;
        var added = new List<Entity>();
        foreach (var name in tagger.Find(text))
        {
            if (name.Type != EntityTypes.Org || name.Confidence < _minConfidence) continue;
            if (taken.AsSpan(name.Start, name.End - name.Start).Contains(true)) continue;
            var span = text[name.Start..name.End];
            added.Add(new Entity(EntityTypes.Org, name.Start, name.End, span, Source, Math.Round(name.Confidence, 4))
            {
                Canonical = language == DocumentLanguage.Chinese ? ChineseCanonicalNames.Expand(span) : span,
            });
        }
        if (added.Count == 0) return article;
        var all = article.Entities.AddRange(added).Sort(Entity.ByPosition);
        return article with { Entities = AliasResolver.ResolveShortForms(all) };
    }
}
