using Pipeline.Model;

namespace Pipeline.Stages;

/// <summary>One step of the pipeline: reads the shared Article, returns it with its findings added.</summary>
public interface IStage
{
    string Name { get; }
    Article Process(Article article);
}
