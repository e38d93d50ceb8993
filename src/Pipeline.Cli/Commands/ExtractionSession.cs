using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Cli.Commands;

/// <summary>
/// What `extract` and `evaluate` share: the configured pipeline (without reports) and the article files
/// named on the command line, processed in parallel, each failure reported and the rest kept.
/// </summary>
public sealed class ExtractionSession
{
    private readonly ArticlePipeline _pipeline;
    private readonly ArticlePipeline _textPipeline; // for texts already in memory: every stage but ingest
    private readonly int _jobs;

    /// <param name="configPath">null: ./pipeline.json when there is one, else the default stages.</param>
    public ExtractionSession(string? configPath, int? jobs, bool noMl)
    {
        var loader = new ConfigLoader(StageCatalog.Default);
        var config = configPath is null && !File.Exists("pipeline.json")
            ? loader.Parse(System.Text.Json.JsonDocument.Parse("{}").RootElement, Path.GetFullPath("pipeline.json"))
            : loader.Load(configPath ?? "pipeline.json");
        Config = config;
        _pipeline = PipelineBuilder.From(config).DisableMachineLearning(noMl).Build();
        _textPipeline = _pipeline.ForLoadedText();
        _jobs = jobs ?? config.Jobs;
    }

    public PipelineConfig Config { get; }

    /// <summary>Files as given, and the article files of folders (sidecars, hidden and temporary files skipped).</summary>
    public static List<string> ArticlePaths(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) result.AddRange(Ingest.ArticleFiles.Enumerate(p));
            else if (File.Exists(p)) result.Add(p);
            else throw new UsageException($"no such file or folder: {p}");
        }
        return result;
    }

    /// <summary>Runs the stages after ingest over texts that are already decoded (an annotated corpus).</summary>
    public IReadOnlyList<Article> ProcessTexts(IReadOnlyList<(string Id, string Text)> texts, CancellationToken cancellation)
    {
        var results = new Article[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellation },
            i => results[i] = _textPipeline.Process(Article.FromText(texts[i].Id, texts[i].Text), cancellation));
        return results;
    }

    /// <summary>
    /// Processes the articles at <paramref name="paths"/> (files or folders), hands each one to
    /// <paramref name="onArticle"/> in input order and reports each failure on stderr; returns how many failed
    /// (wholly, or in a stage).
    /// </summary>
    public int ProcessEach(IEnumerable<string> paths, CommandContext context, Action<Article> onArticle)
    {
        var failed = 0;
        foreach (var (path, article, error) in Process(ArticlePaths(paths), context.Cancellation))
        {
            if (article is null)
            {
                failed++;
                context.Error.WriteLine($"pipeline: {path}: {error}");
                continue;
            }
            // A stage that failed cost only its findings: the rest is printed, the failure named.
            foreach (var failure in article.Failures) context.Error.WriteLine($"pipeline: {path}: {failure}");
            if (!article.Failures.IsEmpty) failed++;
            onArticle(article);
        }
        return failed;
    }

    /// <summary>Processes every path; results keep the input order. Failures carry the message instead of an article.</summary>
    public IReadOnlyList<(string Path, Article? Article, string? Error)> Process(IReadOnlyList<string> paths,
        CancellationToken cancellation)
    {
        var results = new (string, Article?, string?)[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellation },
            i =>
            {
                try
                {
                    results[i] = (paths[i], _pipeline.ProcessFile(paths[i], cancellation), null);
                }
                catch (ArticleException e)
                {
                    results[i] = (paths[i], null, e.Message);
                }
            });
        return results;
    }
}
