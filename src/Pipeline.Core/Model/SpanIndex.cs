namespace Pipeline.Model;

/// <summary>
/// A fixed set of spans answering "does any of them overlap / contain this one?" in O(log n), so that a stage
/// asking it once per entity or sentence stays linear in the length of the document instead of quadratic.
/// </summary>
public sealed class SpanIndex
{
    private readonly TextSpan[] _spans;
    // The largest End among _spans[0..i]: with the spans sorted by Start, any span starting before a point and
    // reaching past another is found by one binary search and one look-up.
    private readonly int[] _maxEndUpTo;

    public SpanIndex(IEnumerable<TextSpan> spans)
    {
        _spans = spans.ToArray();
        Array.Sort(_spans, (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        _maxEndUpTo = new int[_spans.Length];
        var max = int.MinValue;
        for (var i = 0; i < _spans.Length; i++) _maxEndUpTo[i] = max = Math.Max(max, _spans[i].End);
    }

    public int Count => _spans.Length;

    /// <summary>True when some span shares a character with <paramref name="span"/> (<see cref="TextSpan.Overlaps"/>).</summary>
    public bool AnyOverlaps(TextSpan span)
    {
        // Candidates start before span.End; one of them overlaps when it also ends after span.Start.
        var k = CountStartingBefore(span.End);
        return k > 0 && _maxEndUpTo[k - 1] > span.Start;
    }

    /// <summary>True when some span lies around <paramref name="span"/> (starts no later, ends no earlier), itself included.</summary>
    public bool AnyContains(TextSpan span)
    {
        var k = CountStartingBefore(span.Start + 1);
        return k > 0 && _maxEndUpTo[k - 1] >= span.End;
    }

    /// <summary>True when some span other than <paramref name="span"/> itself lies around it (starts no later, ends no earlier).</summary>
    public bool AnyStrictlyContains(TextSpan span)
    {
        var k = CountStartingBefore(span.Start);
        if (k > 0 && _maxEndUpTo[k - 1] >= span.End) return true;
        // Spans with the same start come longest first.
        return k < _spans.Length && _spans[k].Start == span.Start && _spans[k].End > span.End;
    }

    private int CountStartingBefore(int offset) => SortedByStart.CountBefore(_spans, offset, s => s.Start);
}

/// <summary>
/// Entities sorted by start, with the range look-ups the evidence readers ask per mention ("the last ORG between
/// the sentence start and the mention"): a binary search and a walk over the range, never over the document.
/// </summary>
public sealed class EntitiesByStart
{
    private readonly List<Entity> _entities;

    /// <param name="entities">already in order of their start (as <see cref="Article.Entities"/> are)</param>
    public EntitiesByStart(IEnumerable<Entity> entities)
    {
        _entities = entities.ToList();
        for (var i = 1; i < _entities.Count; i++)
            if (_entities[i - 1].Start > _entities[i].Start) throw new ArgumentException("entities must be sorted by start", nameof(entities));
    }

    public int Count => _entities.Count;

    public IReadOnlyList<Entity> All => _entities;

    /// <summary>The entities with <paramref name="from"/> ≤ Start and End ≤ <paramref name="to"/>, in order.</summary>
    public IEnumerable<Entity> Within(int from, int to)
    {
        for (var i = FirstStartingAtOrAfter(from); i < _entities.Count && _entities[i].Start <= to; i++)
            if (_entities[i].End <= to) yield return _entities[i];
    }

    /// <summary>The last (in order) entity with <paramref name="from"/> ≤ Start and End ≤ <paramref name="to"/>, or null.</summary>
    public Entity? LastWithin(int from, int to)
    {
        for (var i = FirstStartingAtOrAfter(to + 1) - 1; i >= 0 && _entities[i].Start >= from; i--)
            if (_entities[i].End <= to) return _entities[i];
        return null;
    }

    /// <summary>The entities whose start lies in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public IEnumerable<Entity> StartingIn(int from, int to)
    {
        for (var i = FirstStartingAtOrAfter(from); i < _entities.Count && _entities[i].Start < to; i++)
            yield return _entities[i];
    }

    /// <summary>The entities that share a character with [<paramref name="start"/>, <paramref name="end"/>), in order.</summary>
    public List<Entity> Overlapping(int start, int end)
    {
        _reach ??= Reach();
        var found = new List<Entity>();
        // Those starting before the end, walked back while some entity that early still reaches past the start.
        for (var i = FirstStartingAtOrAfter(end) - 1; i >= 0 && _reach[i] > start; i--)
            if (_entities[i].End > start) found.Add(_entities[i]);
        found.Reverse();
        return found;
    }

    private int[]? _reach; // the furthest end among _entities[0..i]

    private int[] Reach()
    {
        var reach = new int[_entities.Count];
        var max = int.MinValue;
        for (var i = 0; i < reach.Length; i++) reach[i] = max = Math.Max(max, _entities[i].End);
        return reach;
    }

    private int FirstStartingAtOrAfter(int offset) => SortedByStart.CountBefore(_entities, offset, e => e.Start);
}

/// <summary>Binary search in a list kept in order of start offsets.</summary>
internal static class SortedByStart
{
    /// <summary>How many items start before <paramref name="offset"/> (= the index of the first that does not).</summary>
    public static int CountBefore<T>(IReadOnlyList<T> items, int offset, Func<T, int> start)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (start(items[mid]) < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
