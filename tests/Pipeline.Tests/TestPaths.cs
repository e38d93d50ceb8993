namespace Pipeline.Tests;

/// <summary>
/// Where the repository and the evaluation kit are. The kit (../shared beside the clone: the annotation
/// spec and its scorer, the development corpus and gold, the training corpora) is not part of the
/// repository: a test that needs it is skipped, with <see cref="MissingShared"/> as its one reason, when
/// the repository was cloned alone.
/// </summary>
public static class TestPaths
{
    public const string MissingShared =
        "needs the evaluation kit in ../shared beside the repository folder (spec/score.py, corpus/, gold/, data/); " +
        "put a copy of it there to run this test";

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The sample article the repository ships in input/ (its own copy: no kit needed).</summary>
    public static string Sample(string fileName) => Path.Combine(RepoRoot, "input", fileName);

    /// <summary>../shared beside the clone: spec, corpus, gold, data. Read-only.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static bool HasShared => Directory.Exists(Path.Combine(Shared, "gold")) && Directory.Exists(Path.Combine(Shared, "data"));

    public static string Corpus => Required("corpus");
    public static string Gold => Required("gold");
    public static string Data => Required("data");
    public static string Spec => Required("spec");

    /// <summary>Inside a test: the kit's folder, or the test is skipped with the one reason.</summary>
    private static string Required(string folder)
    {
        var path = Path.Combine(Shared, folder);
        if (!Directory.Exists(path)) Assert.Ignore(MissingShared);
        return path;
    }

    /// <summary>
    /// For a TestCaseSource that reads the kit: its cases, or one case marked ignored with the reason (an
    /// empty source would be reported as an error, not a skip).
    /// </summary>
    public static IEnumerable<TestCaseData> CasesFromShared(Func<IEnumerable<TestCaseData>> cases) =>
        HasShared ? cases() : [new TestCaseData().Ignore(MissingShared).SetName("{m}(needs ../shared)")];

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
