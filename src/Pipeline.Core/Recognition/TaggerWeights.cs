using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pipeline.Recognition;

/// <summary>A span the tagger found: units [First, End) of one type, with the mean probability of its tags.</summary>
public readonly record struct TaggedSpan(int First, int End, int Type, float Confidence);

/// <summary>
/// The learnt weights of one language's tagger, quantised to 8 bits in a dense table indexed by the hashed
/// feature (one row of tag weights per feature), and the decoder: per-unit scores from the features, then the
/// best tag sequence that obeys BIOES (Viterbi over the allowed transitions only). The maximum-entropy model
/// normalises each unit on its own, so decoding on raw scores finds the same sequence as on log-probabilities;
/// probabilities are computed only for the units of the spans found. A step of max|w| / 127 is a few hundredths
/// of a logit, far below what separates two tags; it halves the memory each unit's features are read from.
/// </summary>
public sealed class TaggerWeights
{
    // Rows padded to 8 tags (or a multiple of 16), so one row is read as whole vectors.
    private readonly ArraySegment<sbyte> _padded;
    private readonly int _stride;
    private readonly float _scale;
    private readonly float[] _bias;
    private readonly int _k;

    /// <param name="table">feature-major weights, <c>table[feature * tags + tag]</c>, in steps of <paramref name="scale"/>.</param>
    public TaggerWeights(TagScheme tags, int bits, sbyte[] table, float scale, float[] bias)
        : this(tags, bits, scale, bias, Padded(tags.Count, bits, table))
    {
    }

    private static ArraySegment<sbyte> Padded(int k, int bits, sbyte[] table)
    {
        if (table.Length != (1 << bits) * k) throw new ArgumentException("weight table does not match the tag count and bits");
        var stride = StrideFor(k);
        var padded = Model.LargeTables.Zeroed<sbyte>((1 << bits) * stride);
        for (var f = 0; f < 1 << bits; f++)
            table.AsSpan(f * k, k).CopyTo(padded.AsSpan(f * stride, k));
        return padded;
    }

    private TaggerWeights(TagScheme tags, int bits, float scale, float[] bias, ArraySegment<sbyte> padded)
    {
        if (padded.Count != (1 << bits) * StrideFor(tags.Count)) throw new ArgumentException("padded weight table does not match the tag count and bits");
        if (bias.Length != tags.Count) throw new ArgumentException("one bias per tag expected");
        Tags = tags;
        Bits = bits;
        _scale = scale;
        _bias = bias;
        _k = tags.Count;
        _stride = StrideFor(_k);
        _padded = padded;
    }

    /// <summary>Weights already laid out as this class holds them: row f at <c>f * StrideFor(tags)</c>, zeros after the tags.</summary>
    public static TaggerWeights FromPadded(TagScheme tags, int bits, ArraySegment<sbyte> padded, float scale, float[] bias) =>
        new(tags, bits, scale, bias, padded);

    /// <summary>Rows padded to 8 tags (or a multiple of 16), so one row is read as whole vectors.</summary>
    public static int StrideFor(int tags) => tags <= 8 ? 8 : (tags + 15) & ~15;

    public TagScheme Tags { get; }
    public int Bits { get; }
    public float Scale => _scale;
    public ReadOnlySpan<float> Bias => _bias;

    /// <summary>The weights of one feature, one per tag, in steps of <see cref="Scale"/>.</summary>
    public ReadOnlySpan<sbyte> Row(int feature) => _padded.AsSpan(feature * _stride, _k);

    /// <summary>Quantises float weights (feature-major, <c>weights[feature * tags + tag]</c>) to the nearest step of max|w| / 127.</summary>
    public static TaggerWeights Quantise(TagScheme tags, int bits, float[] weights, float[] bias)
    {
        var max = 0f;
        foreach (var w in weights) max = Math.Max(max, Math.Abs(w));
        var scale = max == 0 ? 1f : max / 127f;
        var table = new sbyte[weights.Length];
        for (var i = 0; i < weights.Length; i++) table[i] = (sbyte)Math.Clamp(Math.Round(weights[i] / scale), -127, 127);
        return new TaggerWeights(tags, bits, table, scale, bias);
    }

