using Pipeline.Model;

namespace Pipeline.Stages;

/// <summary>A stage that stops when asked (the watchdog's budget or Ctrl+C) instead of running to its end.</summary>
public interface ICancellableStage
{
    Article Process(Article article, CancellationToken cancellation);
}
