using BenchmarkDotNet.Attributes;
using Pipeline.Model;
using Pipeline.Reports;
using Pipeline.Reports.Docx;
using Pipeline.Reports.Html;
using Pipeline.Reports.Pdf;

namespace Pipeline.Benchmarks;

/// <summary>
/// Per-article rendering of the briefings: the seven dev articles of ../shared/corpus (Chinese and English,
/// 1,900–10,600 bytes, processed by every stage once in setup), each written once per operation.
/// Results are per article (OperationsPerInvoke); articles/s on one core = 1 / mean.
/// The target (issue: reports) is DOCX + PDF at ≥ 50 articles/s per core.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    public const int Articles = 7;
    private List<Article> _articles = [];
    private readonly DocxReportWriter _docx = new();
    private readonly PdfReportWriter _pdf = new();
    private readonly HtmlReportWriter _html = new();

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = Pipeline.Stages.PipelineBuilder.Default().Build();
        _articles = [.. Directory.GetFiles(Path.Combine(BenchText.SharedDirectory, "corpus"), "*.txt").Order()
            .Select(path => pipeline.ProcessFile(path))];
        if (_articles.Count != Articles) throw new InvalidOperationException($"expected {Articles} dev articles, found {_articles.Count}");
        // Fonts, subsetting plans and the chart font are loaded once per process, as in a batch run.
        Write(_docx);
        Write(_pdf);
        Write(_html);
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public long Docx() => Write(_docx);

    [Benchmark(OperationsPerInvoke = Articles)]
    public long Pdf() => Write(_pdf);

    [Benchmark(OperationsPerInvoke = Articles, Baseline = true)]
    public long DocxAndPdf() => Write(_docx) + Write(_pdf);

    [Benchmark(OperationsPerInvoke = Articles)]
    public long Html() => Write(_html);

    private long Write(IReportWriter writer)
    {
        long bytes = 0;
        foreach (var article in _articles)
        {
            using var stream = new MemoryStream();
            writer.Write(article, stream);
            bytes += stream.Length;
        }
        return bytes;
    }
}
