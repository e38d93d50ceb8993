using Pipeline.Configuration;
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
    public static readonly string[] ValueOptions = ["config", "jobs"];
    public static readonly string[] FlagOptions = ["no-ml"];

    private readonly ArticlePipeline _pipeline;
    private readonly ArticlePipeline _textPipeline; // for texts already in memory: every stage but ingest
    private readonly int _jobs;
    private readonly WatchdogOptions _watchdog;
    private readonly Ingest.SymlinkPolicy _symlinks;

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
        _pipeline = ArticlePipeline.FromConfig(config);
        _textPipeline = new ArticlePipeline(_pipeline.Stages.Where(s => s.Name != Ingest.IngestStage.Descriptor.Name));
        _jobs = args.GetInt("jobs", 1) ?? config.Jobs;
        _watchdog = config.Watchdog;
        _symlinks = _pipeline.Stages.OfType<Ingest.IngestStage>().FirstOrDefault()?.Symlinks ?? Ingest.SymlinkPolicy.InsideFolder;
    }

    /// <summary>
    /// Files as given, and the article files of folders (sidecars, hidden and temporary files skipped);
    /// entries that are not regular files (FIFOs, devices, symlinks not followed) are refused unopened.
    /// </summary>
    public (List<string> Files, List<Ingest.RefusedFile> Refused) ArticlePaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var refused = new List<Ingest.RefusedFile>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var scan = Ingest.ArticleFiles.Scan(p, _symlinks);
                files.AddRange(scan.Articles);
                refused.AddRange(scan.Refused);
            }
            else if (Ingest.UnixFiles.Lstat(p).Kind == Ingest.FileKind.Missing) throw new UsageException($"no such file or folder: {p}");
            else if (Ingest.InputFile.Refusal(p, _symlinks) is { } reason) refused.Add(new Ingest.RefusedFile(p, reason));
            else files.Add(p);
        }
        return (files, refused);
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
    /// Processes the articles at <paramref name="paths"/> (files or folders), each under the watchdog, and
    /// hands each one to <paramref name="onArticle"/> as soon as it is done (one at a time); reports each
    /// failure on stderr as it happens. Returns how many failed or were refused.
    /// </summary>
    public int ProcessEach(IEnumerable<string> paths, CommandContext context, Action<Article> onArticle)
    {
        if (context.OwnsProcess) ArticleWatchdog.LimitProcessHeap(_watchdog);
        var (files, refused) = ArticlePaths(paths);
        var failed = refused.Count;
        var output = new Lock();
        foreach (var r in refused) context.Error.WriteLine($"pipeline: {r.Path}: {r.Reason}");
        using var watchdog = new ArticleWatchdog(_watchdog, context.Cancellation);
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _jobs) }, i =>
        {
            if (context.Cancellation.IsCancellationRequested) return;
            var path = files[i];
            var outcome = watchdog.Run(Path.GetFileName(path), Ingest.UnixFiles.Stat(path).Size,
                token => _pipeline.ProcessFile(path, token));
            if (context.Cancellation.IsCancellationRequested) return;
            lock (output)
            {
                if (outcome is { Stopped: false, Error: null, Result: { } article })
                {
                    onArticle(article);
                    context.Out.Flush();
                    return;
                }
                failed++;
                var reason = outcome.Stopped ? outcome.StopReason
                    : outcome.Error is ArticleException ? outcome.Error.Message
                    : $"{outcome.Error!.GetType().Name}: {outcome.Error.Message}";
                context.Error.WriteLine($"pipeline: {path}: {reason}");
            }
        });
        return failed;
    }
}
