using System.Diagnostics;

namespace Pipeline.Tests.Reports;

/// <summary>
/// Debian's headless Chromium, started for real on a page from file://. Tests that need it skip with one clear
/// message where it is missing (.ci/run installs it with apt-get).
/// </summary>
public static class Chromium
{
    public static string? Executable { get; } = new[] { "chromium", "chromium-browser", "google-chrome" }
        .Select(Find).FirstOrDefault(p => p is not null);

    public static void RequireInstalled()
    {
        if (Executable is null) Assert.Ignore("chromium is not installed (apt-get install -y chromium): the HTML view was not opened in a browser");
    }

    public sealed record Result(string Dom, string Log, int ExitCode);

    /// <summary>Loads <paramref name="page"/> and returns the DOM after scripts ran (within <paramref name="budgetMs"/> of virtual time).</summary>
    public static Result DumpDom(string page, int budgetMs = 5000) => Run(page, ["--dump-dom", $"--virtual-time-budget={budgetMs}"]);

    public static Result Screenshot(string page, string png, int width = 1100, int height = 1400) =>
        Run(page, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars"]);

    private static Result Run(string page, string[] extra)
    {
        RequireInstalled();
        var profile = Directory.CreateTempSubdirectory("pipeline-chromium-");
        try
        {
            var psi = new ProcessStartInfo(Executable!)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile.FullName}", "--enable-logging=stderr", "--v=0",
                     }.Concat(extra))
                psi.ArgumentList.Add(a);
            psi.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 2 minutes");
            }
            return new Result(stdout.Result, stderr.Result, process.ExitCode);
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Lines where the page's console reported an error or a blocked load.</summary>
    public static IEnumerable<string> ConsoleErrors(string log) =>
        log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("ERROR", StringComparison.Ordinal)
            || l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains("Refused", StringComparison.Ordinal)));

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
