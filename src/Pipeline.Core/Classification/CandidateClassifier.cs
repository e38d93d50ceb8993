using System.Collections.Immutable;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Pipeline.Model;

namespace Pipeline.Classification;

/// <summary>The labels the classifier chooses among, in the fixed order of the model's classes.</summary>
public static class CandidateLabels
{
    public static readonly ImmutableArray<string> All =
    [
        EntityTypes.None, EntityTypes.Org, EntityTypes.Agreement, EntityTypes.Law, EntityTypes.Media,
        EntityTypes.Event, EntityTypes.Publication,
    ];
}

/// <summary>One training or scoring row as ML.NET sees it: hashed features and the label text.</summary>
public sealed class CandidateRow
{
    [VectorType(CandidateFeatures.Dimension)]
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = EntityTypes.None;
}

/// <summary>
/// The trained ML.NET multiclass model (maximum entropy over hashed features), loaded once. ML.NET trains
/// and stores it; scoring reads the learnt weights straight from the loaded model, which makes one
/// prediction a few hundred multiply-adds with no allocation and safe to share between threads.
/// </summary>
public sealed class CandidateClassifier
{
    private const string ResourceName = "Pipeline.Classification.Model.classifier.zip";
    private static readonly Lazy<CandidateClassifier?> ShippedModel = new(LoadShipped);

    // Feature-major: the weights of one feature for every class sit side by side, so a prediction
    // touches one cache line per feature instead of one per feature and class.
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly int _classes;

    private CandidateClassifier(float[][] perClass, float[] biases)
    {
        _classes = perClass.Length;
        _weights = new float[CandidateFeatures.Dimension * _classes];
        for (var k = 0; k < _classes; k++)
            for (var f = 0; f < CandidateFeatures.Dimension; f++)
                _weights[f * _classes + k] = perClass[k][f];
        _biases = biases;
    }

    /// <summary>The model shipped inside the library, or null when the library was built without one.</summary>
    public static CandidateClassifier? Shipped => ShippedModel.Value;

    public static CandidateClassifier Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static CandidateClassifier Load(Stream stream)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(stream, out _);
        return FromTransformer(model);
    }

    internal static CandidateClassifier FromTransformer(ITransformer model)
    {
        var predictor = FindPredictor(model)
                        ?? throw new InvalidDataException("the model holds no maximum-entropy multiclass predictor");
        VBuffer<float>[] weights = [];
        predictor.GetWeights(ref weights, out var classes);
        if (classes != CandidateLabels.All.Length)
            throw new InvalidDataException($"the model has {classes} classes, expected {CandidateLabels.All.Length}");
        var dense = new float[classes][];
        for (var k = 0; k < classes; k++)
        {
            dense[k] = new float[CandidateFeatures.Dimension];
            weights[k].CopyTo(dense[k]);
        }
        return new CandidateClassifier(dense, predictor.GetBiases().ToArray());
    }

    private static MaximumEntropyModelParameters? FindPredictor(ITransformer model) => model switch
    {
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> p => p.Model,
        IEnumerable<ITransformer> chain => chain.Select(FindPredictor).LastOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>Class probabilities (order of <see cref="CandidateLabels.All"/>) for sorted distinct feature indices.</summary>
    public void Probabilities(List<int> features, Span<float> probabilities)
    {
        for (var k = 0; k < _classes; k++) probabilities[k] = _biases[k];
        foreach (var f in features)
        {
            var row = _weights.AsSpan(f * _classes, _classes);
            for (var k = 0; k < _classes; k++) probabilities[k] += row[k];
        }
        var max = float.NegativeInfinity;
        for (var k = 0; k < _classes; k++) max = Math.Max(max, probabilities[k]);
        var sum = 0f;
        for (var k = 0; k < _classes; k++)
        {
            probabilities[k] = MathF.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }
        for (var k = 0; k < _classes; k++) probabilities[k] /= sum;
    }

    /// <summary>The most probable label other than NONE, and its probability (the caller sets the bar).</summary>
    public (string Label, double Probability) BestType(List<int> features) => Best(features, firstLabel: 1);

    /// <summary>The most probable label and its probability.</summary>
    public (string Label, double Probability) Predict(List<int> features) => Best(features, firstLabel: 0);

    // Label 0 is NONE: starting at 1 asks which type the candidate would be, if any.
    private (string Label, double Probability) Best(List<int> features, int firstLabel)
    {
        Span<float> p = stackalloc float[CandidateLabels.All.Length];
        Probabilities(features, p);
        var best = firstLabel;
        for (var k = firstLabel + 1; k < p.Length; k++)
            if (p[k] > p[best]) best = k;
        return (CandidateLabels.All[best], p[best]);
    }

    private static CandidateClassifier? LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
