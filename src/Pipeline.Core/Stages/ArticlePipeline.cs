using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Model;

namespace Pipeline.Stages;

/// <summary>
/// The stages of one configuration, built once and reused for every article
/// (like Markdig's pipeline: build, then freeze).
/// </summary>
public sealed class ArticlePipeline
{
    public ArticlePipeline(IEnumerable<IStage> stages) => Stages = [.. stages];

    public ImmutableArray<IStage> Stages { get; }

    public static ArticlePipeline FromConfig(PipelineConfig config) =>
        new(config.Stages.Select(s => s.Descriptor.Create(s.Settings)));

    /// <summary>Runs every stage in order; an <see cref="ArticleException"/> names the stage and the reason.</summary>
    public Article Process(Article article, CancellationToken cancellation = default)
    {
        foreach (var stage in Stages)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                article = stage is ICancellableStage cancellable ? cancellable.Process(article, cancellation) : stage.Process(article);
            }
            catch (ArticleException)
            {
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ArticleException($"stage '{stage.Name}' failed: {e.GetType().Name}: {e.Message}", e);
            }
        }
        return article;
    }

    public Article ProcessFile(string path, CancellationToken cancellation = default) =>
        Process(Article.FromFile(path), cancellation);
}

/// <summary>An article that cannot be processed (bad input, failing stage). The batch goes on without it.</summary>
public sealed class ArticleException(string message, Exception? inner = null) : Exception(message, inner);
