using Pipeline.Dates;
using Pipeline.Model;

namespace Pipeline.Tests.Dates;

/// <summary>
/// One row of DateCases.tsv: a sentence, its document date, and every DATE it must yield as "text=value";
/// a trailing "?" marks an ambiguous date ("今天=?" is ambiguous with no value).
/// </summary>
public sealed record DateCase(int Line, DateOnly Reference, string Text, string Expected, NumericOrder Order)
{
    public override string ToString() => $"L{Line}: {Text.Replace("\n", "\\n")}";
}

public class DateCaseTableTests
{
    private static string TableFile => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Dates", "DateCases.tsv");

    public static IEnumerable<TestCaseData> Cases() => ReadCases().Select(c => new TestCaseData(c).SetName(c.ToString()));

    public static List<DateCase> ReadCases()
    {
        var cases = new List<DateCase>();
        var n = 0;
        foreach (var line in File.ReadLines(TableFile))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            var order = cols.Length > 3 && cols[3] == "day-first" ? NumericOrder.DayFirst : NumericOrder.MonthFirst;
            cases.Add(new DateCase(n, DateOnly.Parse(cols[0]), cols[1].Replace("\\n", "\n"), cols[2], order));
        }
        return cases;
    }

    [Test]
    public void The_table_has_at_least_300_cases() => Assert.That(ReadCases(), Has.Count.GreaterThanOrEqualTo(300));

    [TestCaseSource(nameof(Cases))]
    public void Finds_the_expected_dates(DateCase c)
    {
        var article = new Article
        {
            Source = new SourceFile("/nonexistent/case.txt", "case.txt"),
            Text = c.Text,
            Metadata = new ArticleMetadata { DocumentDate = new Sourced<DateOnly>(c.Reference, DateOrigins.Sidecar) },
        };
        var found = new DatesStage(c.Order).Process(article).EntitiesOf(EntityTypes.Date)
            .Select(e => $"{e.Text}={e.Value}{(e.Ambiguous ? "?" : "")}").ToList();
        var expected = c.Expected == "-" ? [] : c.Expected.Split(" | ").ToList();
        Assert.That(found, Is.EqualTo(expected));
    }
}
