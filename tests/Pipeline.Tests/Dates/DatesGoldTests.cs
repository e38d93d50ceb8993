using System.Text.Json;
using Pipeline.Dates;
using Pipeline.Model;
using Pipeline.Segmentation;

namespace Pipeline.Tests.Dates;

/// <summary>Segment + dates over the dev corpus, scored strictly against the gold like score.py.</summary>
public class DatesGoldTests
{
    public static Article Run(string path)
    {
        var article = Article.FromFile(path) with { Text = File.ReadAllText(path) };
        var meta = path + ".meta.json";
        if (File.Exists(meta))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(meta));
            if (json.RootElement.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), out var date))
                article = article with
                {
                    Metadata = article.Metadata with { DocumentDate = new Sourced<DateOnly>(date, DateOrigins.Sidecar) },
                };
        }
        article = new SegmentStage().Process(article);
        return new DatesStage().Process(article);
    }

    public static List<GoldSpan> ReadGold(string goldFile) =>
        File.ReadLines(goldFile).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "DATE")
            .Select(e => new GoldSpan(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(),
                e.GetProperty("text").GetString()!,
                e.TryGetProperty("optional", out var o) && o.GetBoolean(),
                e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null))
            .ToList();

    [Test]
    public void Dev_gold_dates_are_all_found_with_right_values()
    {
        var score = new DateScore();
        var goldFiles = Directory.GetFiles(TestPaths.Gold, "*.jsonl").Order().ToList();
        Assert.That(goldFiles, Is.Not.Empty);
        foreach (var goldFile in goldFiles)
        {
            var doc = Path.GetFileNameWithoutExtension(goldFile) + ".txt";
            var article = Run(Path.Combine(TestPaths.Corpus, doc));
            // Gold counts code points; the dev texts stay inside the BMP, so UTF-16 offsets are the same.
            var predicted = article.EntitiesOf(EntityTypes.Date).Select(e => new PredictedSpan(e.Start, e.End, e.Text, e.Value)).ToList();
            score.Add(doc, ReadGold(goldFile), predicted, relaxed: false);
        }
        TestContext.Out.WriteLine("dev gold DATE (strict): " + score);
        foreach (var e in score.Errors) TestContext.Out.WriteLine(e);
        Assert.Multiple(() =>
        {
            Assert.That(score.Precision, Is.EqualTo(1.0), string.Join("\n", score.Errors));
            Assert.That(score.Recall, Is.EqualTo(1.0), string.Join("\n", score.Errors));
            Assert.That(score.ValuesRight, Is.EqualTo(score.ValuesChecked), string.Join("\n", score.Errors));
        });
    }

    [Test]
    public void Anticorruption_article_without_sidecar_takes_its_latest_past_date_as_reference()
    {
        var path = Path.Combine(TestPaths.Corpus, "anticorruption-cooperation.zh.txt");
        Assume.That(File.Exists(path + ".meta.json"), Is.False);
        var article = Run(path);
        // The latest written date is 2018年7月, but the text reports 今年9月初 as past: September 2018 at the earliest.
        Assert.That(article.Metadata.DocumentDate?.Origin, Is.EqualTo(DateOrigins.LatestInText));
        Assert.That(article.Metadata.DocumentDate?.Value, Is.EqualTo(new DateOnly(2018, 9, 1)));
        Assert.That(article.Metadata.DocumentDateAsWritten, Is.EqualTo("2018-09"));
        var first = article.EntitiesOf(EntityTypes.Date).First();
        Assert.That((first.Text, first.Value), Is.EqualTo(("今年9月初", "2018-09")));
        Assert.That(first.Reference, Is.EqualTo(new DateReference(new DateOnly(2018, 9, 1), DateOrigins.LatestInText)));
    }
}
