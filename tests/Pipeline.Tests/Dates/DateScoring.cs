namespace Pipeline.Tests.Dates;

public sealed record GoldSpan(int Start, int End, string Text, bool Optional, string? Value);

public sealed record PredictedSpan(int Start, int End, string Text, string? Value);

/// <summary>DATE scoring as score.py does it, for one document at a time (counts add up over documents).</summary>
public sealed class DateScore
{
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }
    public int ValuesChecked { get; private set; }
    public int ValuesRight { get; private set; }
    public List<string> Errors { get; } = [];

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Strict: exact span against required gold; with <paramref name="relaxed"/>, overlap one-to-one after exact matches.</summary>
    public void Add(string doc, IReadOnlyList<GoldSpan> gold, IReadOnlyList<PredictedSpan> predicted, bool relaxed)
    {
        var required = gold.Where(g => !g.Optional).ToList();
        var optional = gold.Where(g => g.Optional).ToList();
        var preds = predicted.DistinctBy(p => (p.Start, p.End)).OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
        var match = new Dictionary<PredictedSpan, GoldSpan>();
        var taken = new HashSet<GoldSpan>();
        foreach (var p in preds)
        {
            var g = required.FirstOrDefault(g => g.Start == p.Start && g.End == p.End);
            if (g is not null) { match[p] = g; taken.Add(g); }
        }
        if (relaxed)
            foreach (var p in preds.Where(p => !match.ContainsKey(p)))
            {
                var g = required.FirstOrDefault(g => !taken.Contains(g) && g.Start < p.End && p.Start < g.End);
                if (g is not null) { match[p] = g; taken.Add(g); }
            }
        foreach (var p in preds)
        {
            if (match.TryGetValue(p, out var g))
            {
                TruePositives++;
                if (g.Value is null) continue;
                ValuesChecked++;
                if (g.Value == p.Value) ValuesRight++;
                else Errors.Add($"VALUE {doc} '{p.Text}' {p.Value} != {g.Value}");
            }
            else if (optional.Any(o => o.Start < p.End && p.Start < o.End)) continue;
            else
            {
                FalsePositives++;
                Errors.Add($"FP {doc} '{p.Text}' {p.Start}-{p.End}");
            }
        }
        foreach (var g in required.Where(g => !taken.Contains(g)))
        {
            FalseNegatives++;
            Errors.Add($"FN {doc} '{g.Text}' {g.Start}-{g.End}");
        }
    }

    public override string ToString() =>
        $"P={Precision:F4} R={Recall:F4} F1={F1:F4} tp={TruePositives} fp={FalsePositives} fn={FalseNegatives} values {ValuesRight}/{ValuesChecked}";
}
