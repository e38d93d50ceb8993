using Pipeline.Evaluation;

namespace Pipeline.Tests.Dates;

public sealed record GoldSpan(int Start, int End, string Text, bool Optional, string? Value);

public sealed record PredictedSpan(int Start, int End, string Text, string? Value);

/// <summary>DATE scores added up document by document, with the project's scorer (a port of score.py).</summary>
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
        var report = Scorer.Score(
            [.. gold.Select(g => new ScoredEntity(doc, "DATE", g.Start, g.End, g.Text, g.Optional, g.Value, null))],
            [.. predicted.Select(p => new ScoredEntity(doc, "DATE", p.Start, p.End, p.Text, false, p.Value, null))],
            ["DATE"], relaxed);
        var t = report["DATE"];
        TruePositives += t.Tp;
        FalsePositives += t.Fp;
        FalseNegatives += t.Fn;
        ValuesChecked += t.NormN;
        ValuesRight += t.NormOk;
        Errors.AddRange(report.Errors.Select(e => $"{(e.Kind == "NORM" ? "VALUE" : e.Kind)} {doc} '{e.Text}' {e.Detail}"));
    }

    public override string ToString() =>
        $"P={Precision:F4} R={Recall:F4} F1={F1:F4} tp={TruePositives} fp={FalsePositives} fn={FalseNegatives} values {ValuesRight}/{ValuesChecked}";
}
