using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Pipeline.Evaluation;
using Pipeline.Model;
using Pipeline.Organisations;

namespace Pipeline.Recognition;

/// <summary>One training corpus of a language: a path and the name the report uses.</summary>
public sealed record TrainingCorpus(string Name, string Path);

/// <summary>What one language's tagger learns from and how.</summary>
public sealed record LanguageTraining(
    string Language,
    ImmutableArray<string> Types,
    int Bits,
    ImmutableArray<TrainingCorpus> Corpora)
{
    public int MaxIterations { get; init; } = 20;
    public float L1 { get; init; } = 1e-5f;
    public float L2 { get; init; } = 1e-6f;

    /// <summary>Train on at most this many documents of each corpus (tests train on a small slice).</summary>
    public int? MaxDocumentsPerCorpus { get; init; }

    /// <summary>Also learn from each document as prose (CoNLL's tokenised text joined back the way it is written).</summary>
    public bool ProseCopies { get; init; }
}

/// <summary>Held-out figures of one corpus, the tagger alone (no rules).</summary>
public sealed record TaggerScore(string Corpus, int Documents, TypeScore Strict, TypeScore Relaxed);

public sealed record LanguageReport(string Language, int TrainingDocuments, int TrainingUnits, int NonZeroFeatures,
    TimeSpan Elapsed, ImmutableArray<TaggerScore> HeldOut);

/// <summary>
/// Trains one language's tagger with ML.NET: every unit (character or token) of the training documents is a row of
/// hashed features labelled with its BIOES tag; a multiclass maximum-entropy model (SDCA, L1 to keep the weights
/// sparse, one thread so the same data and seed give the same weights) learns them. Documents whose id hashes
/// into the held-out share are never trained on; the report scores the tagger on them.
/// </summary>
public sealed class RecogniserTrainer
{
    public const double HeldOutShare = 0.15;

    public static IUnitFeatures FeaturesFor(string language, Gazetteer gazetteer, int bits, WordLexicon lexicon) => language switch
    {
        "zh" => new ChineseFeatures(gazetteer, bits),
        "en" => new EnglishFeatures(gazetteer, bits, lexicon),
        _ => throw new ArgumentException($"no tagger for language '{language}'"),
    };

    /// <summary>Trains every language (in parallel: each trainer is single-threaded) and writes one model file.</summary>
    public RecogniserTrainingReport TrainAll(RecogniserTrainingOptions options, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var languages = options.Languages;
        foreach (var corpus in languages.SelectMany(l => l.Corpora))
            if (!File.Exists(corpus.Path)) throw new FileNotFoundException($"training data not found: {corpus.Path}", corpus.Path);
        var results = new (LanguageTagger Tagger, LanguageReport Report)[languages.Length];
        Parallel.For(0, languages.Length, i => results[i] = Train(languages[i], log));
        var signatures = languages.SelectMany(l => l.Corpora)
            .Select(c => new CorpusSignature(Path.GetFileName(c.Path), CorpusSignatures.Digest(c.Path)));
        var model = new RecogniserModel(languages.Select((l, i) => KeyValuePair.Create(l.Language, results[i].Tagger)), signatures);
        model.Save(options.ModelPath);
        return new RecogniserTrainingReport(options.ModelPath, new FileInfo(options.ModelPath).Length,
            [.. results.Select(r => r.Report)], clock.Elapsed);
    }

