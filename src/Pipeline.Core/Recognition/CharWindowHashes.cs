using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Recognition;

/// <summary>
/// The fifteen features every Chinese character has (templates 0–14 of <see cref="ChineseFeatures"/>: the characters,
/// pairs and triples of its window and their kinds), hashed four at a time. Each index equals what
/// <see cref="FeatureTemplates.Index(int, uint)"/> and its overloads give, which training used: only the arithmetic is
/// shared between lanes. Scalar hashing of these took a sixteenth of an extraction's CPU.
/// </summary>
public sealed class CharWindowHashes
{
    public const int Count = 15;

    private static readonly Vector128<uint> Prime = Vector128.Create(0x01000193u);

    // Lanes: four templates of one part; four of two parts; three of three parts and one of one; one of one part,
    // two of two parts and a spare.
    private readonly Vector128<uint> _singles, _pairs, _triples, _mixed;
    private readonly Vector128<uint> _mask;

    public CharWindowHashes(FeatureTemplates templates)
    {
        _singles = Vector128.Create(templates.Seed(0), templates.Seed(1), templates.Seed(2), templates.Seed(3));
        _pairs = Vector128.Create(templates.Seed(5), templates.Seed(6), templates.Seed(7), templates.Seed(8));
        _triples = Vector128.Create(templates.Seed(10), templates.Seed(11), templates.Seed(12), templates.Seed(4));
        _mixed = Vector128.Create(templates.Seed(13), templates.Seed(9), templates.Seed(14), 0u);
        _mask = Vector128.Create(templates.Mask);
    }

    /// <summary>
    /// Writes the indices of templates 0–14, in template order, into <paramref name="into"/>: characters two before to
    /// two after (<paramref name="cm2"/> … <paramref name="cp2"/>), the kinds of the three middle ones and of the two
    /// left ones, packed as <see cref="ChineseFeatures"/> packs them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(uint cm2, uint cm1, uint c0, uint cp1, uint cp2, uint kinds, uint leftKinds, Span<int> into)
    {
        var singles = Index(Mix(_singles, Vector128.Create(c0, cm1, cp1, cm2)));
        var pairs = Index(Mix(Mix(_pairs, Vector128.Create(cm1, c0, cm2, cp1)), Vector128.Create(c0, cp1, cm1, cp2)));
        var first = Mix(_triples, Vector128.Create(cm1, cm2, c0, cp2));
        var third = Mix(Mix(first, Vector128.Create(c0, cm1, cp1, 0u)), Vector128.Create(cp1, c0, cp2, 0u));
        var triples = Index(third);
        var single4 = Index(first);
        var mixedFirst = Mix(_mixed, Vector128.Create(kinds, cm1, leftKinds, 0u));
        var mixedSecond = Mix(mixedFirst, Vector128.Create(0u, cp1, c0, 0u));
        var single13 = Index(mixedFirst);
        var mixed = Index(mixedSecond);

        singles.AsInt32().CopyTo(into);
        into[4] = (int)single4.GetElement(3);
        pairs.AsInt32().CopyTo(into[5..]);
        into[9] = (int)mixed.GetElement(1);
        into[10] = (int)triples.GetElement(0);
        into[11] = (int)triples.GetElement(1);
        into[12] = (int)triples.GetElement(2);
        into[13] = (int)single13.GetElement(0);
        into[14] = (int)mixed.GetElement(2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Mix(Vector128<uint> h, Vector128<uint> part) =>
        (h ^ part) * Prime + Vector128.ShiftRightLogical(h, 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<uint> Index(Vector128<uint> h)
    {
        h ^= Vector128.ShiftRightLogical(h, 16);
        h *= Vector128.Create(0x85EBCA6Bu);
        h ^= Vector128.ShiftRightLogical(h, 13);
        h *= Vector128.Create(0xC2B2AE35u);
        h ^= Vector128.ShiftRightLogical(h, 16);
        return h & _mask;
    }
}
