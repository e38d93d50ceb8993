using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Running;
using Pipeline.Tests.Running;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// The `pipeline` executable built beside the tests, started as a user starts it: for what only a real
/// process shows (a stack overflow or a hang would take a test host down with it; signals; exit codes).
/// </summary>
public static class RealPipeline
{
    /// <summary>Every stage, in order: hostile input must meet the whole pipeline, not ingest alone.</summary>
    public const string AllStages =
        """["ingest", "segment", "dates", "organisations", "agreements", "classify", "agreement-records", "timeline"]""";

    /// <summary>
    /// Starts `pipeline ARGS` in the workspace with its own temporary folder <paramref name="temp"/> (to
    /// see what it leaves there) and a time zone east of UTC (where a DOCX created at
    /// 9999-12-31T23:59:59Z once overflowed the conversion to local time).
    /// </summary>
    public static Process Start(Workspace ws, string temp, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        Assert.That(File.Exists(dll), $"the CLI is built next to the tests: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ws.Root };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["TMPDIR"] = temp;
        start.Environment["TZ"] = "Asia/Shanghai";
        return Process.Start(start)!;
    }

    /// <summary>A temporary folder of the workspace's own, for <see cref="Start"/>.</summary>
    public static string Temp(Workspace ws) => Directory.CreateDirectory(Path.Combine(ws.Root, "tmp")).FullName;

    public static JsonNode Summary(Workspace ws) => JsonNode.Parse(File.ReadAllText(Path.Combine(ws.Output, RunSummary.FileName)))!;

    /// <summary>run-summary.json's articles by file name.</summary>
    public static Dictionary<string, JsonNode> Articles(Workspace ws) =>
        Summary(ws)["articles"]!.AsArray().ToDictionary(a => a!["file"]!.GetValue<string>(), a => a!);

    public static string? Field(JsonNode article, string name) => article[name]?.GetValue<string>();
}