    public (LanguageTagger Tagger, LanguageReport Report) Train(LanguageTraining spec, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Default;
        var tags = new TagScheme(spec.Types);
        var types = spec.Types.ToHashSet();
        var train = new List<TrainingDocument>();
        var heldOut = new List<(TrainingCorpus Corpus, List<CorpusDocument> Docs)>();
        foreach (var corpus in spec.Corpora)
        {
            var held = new List<CorpusDocument>();
            var taken = 0;
            foreach (var doc in AnnotatedCorpus.Read(corpus.Path, CorpusSplit.All))
            {
                if (taken++ >= (spec.MaxDocumentsPerCorpus ?? int.MaxValue)) break;
                if (Classification.ClassifierTrainer.IsHeldOut(doc.Id, HeldOutShare)) held.Add(doc);
                else
                {
                    var document = TrainingConventions.Apply(doc, types, gazetteer);
                    train.Add(document);
                    if (spec.ProseCopies) train.Add(Detokeniser.Apply(document));
                }
            }
            heldOut.Add((corpus, held));
        }

        var lexicon = spec.Language == "en" ? WordLexicon.Learn(train.Select(d => d.Text)) : WordLexicon.Empty;
        var features = FeaturesFor(spec.Language, gazetteer, spec.Bits, lexicon);
        var rows = Rows(train, features, tags, spec.Bits, out var units);
        log?.Invoke($"{spec.Language}: {train.Count} documents, {units} units, features ready in {clock.Elapsed.TotalSeconds:F1} s");
        var weights = Fit(rows, tags, spec, out var nonZero);
        log?.Invoke($"{spec.Language}: trained in {clock.Elapsed.TotalSeconds:F1} s, {nonZero} non-zero features");

        var learnt = new LanguageTagger(weights, lexicon);
        var tagger = new Tagger(weights, features);
        var scores = heldOut.Select(h => Score(h.Corpus.Name, h.Docs, tagger)).ToImmutableArray();
        return (learnt, new LanguageReport(spec.Language, train.Count, units, nonZero, clock.Elapsed, scores));
    }

    private static TaggerScore Score(string name, List<CorpusDocument> docs, Tagger tagger)
    {
        var gold = docs.SelectMany(d => d.Gold).ToList();
        var predicted = new List<ScoredEntity>();
        foreach (var d in docs)
        {
            var offsets = new TextOffsets(d.Text);
            foreach (var s in tagger.Find(d.Text))
                if (s.Type == EntityTypes.Org)
                    predicted.Add(new ScoredEntity(d.Id, s.Type, offsets.ToCodePoint(s.Start), offsets.ToCodePoint(s.End),
                        d.Text[s.Start..s.End], false, null, null));
        }
        string[] org = [EntityTypes.Org];
        return new TaggerScore(name, docs.Count, Scorer.Score(gold, predicted, org)[EntityTypes.Org],
            Scorer.Score(gold, predicted, org, relaxed: true)[EntityTypes.Org]);
    }

    private sealed class TaggerRow
    {
        public VBuffer<float> Features { get; set; }
        public uint Label { get; set; }
    }

    private sealed class TagValue
    {
        public uint Label { get; set; }
    }

    private static readonly float[] Ones = Enumerable.Repeat(1f, 512).ToArray();

    private static List<TaggerRow> Rows(List<TrainingDocument> docs, IUnitFeatures features, TagScheme tags, int bits,
        out int units)
    {
        var rows = new List<TaggerRow>();
        var cut = new TextUnits();
        var featureRows = new FeatureRows();
        var dimension = 1 << bits;
        var spans = new List<(int, int, int)>();
        var buffer = new int[512];
        foreach (var doc in docs)
        {
            features.Cut(doc.Text, cut);
            features.ExtractAll(cut, featureRows);
            spans.Clear();
            foreach (var (start, end, type) in doc.Spans)
            {
                var (first, last) = cut.UnitsOf(start, end);
                if (last > first && tags.TypeIndex(type) is var t and >= 0) spans.Add((first, last, t));
            }
            var labels = new byte[cut.Count];
            tags.Encode(spans.ToArray(), labels);
            for (var u = 0; u < cut.Count; u++)
            {
                var f = featureRows.Of(u);
                f.CopyTo(buffer);
                Array.Sort(buffer, 0, f.Length);
                var n = 0;
                for (var i = 0; i < f.Length; i++)
                    if (n == 0 || buffer[i] != buffer[n - 1]) buffer[n++] = buffer[i];
                rows.Add(new TaggerRow
                {
                    Features = new VBuffer<float>(dimension, n, Ones, buffer[..n]),
                    Label = labels[u],
                });
            }
        }
        units = rows.Count;
        return rows;
    }

