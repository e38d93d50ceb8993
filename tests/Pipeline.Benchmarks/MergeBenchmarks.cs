using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Pipeline.Configuration;
using Pipeline.Running;
using Pipeline.Running.Shards;
using Pipeline.Stages;

namespace Pipeline.Benchmarks;

/// <summary>
/// `pipeline merge` of 10,000 articles of 1,500 characters split in 10 shards: check every shard against
/// the input (hash every input file), import ten shard records into one, link 20,000 article files into
/// output/, and write the overview and the run summary. The shards are made once, by the real shard
/// runner, with every stage and DOCX briefings (PDF briefings would add one link per article and nine
/// minutes of setup). Each iteration merges into an output folder that holds only the shards.
/// dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Merge*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class MergeBenchmarks
{
    private const int Articles = 10_000, Shards = 10;
    private string _root = "";
    private PipelineConfig _config = null!;
    private ArticlePipeline _pipeline = null!;

    [GlobalSetup]
    public void MakeShards()
    {
        _root = Path.Combine(Path.GetTempPath(), "pipeline-bench-merge");
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
        var input = Directory.CreateDirectory(Path.Combine(_root, "input")).FullName;
        var text = BenchText.Chinese(1_000 * 1500);
        for (var i = 0; i < Articles; i++)
            File.WriteAllText(Path.Combine(input, $"article-{i:D5}.txt"), $"第{i}篇。" + text.Substring(i % 1000 * 1500, 1500));
        File.WriteAllText(Path.Combine(_root, "pipeline.json"),
            """{ "input": "input", "output": "output", "reports": { "formats": ["docx"] } }""");
        _config = new ConfigLoader(StageCatalog.Default).Load(Path.Combine(_root, "pipeline.json"));
        _pipeline = PipelineBuilder.From(_config).Build();
        for (var i = 0; i < Shards; i++)
            new ShardRunner(_config, _pipeline, ReportWriters.All, new RunOptions())
                .Run(new ShardSpec(i, Shards), new LogProgress(TextWriter.Null), TextWriter.Null);
    }

    [GlobalCleanup]
    public void DeleteAll() => Directory.Delete(_root, true);

    [IterationSetup]
    public void OnlyShards()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_config.OutputDirectory))
            if (Path.GetFileName(entry) != ShardFolder.RootName)
            {
                if (Directory.Exists(entry)) Directory.Delete(entry, true);
                else File.Delete(entry);
            }
    }

    [Benchmark]
    public int Merge()
    {
        var summary = new ShardMerge(_config, _pipeline, ReportWriters.All, new RunOptions())
            .Merge(Shards, new LogProgress(TextWriter.Null));
        return summary.Succeeded;
    }
}
