namespace Pipeline.Recognition;

/// <summary>
/// A text cut into the units the recogniser tags (characters of Chinese, tokens of English) and into the
/// stretches it decodes one at a time (lines of Chinese, sentences of English). Offsets are UTF-16 indices.
/// A stretch never grows past <see cref="LongestStretch"/> units: a file with no line breaks is still decoded
/// a bounded piece at a time (news paragraphs are a few hundred units; the cut is far from any real one).
/// </summary>
public sealed class TextUnits
{
    public string Text { get; private set; } = "";
    public int[] Starts { get; private set; } = new int[256];
    public int[] Ends { get; private set; } = new int[256];
    public int Count { get; private set; }

    /// <summary>Unit index where each stretch starts; a stretch ends where the next begins (or at <see cref="Count"/>).</summary>
    public List<int> StretchStarts { get; } = [];

    public void Reset(string text)
    {
        Text = text;
        Count = 0;
        StretchStarts.Clear();
    }

    public void StartStretch()
    {
        if (StretchStarts.Count == 0 || StretchStarts[^1] != Count) StretchStarts.Add(Count);
    }

    /// <summary>From this many units on, a stretch ends at the next sentence end (Chinese 。！？).</summary>
    public const int LongStretch = 1 << 14;

    /// <summary>A stretch is cut here even mid-sentence.</summary>
    public const int LongestStretch = 4 * LongStretch;

    /// <summary>Units in the stretch being cut so far.</summary>
    public int CurrentStretchLength => StretchStarts.Count == 0 ? 0 : Count - StretchStarts[^1];

    public void Add(int start, int end)
    {
        if (CurrentStretchLength >= LongestStretch) StretchStarts.Add(Count);
        if (Count == Starts.Length)
        {
            var s = new int[Count * 2];
            var e = new int[Count * 2];
            Array.Copy(Starts, s, Count);
            Array.Copy(Ends, e, Count);
            Starts = s;
            Ends = e;
        }
        Starts[Count] = start;
        Ends[Count] = end;
        Count++;
    }

    /// <summary>Lets go of buffers grown for an unusually long document.</summary>
    public void Shrink()
    {
        if (Starts.Length <= 1 << 20) return;
        Starts = new int[256];
        Ends = new int[256];
        Reset("");
    }

    public int StretchEnd(int stretch) => stretch + 1 < StretchStarts.Count ? StretchStarts[stretch + 1] : Count;

    public ReadOnlySpan<char> UnitText(int unit) => Text.AsSpan(Starts[unit], Ends[unit] - Starts[unit]);

    /// <summary>The unit range [first, end) whose units lie inside the character span, or an empty range.</summary>
    public (int First, int End) UnitsOf(int start, int end)
    {
        var first = LowerBound(start);
        var last = first;
        while (last < Count && Ends[last] <= end) last++;
        return (first, last);
    }

    /// <summary>First unit starting at or after <paramref name="offset"/>.</summary>
    private int LowerBound(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Starts[mid] < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
