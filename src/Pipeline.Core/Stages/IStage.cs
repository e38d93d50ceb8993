using Pipeline.Configuration;
using Pipeline.Model;

namespace Pipeline.Stages;

/// <summary>
/// One step of the pipeline: reads the shared Article, returns it with its findings added. A stage checks
/// <paramref name="cancellation"/> in its loops (per sentence or paragraph), so a stop or a watchdog ends
/// a long article promptly.
/// </summary>
public interface IStage
{
    /// <summary>Its name in pipeline.json, its options and what it requires and assigns.</summary>
    StageDescriptor Descriptor { get; }

    string Name => Descriptor.Name;

    Article Process(Article article, CancellationToken cancellation = default);
}
