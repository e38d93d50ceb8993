using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Pipeline.Configuration;
using Pipeline.Running;
using Pipeline.Stages;

namespace Pipeline.Benchmarks;

/// <summary>
/// `pipeline run` over 1,000 small articles: a first run (empty output) against a second run
/// with nothing changed, which must cost under a tenth of the first (it only hashes inputs and
/// checks the database and output stamps). Each iteration is one whole batch, hence Monitoring.
/// dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Incremental*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IncrementalBenchmarks
{
    private const int Articles = 1000;
    private string _root = "";
    private PipelineConfig _config = null!;

    [GlobalSetup]
    public void CreateArticles()
    {
        _root = Path.Combine(Path.GetTempPath(), "pipeline-bench-incremental");
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
        var input = Directory.CreateDirectory(Path.Combine(_root, "input")).FullName;
        var text = BenchText.Chinese(Articles * 1500);
        for (var i = 0; i < Articles; i++)
            File.WriteAllText(Path.Combine(input, $"article-{i:D4}.txt"), text.Substring(i * 1500, 1500));
        File.WriteAllText(Path.Combine(_root, "pipeline.json"), """{ "input": "input", "output": "output" }""");
        _config = new ConfigLoader(StageCatalog.Default).Load(Path.Combine(_root, "pipeline.json"));
        Run(); // the second-run benchmark starts from complete output
    }

    [GlobalCleanup]
    public void DeleteArticles() => Directory.Delete(_root, true);

    [IterationSetup(Target = nameof(FirstRun))]
    public void EmptyOutput()
    {
        if (Directory.Exists(_config.OutputDirectory)) Directory.Delete(_config.OutputDirectory, true);
    }

    [Benchmark(Baseline = true)]
    public int FirstRun() => Run();

    [Benchmark]
    public int SecondRunUnchanged() => Run();

    private int Run()
    {
        using var runner = new BatchRunner(_config, PipelineBuilder.From(_config).Build(), ReportWriters.All, new RunOptions());
        var summary = runner.Run(new LogProgress(TextWriter.Null));
        return summary.Succeeded + summary.Skipped;
    }
}
