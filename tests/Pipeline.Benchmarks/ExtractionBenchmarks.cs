using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Pipeline.Configuration;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Benchmarks;

/// <summary>
/// The whole extraction: every stage of <see cref="StageCatalog.Default"/> but ingest (the text is already in
/// memory), with default settings, over about a million characters of Chinese news (the dev corpus repeated),
/// cut at line ends into articles of about 4,000 characters as a batch brings them.
/// Throughput = UTF-8 bytes of the input / mean time; the target is ≥ 5 MB/s on one core.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private const int ArticleLength = 4000;
    private string _text = "";
    private List<string> _articles = [];
    private ArticlePipeline _withModel = null!;
    private ArticlePipeline _rulesOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchText.Chinese();
        _articles = CutIntoArticles(_text);
        _withModel = Build(machineLearning: true);
        _rulesOnly = Build(machineLearning: false);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(_text);
        Console.WriteLine($"// input: {_text.Length} chars in {_articles.Count} articles, {bytes / 1e6:F2} MB UTF-8; MB/s = {bytes / 1e6:F2} / mean seconds");
    }

    private static List<string> CutIntoArticles(string text)
    {
        var articles = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = Math.Min(text.Length, start + ArticleLength);
            var lineEnd = end < text.Length ? text.IndexOf('\n', end) : -1;
            end = lineEnd < 0 ? text.Length : lineEnd + 1;
            articles.Add(text[start..end]);
            start = end;
        }
        return articles;
    }

    private static int Run(ArticlePipeline pipeline, List<string> articles)
    {
        var entities = 0;
        foreach (var text in articles)
            entities += pipeline.Process(Article.FromText("bench.zh.txt", text)).Entities.Length;
        return entities;
    }

    private static ArticlePipeline Build(bool machineLearning) =>
        PipelineBuilder.Default().DisableMachineLearning(!machineLearning).Build().ForLoadedText();

    [Benchmark(Baseline = true)]
    public int AllStagesWithModel() => Run(_withModel, _articles);

    [Benchmark]
    public int AllStagesRulesOnly() => Run(_rulesOnly, _articles);
}
