namespace Pipeline.Benchmarks;

/// <summary>Benchmark input: the dev corpus from ../shared beside the clone, repeated to a fixed size.</summary>
public static class BenchText
{
    public static string SharedDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) dir = dir.Parent;
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared"));
        }
    }

    /// <summary>All Chinese dev articles concatenated and repeated to about <paramref name="chars"/> characters.</summary>
    public static string Chinese(int chars = 1_000_000)
    {
        var corpus = Path.Combine(SharedDirectory, "corpus");
        var text = string.Join("\n", Directory.GetFiles(corpus, "*.zh.txt").Order().Select(File.ReadAllText));
        var sb = new System.Text.StringBuilder(chars + text.Length);
        while (sb.Length < chars) sb.Append(text).Append('\n');
        return sb.ToString();
    }
}
