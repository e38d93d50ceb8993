using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Benchmarks;

/// <summary>
/// One document of 1 to 16 MB through every extraction stage (the default pipeline but ingest, models on): the
/// cost must grow with the text, not faster, so mean / MB stays within 1.3× from the smallest to the largest.
/// The text is real news, ../shared/data/pd1998-train.jsonl.gz's articles joined by blank lines and cycled.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DocumentSizeBenchmarks
{
    private ArticlePipeline _pipeline = null!;
    private string _text = "";

    [Params(1, 2, 4, 8, 16)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = PipelineBuilder.Default().Build().ForLoadedText();
        _text = News(Megabytes * 1_000_000);
        Console.WriteLine($"// {Megabytes} MB: {_text.Length:N0} chars, {Encoding.UTF8.GetByteCount(_text):N0} bytes of UTF-8");
    }

    /// <summary>Real articles joined and cycled to about <paramref name="bytes"/> bytes of UTF-8.</summary>
    public static string News(int bytes)
    {
        var path = Path.Combine(BenchText.SharedDirectory, "data", "pd1998-train.jsonl.gz");
        using var lines = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var texts = new List<string>();
        while (lines.ReadLine() is { } line)
            if (line.Length > 0) texts.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!.Trim() + "\n\n");
        var sb = new StringBuilder();
        var size = 0;
        for (var i = 0; size < bytes; i++)
        {
            var t = texts[i % texts.Count];
            sb.Append(t);
            size += Encoding.UTF8.GetByteCount(t);
        }
        return sb.ToString();
    }

    [Benchmark]
    public int ExtractOneDocument() => _pipeline.Process(Article.FromText("size.zh.txt", _text)).Entities.Length;
}
