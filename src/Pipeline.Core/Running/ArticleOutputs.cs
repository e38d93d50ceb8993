using Pipeline.Configuration;
using Pipeline.Reports;

namespace Pipeline.Running;

/// <summary>The files of output/&lt;file&gt;/: entities.json and one briefing per report format.</summary>
public static class ArticleOutputs
{
    public static IEnumerable<string> Names(IEnumerable<IReportWriter> writers) =>
        writers.Select(w => $"{BatchRunner.BriefingName}.{w.Format}").Prepend(BatchRunner.EntitiesFile);

    /// <summary>Every name an article output can have, whatever the formats configured now.</summary>
    public static IEnumerable<string> AllNames =>
        ReportOptions.AllFormats.Select(f => $"{BatchRunner.BriefingName}.{f}").Prepend(BatchRunner.EntitiesFile);

    /// <summary>
    /// Deletes an article's outputs (ours only: anything else someone put in the folder stays) and, when
    /// asked and it is then empty, the folder.
    /// </summary>
    public static void Remove(string outputDirectory, string file, bool removeFolder = true)
    {
        var dir = Path.Combine(outputDirectory, file);
        if (!Directory.Exists(dir)) return;
        foreach (var name in AllNames) AtomicFile.TryDelete(Path.Combine(dir, name));
        if (!removeFolder) return;
        try
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        catch (IOException)
        {
        }
    }
}
