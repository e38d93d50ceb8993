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
/// memory), with default settings, over about a million characters of Chinese news (the dev corpus repeated).
/// Throughput = UTF-8 bytes of the input / mean time; the target is ≥ 5 MB/s on one core.
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
        _withModel = Build(machineLearning: true);
        _rulesOnly = Build(machineLearning: false);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(_text);
        Console.WriteLine($"// input: {_text.Length} chars, {bytes / 1e6:F2} MB UTF-8; MB/s = {bytes / 1e6:F2} / mean seconds");
    }

    private static ArticlePipeline Build(bool machineLearning) => new(
        StageCatalog.Default.All
            .Where(d => d.Name != IngestStage.Descriptor.Name)
            .Select(d => d.Create(new StageSettings(d.Name, ImmutableDictionary<string, JsonElement>.Empty, d.Options,
                Directory.GetCurrentDirectory()) { MachineLearningDisabled = !machineLearning })));

    private Article Input => new() { Source = new SourceFile("bench.zh.txt", "bench.zh.txt"), Text = _text };

    [Benchmark(Baseline = true)]
    public int AllStagesWithModel() => _withModel.Process(Input).Entities.Length;

    [Benchmark]
    public int AllStagesRulesOnly() => _rulesOnly.Process(Input).Entities.Length;
}
