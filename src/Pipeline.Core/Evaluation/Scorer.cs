using System.Collections.Immutable;
using System.Text.Json;

namespace Pipeline.Evaluation;

/// <summary>One entity row of a gold or prediction file (docs/annotation.md format, code-point offsets).</summary>
public sealed record ScoredEntity(string Doc, string Type, int Start, int End, string? Text, bool Optional, string? Value,
    string? Canonical)
{
    public (string, string, int, int) Key => (Doc, Type, Start, End);

    /// <summary>DATE is normalised by value, ORG and AGREEMENT by canonical.</summary>
    public string? Normalised => Type == "DATE" ? Value : Canonical;

    public static ScoredEntity FromJson(JsonElement e) => new(
        e.GetProperty("doc").GetString()!,
        e.GetProperty("type").GetString()!,
        ReadInt(e.GetProperty("start")),
        ReadInt(e.GetProperty("end")),
        e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
        e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True,
        ReadScalar(e, "value"),
        ReadScalar(e, "canonical"));

    private static int ReadInt(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? int.Parse(e.GetString()!) : (int)e.GetDouble();

    // score.py compares str(x).strip(): a missing or null field reads as "" / "None" alike for our purposes.
    private static string? ReadScalar(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
}

public sealed record TypeScore(string Type, int Tp, int Fp, int Fn, int NormOk, int NormN)
{
    public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);
    public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double? Normalised => NormN == 0 ? null : (double)NormOk / NormN;
}

public sealed record ScoreError(string Kind, string Doc, string Type, string? Text, string Detail);

public sealed record ScoreReport(ImmutableArray<TypeScore> PerType, TypeScore Micro, ImmutableArray<ScoreError> Errors)
{
    public TypeScore this[string type] => PerType.First(t => t.Type == type);
}

/// <summary>
/// A line-for-line port of ../shared/spec/score.py, so `pipeline evaluate` prints the same numbers:
/// exact span match against required gold, predictions overlapping optional gold of their type ignored,
/// and with relaxed matching an overlap counts one to one after exact matches.
/// </summary>
public static class Scorer
{
    public static readonly ImmutableArray<string> DefaultTypes = ["DATE", "ORG", "AGREEMENT"];

    public static ScoreReport Score(IReadOnlyList<ScoredEntity> gold, IReadOnlyList<ScoredEntity> pred,
        IReadOnlyList<string>? types = null, bool relaxed = false)
    {
        types ??= DefaultTypes;
        var docs = gold.Select(g => g.Doc).ToHashSet();
        var req = new Dictionary<(string, string, int, int), ScoredEntity>();
        foreach (var g in gold.Where(g => !g.Optional)) req[g.Key] = g;
        var opt = gold.Where(g => g.Optional).ToLookup(g => (g.Doc, g.Type));

        var match = new Dictionary<(string, string, int, int), (string, string, int, int)>();
        if (relaxed)
        {
            var byDoc = req.Keys.ToLookup(k => (k.Item1, k.Item2));
            var preds = new List<(string, string, int, int)>();
            var seenKeys = new HashSet<(string, string, int, int)>();
            foreach (var p in pred.Where(p => docs.Contains(p.Doc) && types.Contains(p.Type)))
                if (seenKeys.Add(p.Key)) preds.Add(p.Key);
            var taken = new HashSet<(string, string, int, int)>();
            foreach (var k in preds)
                if (req.ContainsKey(k))
                {
                    match[k] = k;
                    taken.Add(k);
                }
            foreach (var k in preds.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal)
                         .ThenBy(k => k.Item3).ThenBy(k => k.Item4))
            {
                if (match.ContainsKey(k)) continue;
                foreach (var g in byDoc[(k.Item1, k.Item2)])
                    if (!taken.Contains(g) && g.Item3 < k.Item4 && k.Item3 < g.Item4)
                    {
                        match[k] = g;
                        taken.Add(g);
                        break;
                    }
            }
        }

        var stats = types.ToDictionary(t => t, _ => new int[5]); // tp fp fn normOk normN
        var errors = new List<ScoreError>();
        var seen = new HashSet<(string, string, int, int)>();
        var found = new HashSet<(string, string, int, int)>();
        foreach (var p in pred)
        {
            if (!docs.Contains(p.Doc) || !types.Contains(p.Type)) continue;
            var k = p.Key;
            if (!seen.Add(k)) continue;
            var s = stats[p.Type];
            (string, string, int, int)? gk = relaxed
                ? match.TryGetValue(k, out var m) ? m : null
                : req.ContainsKey(k) ? k : null;
            if (gk is { } goldKey)
            {
                s[0]++;
                found.Add(goldKey);
                var g = req[goldKey];
                if (!string.IsNullOrEmpty(g.Normalised))
                {
                    s[4]++;
                    if ((p.Normalised ?? "").Trim() == g.Normalised!.Trim()) s[3]++;
                    else errors.Add(new ScoreError("NORM", p.Doc, p.Type, p.Text, $"{p.Normalised} ≠ {g.Normalised}"));
                }
            }
            else if (opt[(p.Doc, p.Type)].Any(o => p.Start < o.End && o.Start < p.End))
            {
            }
            else
            {
                s[1]++;
                errors.Add(new ScoreError("FP", p.Doc, p.Type, p.Text, $"{p.Start}-{p.End}"));
            }
        }
        foreach (var (k, g) in req)
            if (types.Contains(g.Type) && !found.Contains(k))
            {
                stats[g.Type][2]++;
                errors.Add(new ScoreError("FN", g.Doc, g.Type, g.Text, $"{g.Start}-{g.End}"));
            }

        var perType = types.Select(t => new TypeScore(t, stats[t][0], stats[t][1], stats[t][2], stats[t][3], stats[t][4]))
            .ToImmutableArray();
        var micro = new TypeScore("micro", perType.Sum(t => t.Tp), perType.Sum(t => t.Fp), perType.Sum(t => t.Fn), 0, 0);
        return new ScoreReport(perType, micro, [.. errors]);
    }

    /// <summary>Rows of a .jsonl file, or of every .jsonl file in a folder (sorted by name, as score.py does).</summary>
    public static List<ScoredEntity> Load(string path)
    {
        if (Directory.Exists(path))
            return Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(Load).ToList();
        var rows = new List<ScoredEntity>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                rows.Add(ScoredEntity.FromJson(doc.RootElement));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}:{n}: not an entity row: {e.Message}");
            }
        }
        return rows;
    }

    /// <summary>The same table score.py prints.</summary>
    public static string Format(ScoreReport report)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"{"type",-10} {"P",6} {"R",6} {"F1",6} {"tp",5} {"fp",5} {"fn",5} {"norm",6}");
        foreach (var t in report.PerType.Append(report.Micro))
        {
            var norm = t.Normalised is { } n ? n.ToString("0.000") : "";
            sb.AppendLine($"{t.Type,-10} {t.Precision,6:0.000} {t.Recall,6:0.000} {t.F1,6:0.000} {t.Tp,5} {t.Fp,5} {t.Fn,5} {norm,6}");
        }
        return sb.ToString();
    }

    /// <summary>The same JSON score.py prints with --json (rounded to 4 places).</summary>
    public static string ToJson(ScoreReport report)
    {
        var o = new System.Text.Json.Nodes.JsonObject();
        foreach (var t in report.PerType)
            o[t.Type] = new System.Text.Json.Nodes.JsonObject
            {
                ["precision"] = Math.Round(t.Precision, 4), ["recall"] = Math.Round(t.Recall, 4), ["f1"] = Math.Round(t.F1, 4),
                ["tp"] = t.Tp, ["fp"] = t.Fp, ["fn"] = t.Fn,
                ["normalised"] = t.Normalised is { } n ? Math.Round(n, 4) : null,
            };
        var m = report.Micro;
        o["micro"] = new System.Text.Json.Nodes.JsonObject
        {
            ["precision"] = Math.Round(m.Precision, 4), ["recall"] = Math.Round(m.Recall, 4), ["f1"] = Math.Round(m.F1, 4),
            ["tp"] = m.Tp, ["fp"] = m.Fp, ["fn"] = m.Fn,
        };
        return o.ToJsonString(Output.EntityJson.Options);
    }
}
