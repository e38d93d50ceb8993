using System.Runtime.CompilerServices;

namespace Pipeline.Recognition;

/// <summary>
/// Hashing of feature templates into a fixed space, with no string built per feature: a template's seed is
/// mixed with the hashes of its parts (characters, words), then scrambled so the low bits are usable as an index.
/// Training and inference share it, so a model file holds only the hashed space, never a vocabulary.
/// </summary>
public static class FeatureHash
{
    public static uint Seed(int template) => Scramble((uint)template * 0x9E3779B1u + 0x7F4A7C15u);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint h, uint part) => (h ^ part) * 0x01000193u + (h >> 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Scramble(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(uint h, int mask) => (int)(Scramble(h) & (uint)mask);

    /// <summary>FNV-1a of a run of characters.</summary>
    public static uint Of(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return h;
    }

    /// <summary>FNV-1a of a run of characters, lower-cased (ASCII and Latin letters).</summary>
    public static uint OfLower(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ char.ToLowerInvariant(c)) * 16777619u;
        return h;
    }
}

/// <summary>
/// Numbered feature templates of one language, hashed into a space of 2^bits: a template's seed mixed with the
/// hashes of its parts gives the index of the feature "template t has these parts".
/// </summary>
public sealed class FeatureTemplates
{
    private readonly uint[] _seeds;
    private readonly int _mask;

    /// <param name="family">keeps the templates of two languages apart even in one space.</param>
    public FeatureTemplates(int bits, int family)
    {
        _mask = (1 << bits) - 1;
        _seeds = [.. Enumerable.Range(family * 100, 64).Select(FeatureHash.Seed)];
    }

    /// <summary>Template <paramref name="template"/>'s seed, which its parts are mixed into.</summary>
    public uint Seed(int template) => _seeds[template];

    /// <summary>The bits of a hash an index keeps.</summary>
    public uint Mask => (uint)_mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(int template, uint a) => FeatureHash.Index(FeatureHash.Mix(_seeds[template], a), _mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(int template, uint a, uint b) =>
        FeatureHash.Index(FeatureHash.Mix(FeatureHash.Mix(_seeds[template], a), b), _mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(int template, uint a, uint b, uint c) =>
        FeatureHash.Index(FeatureHash.Mix(FeatureHash.Mix(FeatureHash.Mix(_seeds[template], a), b), c), _mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(FeatureRows rows, int template, uint a) => rows.Add(Index(template, a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(FeatureRows rows, int template, uint a, uint b) => rows.Add(Index(template, a, b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(FeatureRows rows, int template, uint a, uint b, uint c) => rows.Add(Index(template, a, b, c));
}

/// <summary>
/// The hashed features of a run of units (characters or tokens) from <see cref="FirstUnit"/> on, as one flat list:
/// unit i's feature indices are <c>Indices[Offsets[i - FirstUnit]..Offsets[i - FirstUnit + 1]]</c>. Reused between
/// runs and documents, so extraction allocates only when a run is longer than any before.
/// </summary>
public sealed class FeatureRows
{
    // Beyond this many units (about 100 features each), buffers grown for one long run are let go afterwards.
    private const int KeptUnits = 1 << 16;

    public int[] Indices { get; private set; } = new int[4096];
    public int[] Offsets { get; private set; } = new int[257];
    public int Units { get; private set; }
    public int FirstUnit { get; private set; }
    private int _count;

    public void Clear(int firstUnit = 0)
    {
        FirstUnit = firstUnit;
        Units = 0;
        _count = 0;
        Offsets[0] = 0;
    }

    /// <summary>Closes the current unit's features and opens the next one.</summary>
    public void EndUnit()
    {
        if (Units + 2 > Offsets.Length)
        {
            var grown = new int[Offsets.Length * 2];
            Array.Copy(Offsets, grown, Units + 1);
            Offsets = grown;
        }
        Offsets[++Units] = _count;
    }

    /// <summary>Room for <paramref name="most"/> more features of the current unit, written in place; <see cref="EndUnit(int)"/> says how many were.</summary>
    public Span<int> Reserve(int most)
    {
        if (_count + most > Indices.Length) Grow(_count + most);
        return Indices.AsSpan(_count, most);
    }

    /// <summary>Closes the current unit after <paramref name="written"/> features written into <see cref="Reserve"/>'s room.</summary>
    public void EndUnit(int written)
    {
        _count += written;
        EndUnit();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index)
    {
        if (_count == Indices.Length) Grow(_count + 1);
        Indices[_count++] = index;
    }

    private void Grow(int needed)
    {
        var grown = new int[Math.Max(Indices.Length * 2, needed)];
        Array.Copy(Indices, grown, _count);
        Indices = grown;
    }

    /// <summary>Features stored <paramref name="distance"/> places after the first of <paramref name="unit"/>'s, as many as it has (fewer near the end).</summary>
    public ReadOnlySpan<int> After(int unit, int distance)
    {
        var i = unit - FirstUnit;
        var from = Math.Min(Offsets[i] + distance, _count);
        return Indices.AsSpan(from, Math.Min(Offsets[i + 1] - Offsets[i], _count - from));
    }

    /// <summary>How many features the units hold together.</summary>
    public int Count => _count;

    public ReadOnlySpan<int> Of(int unit)
    {
        var i = unit - FirstUnit;
        return Indices.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);
    }

    /// <summary>Lets go of buffers grown for an unusually long run (a thread's tagger lives as long as the process).</summary>
    public void Shrink()
    {
        if (Offsets.Length <= KeptUnits) return;
        Indices = new int[4096];
        Offsets = new int[257];
        Clear();
    }
}