    /// <summary>Unnormalised score of every tag for one unit.</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> scores) => Score(features, [], scores);

    /// <summary>
    /// Unnormalised score of every tag for one unit, asking for the rows of <paramref name="ahead"/> (features of units
    /// to come) on the way: a unit's two dozen rows lie anywhere in a table larger than the caches, and scoring waited
    /// on each; asked for a few units ahead, they are on their way while the units before are scored.
    /// </summary>
    private unsafe void Score(ReadOnlySpan<int> features, ReadOnlySpan<int> ahead, Span<float> scores)
    {
        // 16-bit lanes hold the sum: a unit has a few dozen features of at most 127 steps each.
        ref var table = ref MemoryMarshal.GetReference(_padded.AsSpan());
        var prefetch = Sse.IsSupported ? Math.Min(ahead.Length, features.Length) : 0;
        if (_stride == 8)
        {
            var sum = Vector128<short>.Zero;
            for (var j = 0; j < features.Length; j++)
            {
                if (j < prefetch) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref table, (nint)ahead[j] * 8)));
                var row = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref table, (nint)features[j] * 8))));
                sum += Vector128.WidenLower(row.AsSByte());
            }
            for (var t = 0; t < _k; t++) scores[t] = sum.GetElement(t) * _scale + _bias[t];
            return;
        }
        Span<short> total = stackalloc short[_stride];
        total.Clear();
        ref var acc = ref MemoryMarshal.GetReference(total);
        for (var j = 0; j < features.Length; j++)
        {
            if (j < prefetch) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref table, (nint)ahead[j] * _stride)));
            ref var row = ref Unsafe.Add(ref table, (nint)features[j] * _stride);
            for (var c = 0; c < _stride; c += 16)
            {
                var v = Vector128.LoadUnsafe(ref Unsafe.Add(ref row, c));
                (Vector128.LoadUnsafe(ref Unsafe.Add(ref acc, c)) + Vector128.WidenLower(v)).StoreUnsafe(ref Unsafe.Add(ref acc, c));
                (Vector128.LoadUnsafe(ref Unsafe.Add(ref acc, c + 8)) + Vector128.WidenUpper(v)).StoreUnsafe(ref Unsafe.Add(ref acc, c + 8));
            }
        }
        for (var t = 0; t < _k; t++) scores[t] = total[t] * _scale + _bias[t];
    }

    /// <summary>Tag probabilities of one unit.</summary>
    public void Probabilities(ReadOnlySpan<int> features, Span<float> p)
    {
        Score(features, p);
        Softmax(p);
    }

    private static void Softmax(Span<float> p)
    {
        var max = float.NegativeInfinity;
        foreach (var v in p) max = Math.Max(max, v);
        var sum = 0f;
        for (var t = 0; t < p.Length; t++) sum += p[t] = MathF.Exp(p[t] - max);
        for (var t = 0; t < p.Length; t++) p[t] /= sum;
    }

    /// <summary>
    /// Decodes units [first, end) into <paramref name="tags"/> (index 0 = unit <paramref name="first"/>).
    /// BIOES allows two kinds of step: O, B and S follow a closed tag (O, E, S of any type), I and E follow the
    /// B or I of their own type; so each unit needs the best closed predecessor and the best open one per type,
    /// not every pair of tags. <paramref name="scratch"/> is reused between calls.
    /// </summary>
    public void Decode(FeatureRows rows, int first, int end, Span<byte> tags, DecodeScratch scratch)
    {
        var n = end - first;
        if (n <= 0) return;
        var k = _k;
        var types = Tags.Types.Length;
        scratch.Ensure(n * k);
        var score = scratch.Score;
        var back = scratch.Back;
        Span<float> local = stackalloc float[k];
        Span<float> bestOpen = stackalloc float[types];
        Span<byte> fromOpen = stackalloc byte[types];
        // The features of the units about PrefetchAhead units on, however many each unit has.
        var distance = PrefetchAhead * rows.Count / Math.Max(1, rows.Units);
        for (var u = 0; u < n; u++)
        {
            Score(rows.Of(first + u), rows.After(first + u, distance), local);
            var row = u * k;
            if (u == 0)
            {
                for (var t = 0; t < k; t++) score[t] = TagScheme.CanStart(t) ? local[t] : float.NegativeInfinity;
                continue;
            }
            var prev = row - k;
            // Closed predecessors: O, and E or S of any type.
            var bestClosed = score[prev];
            byte fromClosed = 0;
            for (var y = 0; y < types; y++)
            {
                int b = 1 + 4 * y, i = b + 1, e = b + 2, s = b + 3;
                if (score[prev + e] > bestClosed) { bestClosed = score[prev + e]; fromClosed = (byte)e; }
                if (score[prev + s] > bestClosed) { bestClosed = score[prev + s]; fromClosed = (byte)s; }
                var open = score[prev + b] >= score[prev + i];
                bestOpen[y] = open ? score[prev + b] : score[prev + i];
                fromOpen[y] = (byte)(open ? b : i);
            }
            score[row] = bestClosed + local[0];
            back[row] = fromClosed;
            for (var y = 0; y < types; y++)
            {
                int b = 1 + 4 * y;
                score[row + b] = bestClosed + local[b];
                back[row + b] = fromClosed;
                score[row + b + 3] = bestClosed + local[b + 3];
                back[row + b + 3] = fromClosed;
                score[row + b + 1] = bestOpen[y] + local[b + 1];
                back[row + b + 1] = fromOpen[y];
                score[row + b + 2] = bestOpen[y] + local[b + 2];
                back[row + b + 2] = fromOpen[y];
            }
        }
        var last = (n - 1) * k;
        var bestTag = 0;
        var bestScore = float.NegativeInfinity;
        for (var t = 0; t < k; t++)
            if (TagScheme.CanEnd(t) && score[last + t] > bestScore) { bestScore = score[last + t]; bestTag = t; }
        for (var u = n - 1; u >= 0; u--)
        {
            tags[u] = (byte)bestTag;
            if (u > 0) bestTag = back[u * k + bestTag];
        }
    }

    private const int PrefetchAhead = 6;

    /// <summary>The spans of decoded tags (units relative to <paramref name="first"/> made absolute), with confidences.</summary>
    public void Spans(FeatureRows rows, int first, ReadOnlySpan<byte> tags, List<TaggedSpan> spans)
    {
        Span<float> p = stackalloc float[_k];
        for (var u = 0; u < tags.Length; u++)
        {
            var part = TagScheme.PartOf(tags[u]);
            if (part is not ('B' or 'S')) continue;
            var start = u;
            var stop = u + 1;
            if (part == 'B')
                while (stop < tags.Length && TagScheme.PartOf(tags[stop - 1]) != 'E') stop++;
            var sum = 0f;
            for (var v = start; v < stop; v++)
            {
                Probabilities(rows.Of(first + v), p);
                sum += p[tags[v]];
            }
            spans.Add(new TaggedSpan(first + start, first + stop, TagScheme.TypeOf(tags[u]), sum / (stop - start)));
            u = stop - 1;
        }
    }
}

/// <summary>Viterbi tables reused between sentences.</summary>
public sealed class DecodeScratch
{
    public float[] Score { get; private set; } = new float[4096];
    public byte[] Back { get; private set; } = new byte[4096];
    public byte[] Tags { get; private set; } = new byte[1024];

    public void Ensure(int cells)
    {
        if (Score.Length < cells)
        {
            Score = new float[Math.Max(cells, Score.Length * 2)];
            Back = new byte[Score.Length];
        }
    }

    public Span<byte> TagsFor(int units)
    {
        if (Tags.Length < units) Tags = new byte[Math.Max(units, Tags.Length * 2)];
        return Tags.AsSpan(0, units);
    }
}
