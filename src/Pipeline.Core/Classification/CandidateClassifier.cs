using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
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
/// The trained multiclass model (maximum entropy over hashed features), loaded once. ML.NET trains it; its learnt
/// weights are stored in a small file of our own (<see cref="Write"/>), so running the pipeline never loads
/// ML.NET (a third of a second of start-up). One prediction is a few hundred multiply-adds with no allocation,
/// safe to share between threads.
/// </summary>
public sealed class CandidateClassifier
{
    private const string ResourceName = "Pipeline.Classification.Model.classifier.bin";
    private const string Magic = "PIPELINE-CLASSIFIER";
    private const int Version = 1;
    private static readonly Lazy<CandidateClassifier?> ShippedModel = new(LoadShipped);

    // Feature-major and dense: the weights of one feature for every class side by side, padded to eight, so a feature's
    // row is one look-up in one cache line. Only a third of the hashed features carry any weight, and a row index per
    // feature with the rows of those alone took half the memory; but every feature then cost two look-ups, one waiting on
    // the other, and the sums took 5 % of an extraction's CPU (3 % dense). A row of zeros adds nothing to a sum.
    private const int Stride = 8;
    private readonly ArraySegment<float> _table;
    private readonly float[] _biases;
    private readonly int _classes;

    /// <param name="table">feature <c>f</c>'s weight for class <c>k</c> at <c>f * Stride + k</c>.</param>
    private CandidateClassifier(ArraySegment<float> table, float[] biases)
    {
        if (biases.Length is < 4 or > Stride) throw new InvalidDataException($"{biases.Length} classes; the classifier sums rows of 4 to {Stride}");
        if (table.Count != CandidateFeatures.Dimension * Stride) throw new ArgumentException("one row per feature expected");
        _classes = biases.Length;
        _table = table;
        _biases = biases;
    }

    private static CandidateClassifier FromClassMajor(float[][] perClass, float[] biases)
    {
        var table = new float[CandidateFeatures.Dimension * Stride];
        for (var f = 0; f < CandidateFeatures.Dimension; f++)
        {
            // A feature without weight (−0 included) has a row of +0, which a model file leaves out.
            if (perClass.All(w => w[f] == 0)) continue;
            for (var k = 0; k < perClass.Length; k++) table[f * Stride + k] = perClass[k][f];
        }
        return new CandidateClassifier(table, biases);
    }

    /// <summary>The model shipped inside the library, or null when the library was built without one.</summary>
    public static CandidateClassifier? Shipped => ShippedModel.Value;

    /// <summary>A model file of ours (what `pipeline train` writes) or, from older versions, an ML.NET model zip.</summary>
    public static CandidateClassifier Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes is [(byte)'P', (byte)'K', ..] ? LoadMlNet(new MemoryStream(bytes, writable: false))
            : Read(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), path);
    }

    private static CandidateClassifier LoadMlNet(Stream stream)
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            throw new InvalidDataException("an ML.NET model zip (from an older version) needs the .NET runtime build of pipeline; "
                                           + "`pipeline train` there writes the model file a natively compiled pipeline reads");
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(stream, out _);
        return FromTransformer(model);
    }

    public void Save(string path) => Running.AtomicFile.Write(path, Write);

    /// <summary>
    /// A header, the biases, then the feature rows with any non-zero weight (index as a delta, one 32-bit float per
    /// class, exactly as learnt): nothing depends on the time or the machine, so the same training gives the same bytes.
    /// </summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(CandidateFeatures.Dimension);
        w.Write(_classes);
        foreach (var label in CandidateLabels.All) w.Write(label);
        foreach (var b in _biases) w.Write(b);
        SparseRows.Write(w, CandidateFeatures.Dimension, Row);
    }

    private ReadOnlySpan<float> Row(int feature) => _table.AsSpan(feature * Stride, _classes);

    /// <summary>A model file's bytes (see <see cref="Write"/>); the rows are copied straight from them.</summary>
    /// <param name="memory">a stream over bytes in memory (<see cref="SparseRows.InMemory"/>), disposed here.</param>
    private static CandidateClassifier Read(Stream memory, string origin)
    {
        using var stream = memory;
        using var r = new BinaryReader(memory, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadString() != Magic) throw new InvalidDataException($"{origin}: not a classifier model");
            var version = r.ReadInt32();
            if (version != Version) throw new InvalidDataException($"{origin}: model version {version}, expected {Version}");
            var dimension = r.ReadInt32();
            var classes = r.ReadInt32();
            if (dimension != CandidateFeatures.Dimension || classes != CandidateLabels.All.Length)
                throw new InvalidDataException($"{origin}: {classes} classes over {dimension} features, expected " +
                                               $"{CandidateLabels.All.Length} over {CandidateFeatures.Dimension}");
            foreach (var label in CandidateLabels.All)
                if (r.ReadString() is var stored && stored != label)
                    throw new InvalidDataException($"{origin}: class {stored} where {label} was expected");
            var biases = new float[classes];
            for (var k = 0; k < classes; k++) biases[k] = r.ReadSingle();
            var table = LargeTables.Zeroed<float>(dimension * Stride);
            SparseRows.Read(memory, SparseRows.ReadCount(memory, dimension, origin), dimension, classes * sizeof(float), origin,
                (feature, _, values) => MemoryMarshal.Cast<byte, float>(values).CopyTo(table.AsSpan(feature * Stride, classes)));
            return new CandidateClassifier(table, biases);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{origin}: not a classifier model ({e.Message})");
        }
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
        return FromClassMajor(dense, predictor.GetBiases().ToArray());
    }

    private static MaximumEntropyModelParameters? FindPredictor(ITransformer model) => model switch
    {
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> p => p.Model,
        IEnumerable<ITransformer> chain => chain.Select(FindPredictor).LastOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>Class probabilities (order of <see cref="CandidateLabels.All"/>) for sorted distinct feature indices.</summary>
    public unsafe void Probabilities(List<int> features, Span<float> probabilities)
    {
        // The rows of a candidate's features lie anywhere in 8 MB: all asked for first, so the look-ups overlap instead
        // of each sum waiting on its own.
        var count = features.Count;
        fixed (float* table = _table.AsSpan())
            if (Sse.IsSupported)
                for (var i = 0; i < count; i++) Sse.Prefetch0(table + features[i] * Stride);
        // A row of 4 to 8 classes is summed as two vectors of four that overlap (classes 0–3 and the last four): each
        // class is still the bias plus its weights in feature order, the sums a loop over the classes makes.
        ref var weights = ref MemoryMarshal.GetReference(_table.AsSpan());
        var upper = _classes - 4;
        var low = Vector128.LoadUnsafe(ref _biases[0]);
        var high = Vector128.LoadUnsafe(ref _biases[upper]);
        for (var i = 0; i < count; i++)
        {
            var at = (nuint)features[i] * Stride;
            low += Vector128.LoadUnsafe(ref weights, at);
            high += Vector128.LoadUnsafe(ref weights, at + (nuint)upper);
        }
        high.CopyTo(probabilities[upper..]);
        low.CopyTo(probabilities);
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
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName);
        // Read where it lies in the library's image (an UnmanagedMemoryStream): every page of memory touched is start-up time.
        return stream is null ? null : Read(stream, "shipped classifier model");
    }
}
