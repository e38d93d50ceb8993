namespace Pipeline.Configuration;

/// <summary>The "model" option of a stage that uses a trained model: a file `pipeline train` wrote, or the shipped one.</summary>
public static class ModelOption
{
    public static T Resolve<T>(StageSettings settings, T? shipped, Func<string, T> load) where T : class
    {
        var path = settings.GetPath("model");
        if (path is null)
            return shipped ?? throw new ConfigException(
                $"stage '{settings.StageName}': no model is shipped; run `pipeline train` or set \"useModel\": false");
        return File.Exists(path) ? load(path) : throw new ConfigException($"stage '{settings.StageName}': model file not found: {path}");
    }
}
