using Pipeline.Model;

namespace Pipeline.Tests.Agreements;

/// <summary>
/// The dev set, end to end for agreements: DATE and ORG entities come from the gold files themselves
/// so these figures measure this folder's rules only.
/// </summary>
public class DevGoldTests
{
    private static IEnumerable<string> Documents() =>
        Directory.GetFiles(TestPaths.Gold, "*.jsonl").Select(f => Path.GetFileNameWithoutExtension(f) + ".txt").Order();

    private static (Article Article, List<GoldRow> Gold) Process(string doc, bool optionalOrgs)
    {
        var gold = GoldRow.Load(Path.Combine(TestPaths.Gold, Path.ChangeExtension(doc, ".jsonl")));
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, doc));
        var given = gold
            .Where(g => g.Type == EntityTypes.Date && g.Value is not null
                        || g.Type == EntityTypes.Org && (!g.Optional || optionalOrgs))
            .Select(g => new Entity(g.Type, g.Start, g.End, g.Text, "gold", 1) { Value = g.Value, Canonical = g.Canonical });
        var language = doc.Contains(".zh.") ? "zh" : "en";
        return (AgreementTestKit.Run(text, given, language), gold);
    }

    /// <summary>Strict span scoring as score.py does it: optional gold neither rewards nor penalises.</summary>
    public static (int Tp, int Fp, int Fn, List<string> Errors) Score(IEnumerable<Entity> predicted, List<GoldRow> gold, string type)
    {
        var required = gold.Where(g => g.Type == type && !g.Optional).ToList();
        var optional = gold.Where(g => g.Type == type && g.Optional).ToList();
        var found = new HashSet<GoldRow>();
        int tp = 0, fp = 0;
        var errors = new List<string>();
        foreach (var p in predicted.Where(p => p.Type == type).DistinctBy(p => (p.Start, p.End)))
        {
            var match = required.FirstOrDefault(g => g.Start == p.Start && g.End == p.End);
            if (match is not null) { tp++; found.Add(match); }
            else if (optional.Any(o => o.Start < p.End && p.Start < o.End)) continue;
            else { fp++; errors.Add($"FP {p.Text} [{p.Start},{p.End})"); }
        }
        var missed = required.Where(g => !found.Contains(g)).ToList();
        errors.AddRange(missed.Select(g => $"FN {g.Text} [{g.Start},{g.End})"));
        return (tp, fp, missed.Count, errors);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Agreement_spans_match_the_dev_gold_exactly(bool optionalOrgs)
    {
        var docs = Documents().ToList();
        int tp = 0, fp = 0, fn = 0;
        var errors = new List<string>();
        foreach (var doc in docs)
        {
            var (article, gold) = Process(doc!, optionalOrgs);
            var s = Score(article.Entities, gold, EntityTypes.Agreement);
            tp += s.Tp; fp += s.Fp; fn += s.Fn;
            errors.AddRange(s.Errors.Select(e => doc + ": " + e));
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        TestContext.Out.WriteLine($"AGREEMENT tp={tp} fp={fp} fn={fn} P={precision:F3} R={recall:F3} F1={f1:F3}");
        Assert.That(errors, Is.Empty);
        Assert.That(f1, Is.EqualTo(1.0));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Records_state_what_the_gold_states(bool optionalOrgs)
    {
        var docs = Documents().ToList();
        var problems = new List<string>();
        int checkedFields = 0;
        foreach (var doc in docs)
        {
            var (article, gold) = Process(doc!, optionalOrgs);
            foreach (var g in gold.Where(g => g.Type == EntityTypes.Agreement && !g.Optional))
            {
                var record = article.Agreements.FirstOrDefault(r => r.Mentions.Any(m => m.Start == g.Start && m.End == g.End));
                if (record is null) { problems.Add($"{doc}: no record for {g.Text}@{g.Start}"); continue; }
                void Check(string field, string? expected, string? actual)
                {
                    if (expected is null) return;
                    checkedFields++;
                    if (expected != actual) problems.Add($"{doc}: {g.Text}@{g.Start} {field}: expected {expected}, got {actual ?? "null"}");
                }
                Check("canonical", g.Canonical, record.Canonical);
                Check("kind", g.Kind, record.Kind);
                Check("date", g.Date, record.Date);
                Check("forum", g.Forum, record.Forum);
                if (g.Parties.Length > 0)
                    Check("parties", string.Join("+", g.Parties.Order()), string.Join("+", record.Parties.Order()));
            }
        }
        TestContext.Out.WriteLine($"checked {checkedFields} stated attributes, {problems.Count} mismatches");
        Assert.That(problems, Is.Empty);
    }
}
