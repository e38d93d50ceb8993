using System.Text.Json;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Tests.EndToEnd;

/// <summary>
/// Every attribute the dev gold states for an agreement (kind, date, forum, parties), as the whole
/// configured pipeline — not a test double — records it.
/// </summary>
public class DevGoldAgreementRecordsTests
{
    private static readonly Lazy<Dictionary<string, Article>> Articles = new(() =>
    {
        var config = new ConfigLoader(StageCatalog.Default).Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json"));
        var pipeline = PipelineBuilder.From(config).Build();
        return Directory.GetFiles(TestPaths.Corpus, "*.txt").ToDictionary(p => Path.GetFileName(p), p => pipeline.ProcessFile(p));
    });

    public static IEnumerable<TestCaseData> GoldAttributes() => TestPaths.CasesFromShared(GoldAttributesFromKit);

    private static IEnumerable<TestCaseData> GoldAttributesFromKit()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Gold, "*.jsonl").Order())
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                var g = doc.RootElement;
                if (g.GetProperty("type").GetString() != EntityTypes.Agreement || g.GetProperty("optional").GetBoolean()) continue;
                foreach (var field in new[] { "kind", "date", "forum", "parties" })
                    if (g.TryGetProperty(field, out var value))
                        yield return new TestCaseData(g.GetProperty("doc").GetString(), g.GetProperty("canonical").GetString(), field,
                                value.ValueKind == JsonValueKind.Array
                                    ? string.Join(" | ", value.EnumerateArray().Select(v => v.GetString()).Order())
                                    : value.GetString())
                            .SetName($"{{m}}({g.GetProperty("text").GetString()![..Math.Min(24, g.GetProperty("text").GetString()!.Length)]} {field})");
            }
    }

    [TestCaseSource(nameof(GoldAttributes))]
    public void The_record_carries_the_attribute_the_gold_states(string doc, string canonical, string field, string expected)
    {
        var record = Articles.Value[doc].Agreements.SingleOrDefault(r => r.Canonical == canonical);
        Assert.That(record, Is.Not.Null, $"no record for {canonical}");
        var actual = field switch
        {
            "kind" => record!.Kind,
            "date" => record!.Date,
            "forum" => record!.Forum,
            _ => string.Join(" | ", record!.Parties.Order()),
        };
        Assert.That(actual, Is.EqualTo(expected));
    }
}
