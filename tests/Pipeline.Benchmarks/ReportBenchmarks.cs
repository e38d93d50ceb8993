using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Pipeline.Model;
using Pipeline.Reports.Docx;
using Pipeline.Reports.Pdf;

namespace Pipeline.Benchmarks;

/// <summary>One briefing per format for a real Chinese article with dates, organisations and agreements marked.</summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private Article _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(BenchText.SharedDirectory, "corpus", "anticorruption-cooperation.zh.txt");
        var text = File.ReadAllText(path);
        // Stand-in for the extraction stages: years with optional month, book-mark titles, a few organisation names.
        var dates = Regex.Matches(text, @"\d{4}年(\d{1,2}月)?").Select(m =>
            new Entity(EntityTypes.Date, m.Index, m.Index + m.Length, m.Value, "bench", 1) { Value = m.Value[..4] });
        var agreements = Regex.Matches(text, "《([^》]+)》").Select(m => m.Groups[1]).Select(g =>
            new Entity(EntityTypes.Agreement, g.Index, g.Index + g.Length, g.Value, "bench", 1) { Canonical = g.Value, Kind = "declaration" });
        var orgs = new[] { "中非合作论坛", "二十国集团", "亚太经合组织", "上合组织", "金砖国家", "国家监察委员会", "APEC", "G20" }
            .SelectMany(name => Regex.Matches(text, Regex.Escape(name)).Select(m =>
                new Entity(EntityTypes.Org, m.Index, m.Index + m.Length, m.Value, "bench", 1) { Canonical = name }));
        _article = (Article.FromFile(path) with { Text = text }).AddEntities(dates.Concat(agreements).Concat(orgs));
    }

    [Benchmark]
    public long Docx() => Write(new DocxReportWriter());

    [Benchmark]
    public long Pdf() => Write(new PdfReportWriter());

    private long Write(Pipeline.Reports.IReportWriter writer)
    {
        using var stream = new MemoryStream();
        writer.Write(_article, stream);
        return stream.Length;
    }
}
