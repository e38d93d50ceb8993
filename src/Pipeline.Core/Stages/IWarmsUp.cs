namespace Pipeline.Stages;

/// <summary>
/// A stage that loads something large the first time an article needs it (a model's weights). Loaded ahead, on the
/// thread pool, while the batch is listed and its first files are read, the first articles do not wait for it, and
/// the second worker does not sit idle while the first one loads it.
/// </summary>
public interface IWarmsUp
{
    void WarmUp();
}
