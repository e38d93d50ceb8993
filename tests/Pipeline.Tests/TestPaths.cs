namespace Pipeline.Tests;

/// <summary>Where the repository and the shared spec/data (../shared beside the clone) are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the clone: spec, corpus, gold, data. Read-only.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Corpus => Path.Combine(Shared, "corpus");
    public static string Gold => Path.Combine(Shared, "gold");
    public static string Data => Path.Combine(Shared, "data");
    public static string Spec => Path.Combine(Shared, "spec");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
