using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Model;

namespace Pipeline.Stages;

/// <summary>
/// The stages of one configuration, built once by <see cref="PipelineBuilder"/> and reused for every
/// article. A stage that fails costs only its own findings: the article goes on without them (stages
/// that need what it would have assigned are skipped), and the failure is recorded on the article.
/// Only a failure to read the text fails the whole article.
/// </summary>
public sealed class ArticlePipeline
{
    internal ArticlePipeline(IEnumerable<(IStage Stage, object? Options)> stages, ArticleParts given)
    {
        Stages = [.. stages.Select(s => s.Stage)];
        Plan = [.. stages.Select(s => new ConfiguredStage(s.Stage.Descriptor, s.Options))];
        Given = given;
        Assigns = Stages.Aggregate(given, (parts, s) => parts | s.Descriptor.Assigns);
    }

    /// <summary>Stage objects built in code (tests, tools); prefer <see cref="PipelineBuilder"/>, which checks them.</summary>
    public ArticlePipeline(IEnumerable<IStage> stages, ArticleParts given = ArticleParts.None)
        : this(stages.Select(s => (s, (object?)null)), given)
    {
    }

    public ImmutableArray<IStage> Stages { get; }

    /// <summary>Every stage with the options in effect: the run fingerprint hashes them.</summary>
    public ImmutableArray<ConfiguredStage> Plan { get; }

    /// <summary>What articles bring before the first stage.</summary>
    public ArticleParts Given { get; }

    /// <summary>Everything an article can carry after this pipeline: reports show only these parts.</summary>
    public ArticleParts Assigns { get; }

    /// <summary>Starts loading, on the thread pool, what the stages would load for their first article; returns at once.</summary>
    public void WarmUpInBackground()
    {
        foreach (var stage in Stages.OfType<IWarmsUp>())
            _ = Task.Run(() =>
            {
                try
                {
                    stage.WarmUp();
                }
                catch (Exception)
                {
                    // A load that fails here fails again in the first article that needs it, where the failure is
                    // recorded against the stage and the article goes on.
                }
            });
    }

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var available = Given | article.Produced;
        foreach (var stage in Stages)
        {
            cancellation.ThrowIfCancellationRequested();
            var descriptor = stage.Descriptor;
            var missing = descriptor.Requires & ~available;
            if (missing != ArticleParts.None)
            {
                article = article.AddFailure(new StageFailure(descriptor.Name,
                    $"skipped: it needs {ArticlePartNames.Describe(missing)}, which a failed stage did not produce"));
                continue;
            }
            try
            {
                article = stage.Process(article, cancellation);
                available |= descriptor.Assigns;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var reason = e is ArticleException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                // Without its text there is nothing to brief: the article fails.
                if (descriptor.Assigns.HasFlag(ArticleParts.Text)) throw e as ArticleException ?? new ArticleException(reason, e);
                article = article.AddFailure(new StageFailure(descriptor.Name, reason) { Trace = e.StackTrace });
            }
        }
        return article with { Produced = available };
    }

    /// <summary>The same stages, built once, for texts already in memory: the stages that read files are left out.</summary>
    public ArticlePipeline ForLoadedText() => new(
        Stages.Zip(Plan).Where(s => !s.First.Descriptor.Assigns.HasFlag(ArticleParts.Text)).Select(s => (s.First, s.Second.Options)),
        Given | ArticleParts.Text);

    public Article ProcessFile(string path, CancellationToken cancellation = default) =>
        Process(Article.FromFile(path), cancellation);
}

/// <summary>An article that cannot be processed (unreadable input). The batch goes on without it.</summary>
public sealed class ArticleException(string message, Exception? inner = null) : Exception(message, inner);
