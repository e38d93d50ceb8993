using Pipeline.Configuration;
using Pipeline.Ingest;
using Pipeline.Running;
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
    private readonly WatchdogOptions _watchdog;
    private readonly SymlinkPolicy _symlinks;

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
        _watchdog = config.Watchdog;
        _symlinks = _pipeline.Stages.OfType<IngestStage>().FirstOrDefault()?.Symlinks ?? SymlinkPolicy.InsideFolder;
    }

    public PipelineConfig Config { get; }

    /// <summary>
    /// Files as given, and the article files of folders (sidecars, hidden and temporary files skipped);
    /// entries that are not regular files (FIFOs, devices, symlinks not followed) are refused unopened.
    /// </summary>
    public (List<string> Files, List<RefusedFile> Refused) ArticlePaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var refused = new List<RefusedFile>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var scan = ArticleFiles.Scan(p, _symlinks);
                files.AddRange(scan.Articles);
                refused.AddRange(scan.Refused);
            }
            else if (UnixFiles.Lstat(p).Kind == FileKind.Missing) throw new UsageException($"no such file or folder: {p}");
            else if (InputFile.Refusal(p, _symlinks) is { } reason) refused.Add(new RefusedFile(p, reason));
            else files.Add(p);
        }
        return (files, refused);
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
    /// Processes the articles at <paramref name="paths"/> (files or folders), each under the watchdog, and
    /// hands each one to <paramref name="onArticle"/> as soon as it is done, one at a time; reports each
    /// failure on stderr as it happens. Returns how many failed (wholly, or in a stage) or were refused.
    /// </summary>
    public int ProcessEach(IEnumerable<string> paths, CommandContext context, Action<Article> onArticle)
    {
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(_watchdog);
        _pipeline.WarmUpInBackground();
        var (files, refused) = ArticlePaths(paths);
        var failed = refused.Count;
        var output = new Lock();
        foreach (var r in refused) context.Error.WriteLine($"pipeline: {r.Path}: {r.Reason}");
        using var watchdog = new ArticleWatchdog(_watchdog, context.Cancellation);
        watchdog.ForEach(files.Count, _jobs, i => UnixFiles.Stat(files[i]).Size,
            (i, token) =>
            {
                context.Cancellation.ThrowIfCancellationRequested();
                return _pipeline.ProcessFile(files[i], token);
            },
            (i, outcome) =>
            {
                if (context.Cancellation.IsCancellationRequested) return;
                var path = files[i];
                lock (output)
                {
                    if (outcome is { Stopped: false, Error: null, Result: { } article })
                    {
                        // A stage that failed cost only its findings: the rest is printed, the failure named.
                        foreach (var failure in article.Failures) context.Error.WriteLine($"pipeline: {path}: {failure}");
                        if (!article.Failures.IsEmpty) failed++;
                        onArticle(article);
                        return;
                    }
                    failed++;
                    context.Error.WriteLine($"pipeline: {path}: {watchdog.Reason(outcome)}");
                }
            });
        return failed;
    }
}
