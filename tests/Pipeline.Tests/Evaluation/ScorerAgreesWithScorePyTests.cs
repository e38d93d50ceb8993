using System.Diagnostics;
using System.Text.Json;
using Pipeline.Evaluation;

namespace Pipeline.Tests.Evaluation;

/// <summary>The project's scorer must print the numbers of ../shared/spec/score.py for the same predictions.</summary>
public class ScorerAgreesWithScorePyTests
{
    /// <summary>Predictions that exercise every branch: exact, shifted (relaxed only), optional overlaps, duplicates, wrong values.</summary>
    private static List<string> PerturbedPredictions()
    {
        var lines = new List<string>();
        var n = 0;
        foreach (var file in Directory.GetFiles(TestPaths.Gold, "*.jsonl").Order())
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                var g = doc.RootElement;
                var start = g.GetProperty("start").GetInt32();
                var end = g.GetProperty("end").GetInt32();
                var row = new Dictionary<string, object?>
                {
                    ["doc"] = g.GetProperty("doc").GetString(), ["type"] = g.GetProperty("type").GetString(),
                    ["start"] = start, ["end"] = end, ["text"] = g.GetProperty("text").GetString(),
                    ["value"] = g.TryGetProperty("value", out var v) ? v.GetString() : null,
                    ["canonical"] = g.TryGetProperty("canonical", out var c) ? c.GetString() : null,
                };
                switch (n++ % 7)
                {
                    case 0: continue;                                   // missed
                    case 1: row["end"] = end + 1; break;                 // boundary error: FP strict, TP relaxed
                    case 2: row["value"] = "1999"; row["canonical"] = "wrong"; break; // normalisation error
                    case 3: lines.Add(JsonSerializer.Serialize(row)); break;          // duplicate line
                    case 4: row["type"] = "ORG"; break;                              // wrong type
                }
                lines.Add(JsonSerializer.Serialize(row));
            }
        lines.Add("""{"doc": "not-in-gold.txt", "type": "ORG", "start": 0, "end": 3, "text": "abc"}""");
        return lines;
    }

    [TestCase(false, null)]
    [TestCase(true, null)]
    [TestCase(false, "ORG")]
    [TestCase(true, "ORG")]
    [TestCase(false, "DATE,AGREEMENT")]
    public void Same_numbers_as_score_py(bool relaxed, string? types)
    {
        var predPath = Path.Combine(Path.GetTempPath(), $"pred-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(predPath, PerturbedPredictions());
        try
        {
            var ours = Scorer.ToJson(Scorer.Score(Scorer.Load(TestPaths.Gold), Scorer.Load(predPath), types?.Split(','), relaxed));
            var theirs = RunScorePy(TestPaths.Gold, predPath, relaxed, types);
            Assert.That(Flatten(ours), Is.EqualTo(Flatten(theirs)));
            Assert.That(Flatten(ours)["micro.tp"], Is.GreaterThan(0));
        }
        finally
        {
            File.Delete(predPath);
        }
    }

    /// <summary>"DATE.f1" → 0.8286 ... so that 1 and 1.0, or key order, do not matter.</summary>
    public static Dictionary<string, double?> Flatten(string json)
    {
        var result = new Dictionary<string, double?>();
        using var doc = JsonDocument.Parse(json);
        foreach (var type in doc.RootElement.EnumerateObject())
            foreach (var field in type.Value.EnumerateObject())
                result[$"{type.Name}.{field.Name}"] = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.GetDouble();
        return result;
    }

    public static string RunScorePy(string gold, string predPath, bool relaxed, string? types = null)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(TestPaths.Spec, "score.py"), gold, predPath, "--json" }) psi.ArgumentList.Add(a);
        if (relaxed) psi.ArgumentList.Add("--relaxed");
        if (types is not null)
        {
            psi.ArgumentList.Add("--types");
            psi.ArgumentList.Add(types);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), stderr);
        return stdout.Trim();
    }
}
