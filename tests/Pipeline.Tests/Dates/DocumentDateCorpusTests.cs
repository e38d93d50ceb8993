using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Dates;
using Pipeline.Model;

namespace Pipeline.Tests.Dates;

/// <summary>
/// How often the document date inferred from a bare text is right, on thousands of real articles that carry no
/// metadata. The answer key is never an input: People's Daily's doc ids (19980105-…) give the day of publication;
/// Reuters (conll2003) articles give theirs in a dateline line ("SYDNEY 1996-08-22"), read here by a separate
/// pattern, and removed from the text for the "masked" figure. The file time is "now", as for a file saved today.
/// Thresholds are the figures reached (see the report printed), a little below.
/// </summary>
public partial class DocumentDateCorpusTests
{
    public sealed record Figures(int Articles, int Exact, int DatelineDay, int SameMonth, int Within31Days, int SameYear, int Guessed)
    {
        public double Share(int n) => Articles == 0 ? 0 : (double)n / Articles;

        public override string ToString() =>
            $"{Articles} articles: exact day {Share(Exact):F3}, dateline day (0-3 days before publication) {Share(DatelineDay):F3}, " +
            $"same month {Share(SameMonth):F3}, within 31 days {Share(Within31Days):F3}, same year {Share(SameYear):F3}, " +
            $"guessed from the file time {Share(Guessed):F3}";
    }

    private static readonly DateOnly Now = new(2026, 12, 1);

    [GeneratedRegex(@"^[A-Z][A-Za-z .,'-]+ (\d{4}-\d\d-\d\d)\s*$", RegexOptions.Multiline)]
    private static partial Regex ReutersDateline();

    private static IEnumerable<(string Id, string Text)> Read(string file)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            yield return (json.RootElement.GetProperty("doc").GetString()!, json.RootElement.GetProperty("text").GetString()!);
        }
    }

    public static Figures Measure(IEnumerable<(string Text, DateOnly Key)> articles)
    {
        var stage = new DatesStage { Today = () => Now, FileTime = _ => Now.ToDateTime(TimeOnly.MinValue) };
        int n = 0, exact = 0, dateline = 0, month = 0, within = 0, year = 0, guessed = 0;
        foreach (var (text, key) in articles)
        {
            var a = stage.Process(new Article { Source = new SourceFile("/nonexistent/a.txt", "a.txt"), Text = text });
            var d = a.Metadata.DocumentDate!;
            var diff = key.DayNumber - d.Value.DayNumber;
            n++;
            if (diff == 0) exact++;
            if (diff is >= 0 and <= 3) dateline++;
            if (d.Value.Year == key.Year && d.Value.Month == key.Month) month++;
            if (Math.Abs(diff) <= 31) within++;
            if (d.Value.Year == key.Year) year++;
            if (DateOrigins.IsGuess(d.Origin)) guessed++;
        }
        return new Figures(n, exact, dateline, month, within, year, guessed);
    }

    private static string Pd1998 => Path.Combine(TestPaths.Data, "pd1998-train.jsonl.gz");
    private static string Conll => Path.Combine(TestPaths.Data, "conll2003-train.jsonl.gz");

    [Test]
    public void Peoples_Daily_1998_document_dates_from_the_text_alone()
    {
        Assume.That(File.Exists(Pd1998), "pd1998 data not present beside the clone (../shared/data)");
        var all = Read(Pd1998).Select(x => (x.Text, Key: DateOnly.ParseExact(x.Id[..8], "yyyyMMdd"))).ToList();
        var figures = Measure(all);
        // Articles that state no year at all (most commentary, features, short notes) can only get the file's year.
        var withYears = Measure(all.Where(x => Regex.IsMatch(x.Text, "[12１２一][0-9０-９〇○零一二三四五六七八九]{3}年")));
        TestContext.Out.WriteLine("pd1998, all: " + figures);
        TestContext.Out.WriteLine("pd1998, articles that write a year: " + withYears);
        Assert.Multiple(() =>
        {
            Assert.That(figures.Share(figures.Within31Days), Is.GreaterThanOrEqualTo(0.06));
            Assert.That(withYears.Share(withYears.SameYear), Is.GreaterThanOrEqualTo(0.15));
            // Every article whose date rests on the file time says so.
            Assert.That(figures.Guessed, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Reuters_1996_document_dates_with_and_without_their_dateline()
    {
        Assume.That(File.Exists(Conll), "conll2003 data not present beside the clone (../shared/data)");
        var dated = Read(Conll).Select(x => (x.Text, Match: ReutersDateline().Match(x.Text))).Where(x => x.Match.Success).ToList();
        var figures = Measure(dated.Select(x => (x.Text, DateOnly.Parse(x.Match.Groups[1].Value))));
        var masked = Measure(dated.Select(x => (x.Text.Remove(x.Match.Groups[1].Index, 10), DateOnly.Parse(x.Match.Groups[1].Value))));
        TestContext.Out.WriteLine("conll2003 with datelines: " + figures);
        TestContext.Out.WriteLine("conll2003, dateline removed: " + masked);
        Assert.That(figures.Share(figures.Exact), Is.GreaterThanOrEqualTo(0.99));
    }
}
