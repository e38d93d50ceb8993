namespace Pipeline.Configuration;

/// <summary>The model a stage's "model" option names (a file `pipeline train` wrote), or the one the library ships.</summary>
public static class TrainedModel
{
    public static T FileOrShipped<T>(string? path, T? shipped, Func<string, T> load) where T : class =>
        path is null
            ? shipped ?? throw new ConfigException("no model is shipped; run `pipeline train` or set \"useModel\": false")
            : load(path);
}
