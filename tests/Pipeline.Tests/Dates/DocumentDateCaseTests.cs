using Pipeline.Dates;
using Pipeline.Model;

namespace Pipeline.Tests.Dates;

/// <summary>
/// One row of DocumentDateCases.tsv: a text with no metadata, the file's modification time, and the document date
/// the stage must infer (with its origin), plus mentions whose values depend on it.
/// </summary>
public sealed record DocumentDateCase(int Line, DateOnly FileTime, string Text, string Expected, string Origin, string Checks)
{
    public override string ToString() => $"L{Line}: {Text.Replace("\n", "\\n")}";
}

public class DocumentDateCaseTests
{
    private static readonly DateOnly Now = new(2026, 12, 1);

    private static string TableFile => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Dates", "DocumentDateCases.tsv");

    public static IEnumerable<TestCaseData> Cases() => ReadCases().Select(c => new TestCaseData(c).SetName(c.ToString()));

    public static List<DocumentDateCase> ReadCases() =>
        [.. File.ReadLines(TableFile).Select((line, i) => (line, n: i + 1))
            .Where(x => x.line.Length > 0 && !x.line.StartsWith('#'))
            .Select(x => x.line.Split('\t') is var c
                ? new DocumentDateCase(x.n, DateOnly.Parse(c[0]), c[1].Replace("\\n", "\n"), c[2], c[3], c.Length > 4 ? c[4] : "")
                : null!)];

    public static Article Process(string text, DateOnly fileTime) =>
        new DatesStage { Today = () => Now, FileTime = _ => fileTime.ToDateTime(new TimeOnly(12, 0)) }.Process(new Article
        {
            Source = new SourceFile("/nonexistent/case.txt", "case.txt"),
            Text = text,
        });

    [Test]
    public void The_table_covers_every_kind_of_clue() =>
        Assert.That(ReadCases().Select(c => c.Origin).Distinct(), Is.EquivalentTo(new[]
        {
            DateOrigins.Dateline, DateOrigins.TextEvidence, DateOrigins.LatestInText, DateOrigins.FileTimeYear, DateOrigins.FileTime,
        }));

    [TestCaseSource(nameof(Cases))]
    public void Infers_the_document_date(DocumentDateCase c)
    {
        var article = Process(c.Text, c.FileTime);
        var m = article.Metadata;
        Assert.That((m.DocumentDateAsWritten ?? m.DocumentDate!.Value.ToString("yyyy-MM-dd"), m.DocumentDate!.Origin),
            Is.EqualTo((c.Expected, c.Origin)), m.DocumentDateEvidence);
        Assert.That(m.DocumentDateConfidence, Is.InRange(0.0, 1.0));
        Assert.That(m.DocumentDateEvidence, Is.Not.Empty);
        if (c.Checks.Length == 0) return;
        var found = article.EntitiesOf(EntityTypes.Date).Select(e => $"{e.Text}={e.Value}{(e.Ambiguous ? "?" : "")}").ToList();
        Assert.That(found, Is.SupersetOf(c.Checks.Split(" | ")));
    }
}
