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
    public static readonly string[] ValueOptions = ["config", "jobs"];
    public static readonly string[] FlagOptions = ["no-ml"];

    private readonly ArticlePipeline _pipeline;
    private readonly ArticlePipeline _textPipeline; // for texts already in memory: every stage but ingest
    private readonly int _jobs;

    public ExtractionSession(CommandArgs args)
    {
        var configPath = args.Get("config") ?? "pipeline.json";
        var loader = new ConfigLoader(StageCatalog.Default);
        var noMl = args.Has("no-ml");
        PipelineConfig config;
        if (args.Get("config") is null && !File.Exists(configPath))
            config = loader.Parse(System.Text.Json.JsonDocument.Parse("{}").RootElement,
                Path.GetFullPath("pipeline.json"), noMl);
        else
            config = loader.Load(configPath, noMl);
        Config = config;
        _pipeline = ArticlePipeline.FromConfig(config);
        _textPipeline = new ArticlePipeline(_pipeline.Stages.Where(s => s.Name != Ingest.IngestStage.Descriptor.Name));
        _jobs = args.GetInt("jobs", 1) ?? config.Jobs;
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
            i => results[i] = _textPipeline.Process(
                new Article { Source = new SourceFile(texts[i].Id, texts[i].Id), Text = texts[i].Text }, cancellation));
        return results;
    }

    /// <summary>
    /// Processes the articles at <paramref name="paths"/> (files or folders), hands each one to
    /// <paramref name="onArticle"/> in input order and reports each failure on stderr; returns how many failed.
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
