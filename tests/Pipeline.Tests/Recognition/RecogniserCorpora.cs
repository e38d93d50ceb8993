using Pipeline.Configuration;
using Pipeline.Evaluation;
using Pipeline.Model;
using Pipeline.Recognition;
using Pipeline.Stages;

namespace Pipeline.Tests.Recognition;

/// <summary>The training corpora beside the clone and the repository's configured pipeline, with and without the recogniser.</summary>
public static class RecogniserCorpora
{
    public static readonly string[] Names = ["pd1998", "cluener", "conll2003"];

    public static string PathOf(string name) => Path.Combine(TestPaths.Data, $"{name}-train.jsonl.gz");

    /// <summary>The corpus's documents of a split, or the test is skipped when ../shared/data is absent.</summary>
    public static List<CorpusDocument> Read(string name, CorpusSplit split)
    {
        var path = PathOf(name);
        if (!File.Exists(path)) Assert.Ignore($"{path} not present (../shared/data beside the clone)");
        return [.. AnnotatedCorpus.Read(path, split)];
    }

    private static PipelineBuilder Configured() =>
        PipelineBuilder.From(new ConfigLoader(StageCatalog.Default).Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json")));

    public static readonly Lazy<ArticlePipeline> Full = new(() => Configured().Build().ForLoadedText());

    /// <summary>The same pipeline without the recognise stage: what the rules and the candidate classifier find.</summary>
    public static readonly Lazy<ArticlePipeline> WithoutRecogniser = new(() =>
        Configured().Remove(RecogniseStage.Descriptor).Build().ForLoadedText());

    public static Article Run(ArticlePipeline pipeline, string id, string text) => pipeline.Process(Article.FromText(id, text));
}