    private static TaggerWeights Fit(List<TaggerRow> rows, TagScheme tags, LanguageTraining spec, out int nonZero)
    {
        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(TaggerRow));
        schema[nameof(TaggerRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1 << spec.Bits);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        // Tag i is class i: the key order is the order of these values, not of their first appearance.
        var keys = ml.Data.LoadFromEnumerable(Enumerable.Range(0, tags.Count).Select(t => new TagValue { Label = (uint)t }));
        var trainer = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(TaggerRow.Label), keyData: keys)
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = nameof(TaggerRow.Features),
            L1Regularization = spec.L1,
            L2Regularization = spec.L2,
            MaximumNumberOfIterations = spec.MaxIterations,
            NumberOfThreads = 1,
        }));
        var model = trainer.Fit(data).LastTransformer;
        VBuffer<float>[] weights = [];
        model.Model.GetWeights(ref weights, out var classes);
        var k = tags.Count;
        if (classes != k) throw new InvalidDataException($"the model has {classes} classes, expected {k}");
        var dimension = 1 << spec.Bits;
        var table = new float[dimension * k];
        var dense = new float[dimension];
        for (var t = 0; t < k; t++)
        {
            weights[t].CopyTo(dense);
            for (var f = 0; f < dimension; f++) table[f * k + t] = dense[f];
        }
        nonZero = 0;
        for (var f = 0; f < dimension; f++)
            for (var t = 0; t < k; t++)
                if (table[f * k + t] != 0) { nonZero++; break; }
        return TaggerWeights.Quantise(tags, spec.Bits, table, model.Model.GetBiases().ToArray());
    }
}

/// <summary>Where `pipeline train` reads the corpora for the recogniser and writes its model.</summary>
public sealed record RecogniserTrainingOptions
{
    /// <summary>The folder with pd1998-train.jsonl.gz, cluener-train.jsonl.gz and conll2003-train.jsonl.gz.</summary>
    public required string DataDirectory { get; init; }
    public required string ModelPath { get; init; }
    public int? MaxDocumentsPerCorpus { get; init; }

    public static string DefaultModelPath(string repoRoot) =>
        Path.Combine(repoRoot, "src", "Pipeline.Core", "Recognition", "Model", "recogniser.bin");

    /// <summary>Chinese from pd1998 and CLUENER (ORG alone: pd1998 tags no persons or places); English from CoNLL-2003.</summary>
    public ImmutableArray<LanguageTraining> Languages => [Chinese, English];

    public LanguageTraining Chinese => new("zh", [EntityTypes.Org], 20,
        [new("pd1998", Path.Combine(DataDirectory, "pd1998-train.jsonl.gz")), new("cluener", Path.Combine(DataDirectory, "cluener-train.jsonl.gz"))])
    {
        MaxIterations = 8, L1 = 1e-2f, L2 = 1e-6f, MaxDocumentsPerCorpus = MaxDocumentsPerCorpus,
    };

    public LanguageTraining English => new("en", [EntityTypes.Org, "PER", "LOC", "MISC"], 18,
        [new("conll2003", Path.Combine(DataDirectory, "conll2003-train.jsonl.gz"))])
    {
        MaxIterations = 10, L1 = 1e-2f, L2 = 1e-6f, MaxDocumentsPerCorpus = MaxDocumentsPerCorpus, ProseCopies = true,
    };
}

public sealed record RecogniserTrainingReport(string ModelPath, long ModelBytes, ImmutableArray<LanguageReport> Languages, TimeSpan Elapsed)
{
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"recogniser: {ModelPath} ({ModelBytes / 1024} KB) in {Elapsed.TotalSeconds:F1} s");
        foreach (var l in Languages)
        {
            sb.AppendLine($"  {l.Language}: {l.TrainingDocuments} training documents, {l.TrainingUnits} units, " +
                          $"{l.NonZeroFeatures} non-zero features, {l.Elapsed.TotalSeconds:F1} s");
            foreach (var s in l.HeldOut)
                sb.AppendLine($"    held-out {s.Corpus} ({s.Documents} documents), tagger alone, ORG: " +
                              $"strict P {s.Strict.Precision:F3} R {s.Strict.Recall:F3} F1 {s.Strict.F1:F3}; " +
                              $"relaxed P {s.Relaxed.Precision:F3} R {s.Relaxed.Recall:F3} F1 {s.Relaxed.F1:F3}");
        }
        return sb.ToString();
    }
}
