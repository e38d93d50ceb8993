using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pipeline.Dates;
using Pipeline.Model;

namespace Pipeline.Benchmarks;

/// <summary>
/// The dates stage over about 1 M characters of Chinese news (the dev articles repeated).
/// MB/s = UTF-8 megabytes of text / mean time; the text size is printed once in GlobalSetup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DatesBenchmarks
{
    private Article _article = null!;
    private DateScanner _scanner = null!;
    private DatesStage _stage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = BenchText.Chinese();
        _article = new Article
        {
            Source = new SourceFile("/nonexistent/bench.zh.txt", "bench.zh.txt"),
            Text = text,
            Metadata = new ArticleMetadata { DocumentDate = new Sourced<DateOnly>(new DateOnly(2020, 11, 30), DateOrigins.Sidecar) },
        };
        _scanner = new DateScanner();
        _stage = new DatesStage();
        Console.WriteLine($"// text: {text.Length:N0} chars, {System.Text.Encoding.UTF8.GetByteCount(text):N0} UTF-8 bytes");
    }

    [Benchmark]
    public int Scan() => _scanner.Scan(_article.Text).Count;

    [Benchmark]
    public int Stage() => _stage.Process(_article).Entities.Length;
}
