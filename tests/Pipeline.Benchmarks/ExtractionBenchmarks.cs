using BenchmarkDotNet.Attributes;
using Pipeline.Classification;
using Pipeline.Model;
using Pipeline.Organisations;
using Pipeline.Segmentation;
using Pipeline.Stages;

namespace Pipeline.Benchmarks;

/// <summary>
/// segment → organisations → classify over about a million characters of Chinese news (the dev corpus
/// repeated). Throughput = UTF-8 bytes of the input / mean time; the target is ≥ 5 MB/s on one core.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string _text = "";
    private ArticlePipeline _withModel = null!;
    private ArticlePipeline _rulesOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchText.Chinese();
        _withModel = new ArticlePipeline([new SegmentStage(), new OrganisationsStage(), ClassifyStage.WithShippedModel()]);
        _rulesOnly = new ArticlePipeline([new SegmentStage(), new OrganisationsStage(), ClassifyStage.RulesOnly()]);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(_text);
        Console.WriteLine($"// input: {_text.Length} chars, {bytes / 1e6:F2} MB UTF-8; MB/s = {bytes / 1e6:F2} / mean seconds");
    }

    private Article Input => new() { Source = new SourceFile("bench.zh.txt", "bench.zh.txt"), Text = _text };

    [Benchmark(Baseline = true)]
    public int SegmentOrganisationsClassify() => _withModel.Process(Input).Entities.Length;

    [Benchmark]
    public int SegmentOrganisationsRulesOnly() => _rulesOnly.Process(Input).Entities.Length;
}
