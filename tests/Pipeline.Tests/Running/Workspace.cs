using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Ingest;
using Pipeline.Model;
using Pipeline.Reports;
using Pipeline.Running;
using Pipeline.Segmentation;
using Pipeline.Stages;

namespace Pipeline.Tests.Running;

/// <summary>A throw-away project folder: input/, output/ and a pipeline.json, deleted after the test.</summary>
public sealed class Workspace : IDisposable
{
    public Workspace(string stagesJson = "[\"ingest\", \"segment\"]", string? extra = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-tests-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Input);
        WriteConfig(stagesJson, extra);
    }

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Output => Path.Combine(Root, "output");
    public string ConfigPath => Path.Combine(Root, "pipeline.json");

    public void WriteConfig(string stagesJson, string? extra = null) =>
        File.WriteAllText(ConfigPath, $$"""{ "input": "input", "output": "output", "jobs": 2, "stages": {{stagesJson}}{{(extra is null ? "" : ", " + extra)}} }""");

    public PipelineConfig LoadConfig() => new ConfigLoader(StageCatalog.Default).Load(ConfigPath);

    public string Add(string name, string text) => Add(name, new System.Text.UTF8Encoding(false).GetBytes(text));

    public string Add(string name, byte[] bytes)
    {
        var path = Path.Combine(Input, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string ArticleOutput(string file, string name = BatchRunner.EntitiesFile) => Path.Combine(Output, file, name);

    /// <summary>Runs ingest + segment (plus <paramref name="extraStages"/>) with the given writers; errors are collected.</summary>
    public (RunSummary Summary, List<string> Errors) Run(RunOptions? options = null, IEnumerable<IReportWriter>? writers = null,
        IEnumerable<IStage>? stagesBefore = null, long maxFileBytes = IngestStage.DefaultMaxFileBytes,
        IEnumerable<IStage>? stagesAfter = null)
    {
        var config = LoadConfig();
        var pipeline = new ArticlePipeline([.. stagesBefore ?? [], new IngestStage(maxFileBytes), new SegmentStage(), .. stagesAfter ?? []]);
        var log = new StringWriter();
        using var runner = new BatchRunner(config, pipeline, writers ?? TestWriters.Both, options ?? new RunOptions());
        var summary = runner.Run(new LogProgress(log));
        var errors = log.ToString().Split('\n').Where(l => l.StartsWith("pipeline: ") && !l.StartsWith("pipeline: [")).ToList();
        return (summary, errors);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Report writers for tests: a small text file naming the article, so tests can see what was written.</summary>
public sealed class TextReportWriter(string format) : IReportWriter
{
    public string Format => format;

    public void Write(Article article, Stream output)
    {
        using var w = new StreamWriter(output, leaveOpen: true);
        w.Write($"{format} briefing of {article.Id}: {article.Sentences.Length} sentences");
    }

    public void WriteOverview(BatchOverview overview, Stream output)
    {
        using var w = new StreamWriter(output, leaveOpen: true);
        foreach (var d in overview.Documents) w.WriteLine($"{d.FileName}\t{d.Status}\t{d.Title}");
    }
}

/// <summary>A writer that fails for one article: the batch must go on and keep the article's old outputs out.</summary>
public sealed class FailingReportWriter(string format, string failFor) : IReportWriter
{
    public string Format => format;

    public void Write(Article article, Stream output)
    {
        output.Write("partial"u8);
        if (article.Id == failFor) throw new InvalidOperationException("renderer crashed");
    }

    public void WriteOverview(BatchOverview overview, Stream output) => output.Write("overview"u8);
}

/// <summary>A writer whose preparation (fonts, fixed parts) fails: briefings that need nothing from it still succeed.</summary>
public sealed class UnpreparableReportWriter(string format) : IReportWriter
{
    private int _prepared;

    public int Prepared => Volatile.Read(ref _prepared);

    public string Format => format;

    public void Write(Article article, Stream output) => output.Write(System.Text.Encoding.UTF8.GetBytes($"{format} briefing"));

    public void WriteOverview(BatchOverview overview, Stream output) => output.Write("overview"u8);

    public void Prepare()
    {
        Interlocked.Increment(ref _prepared);
        throw new IOException("font missing");
    }
}

public static class TestWriters
{
    public static ImmutableArray<IReportWriter> Both => [new TextReportWriter("docx"), new TextReportWriter("pdf")];
}

/// <summary>Deletes one input file just before it is read, as a user tidying the folder mid-run would.</summary>
public sealed class DeleteBeforeReadStage(string fileName) : IStage
{
    public StageDescriptor Descriptor { get; } = new StageDescriptor<NoOptions>(
        "delete-before-read", "test", ArticleParts.None, ArticleParts.None, _ => throw new NotSupportedException());

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        if (article.Id == fileName) File.Delete(article.Source.Path);
        return article;
    }
}

/// <summary>Marks every occurrence of one word as an entity, with an optional agreement record and warning.</summary>
public sealed class FindWordStage(string type, string word, string canonical, bool asAgreementRecord = false,
    string? warning = null) : IStage
{
    public StageDescriptor Descriptor { get; } = new StageDescriptor<NoOptions>(
        "find-" + word, "test", ArticleParts.Text,
        ArticleParts.Organisations | ArticleParts.Agreements | ArticleParts.AgreementRecords | ArticleParts.Timeline,
        _ => throw new NotSupportedException());

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var found = new List<Entity>();
        for (var i = article.Text.IndexOf(word, StringComparison.Ordinal); i >= 0;
             i = article.Text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
            found.Add(new Entity(type, i, i + word.Length, word, "test", 1) { Canonical = canonical, Kind = asAgreementRecord ? "treaty" : null });
        article = article.AddEntities(found);
        if (asAgreementRecord && found.Count > 0)
            article = article with
            {
                Agreements = [new AgreementRecord(canonical, "treaty", "1949-04-04", "signed", null, ["US"], word, [.. found.Select(f => f.Span)])],
                Timeline = [new TimelineEntry("1949-04-04", article.SentenceAt(found[0].Start), canonical + " signed", [], [canonical])],
            };
        return warning is not null && found.Count > 0 ? article.AddWarning(warning) : article;
    }
}
