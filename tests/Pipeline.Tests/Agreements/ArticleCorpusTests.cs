using Pipeline.Agreements;
using Pipeline.Dates;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Organisations;
using Pipeline.Segmentation;
using Pipeline.Timeline;

namespace Pipeline.Tests.Agreements;

/// <summary>
/// Invented news articles (Xinhua, People's Daily, White House, State Department, UN style) with their
/// AGREEMENT annotations per the annotation rules (docs/annotation.md), run through the real rule stages (ingest, segment, dates,
/// organisations, agreements), the rules-only stand-in for classify, agreement-records and timeline.
/// </summary>
public class ArticleCorpusTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Agreements", "Articles");

    public static IEnumerable<TestCaseData> Articles() =>
        Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileName).Order()
            .Select(name => new TestCaseData(name).SetName("{m}(" + name + ")"));

    public static Article Process(string fileName)
    {
        var article = new IngestStage().Process(Article.FromFile(Path.Combine(Folder, fileName)));
        article = new SegmentStage().Process(article);
        article = new DatesStage().Process(article);
        article = new OrganisationsStage().Process(article);
        // Organisation candidates wait for the model; here only the gazetteer's names count, so the figures measure
        // this folder's rules and not the organisation rules.
        article = new AgreementsStage().Process(article);
        article = AgreementTestKit.Classify(article with
        {
            Candidates = [.. article.Candidates.Where(c => c.Source.StartsWith("agreements/", StringComparison.Ordinal))],
        });
        article = new AgreementRecordsStage().Process(article);
        return new TimelineStage().Process(article);
    }

    private static List<GoldRow> Expected(string fileName) =>
        GoldRow.Load(Path.Combine(Folder, Path.ChangeExtension(fileName, ".expected.jsonl")));

    [TestCaseSource(nameof(Articles))]
    public void Agreement_spans_match_the_annotation(string fileName)
    {
        var article = Process(fileName);
        var (tp, fp, fn, errors) = DevGoldTests.Score(article.Entities, Expected(fileName), EntityTypes.Agreement);
        TestContext.Out.WriteLine($"AGREEMENT tp={tp} fp={fp} fn={fn}");
        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(Articles))]
    public void Records_state_the_annotated_attributes(string fileName)
    {
        var article = Process(fileName);
        var (correct, total, problems) = AttributeCheck.Compare(article, Expected(fileName));
        foreach (var p in problems) TestContext.Out.WriteLine(p);
        TestContext.Out.WriteLine($"attributes {correct}/{total}");
        Assert.That(total, Is.GreaterThan(0));
        Assert.That((double)correct / total, Is.GreaterThanOrEqualTo(0.9), string.Join("\n", problems));
    }

    [TestCaseSource(nameof(Articles))]
    public void Every_dated_signing_or_adoption_is_on_the_timeline(string fileName)
    {
        var article = Process(fileName);
        var missing = Expected(fileName).Where(g => g is { Optional: false, Date: not null })
            .DistinctBy(g => g.Canonical)
            .Where(g => !article.Timeline.Any(t => t.Date == g.Date && t.Agreements.Contains(g.Canonical!)))
            .Select(g => $"{g.Canonical} {g.Date}")
            .ToList();
        Assert.That(missing, Is.Empty);
    }
}

/// <summary>Each attribute the annotation states (canonical, kind, date, forum, parties) against the mention's record.</summary>
public static class AttributeCheck
{
    public static (int Correct, int Total, List<string> Problems) Compare(Article article, List<GoldRow> gold)
    {
        int correct = 0, total = 0;
        var problems = new List<string>();
        foreach (var g in gold.Where(g => g.Type == EntityTypes.Agreement && !g.Optional))
        {
            var record = article.Agreements.FirstOrDefault(r => r.Mentions.Any(m => m.Start == g.Start && m.End == g.End));
            void Check(string field, string? expected, string? actual)
            {
                if (expected is null) return;
                total++;
                if (expected == actual) correct++;
                else problems.Add($"{g.Text}@{g.Start} {field}: expected {expected}, got {actual ?? "null"}");
            }
            Check("canonical", g.Canonical, record?.Canonical);
            Check("kind", g.Kind, record?.Kind);
            Check("date", g.Date, record?.Date);
            Check("forum", g.Forum, record?.Forum);
            if (g.Parties.Length > 0)
                Check("parties", string.Join("+", g.Parties), record is null ? null : string.Join("+", record.Parties));
        }
        return (correct, total, problems);
    }
}
