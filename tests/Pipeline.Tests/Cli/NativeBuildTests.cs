using System.Diagnostics;
using Pipeline.Model;
using Pipeline.Tests.Running;
using Pipeline.Tests.Shards;

namespace Pipeline.Tests.Cli;

/// <summary>
/// The natively compiled `pipeline` (`dotnet publish src/Pipeline.Cli -c Release -r linux-x64 -p:PublishAot=true`;
/// .ci/run builds one and names it in PIPELINE_NATIVE) against the .NET runtime build beside the tests: the same
/// entities, briefings and errors from the same files. Native compilation drops what nothing references and cannot
/// generate code at run time, so what works by reflection (options bound from pipeline.json, JSON in the record)
/// is what could silently differ.
/// </summary>
[TestFixture]
public class NativeBuildTests
{
    private const string Variable = "PIPELINE_NATIVE";

    private static string Native
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrEmpty(path))
                Assert.Ignore($"needs a natively compiled pipeline named in {Variable} (dotnet publish src/Pipeline.Cli -c Release "
                              + "-r linux-x64 -p:PublishAot=true -o DIR; needs clang): .ci/run builds one");
            Assert.That(File.Exists(path), $"{Variable} names a file that does not exist: {path}");
            return path!;
        }
    }

    private sealed record Result(int Exit, string Out, string Error);

    private static Result RunNative(string workDir, params string[] args) => Start(Native, [], workDir, args);

    private static Result RunDotnet(string workDir, params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "pipeline.dll")], workDir, args);

    private static Result Start(string file, string[] prefix, string workDir, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        foreach (var a in prefix.Concat(args)) start.ArgumentList.Add(a);
        // One fixed clock for both builds, so runs seconds (or a minute boundary) apart write the same bytes.
        start.Environment[SourceDate.Variable] = SplitRun.Epoch;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, $"{file} {string.Join(' ', args)} did not end");
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A project folder with the repository's pipeline.json (every stage, every report) and its sample article.</summary>
    private static Workspace Project()
    {
        var ws = new Workspace();
        File.Copy(Path.Combine(TestPaths.RepoRoot, "pipeline.json"), ws.ConfigPath, overwrite: true);
        var sample = TestPaths.Sample("anticorruption-cooperation.zh.txt");
        File.Copy(sample, Path.Combine(ws.Input, Path.GetFileName(sample)));
        File.Copy(sample, Path.Combine(ws.Input, "as-markdown.zh.md"));
        if (TestPaths.HasShared)
            foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Shared, "corpus")))
                File.Copy(f, Path.Combine(ws.Input, Path.GetFileName(f)), overwrite: true);
        return ws;
    }

    [Test]
    public void Run_writes_the_same_entities_and_briefings_as_the_runtime_build()
    {
        using var native = Project();
        using var runtime = Project();

        var a = RunNative(native.Root, "run");
        var b = RunDotnet(runtime.Root, "run");

        Assert.That(a.Exit, Is.EqualTo(0), a.Error);
        Assert.That(b.Exit, Is.EqualTo(0), b.Error);
        var articles = Directory.GetFiles(native.Input).Where(f => !f.EndsWith(".meta.json")).Select(Path.GetFileName).ToList();
        Assert.That(articles, Has.Count.GreaterThanOrEqualTo(2));
        foreach (var file in articles)
        {
            foreach (var name in new[] { "entities.json", "briefing.html", "briefing.docx", "briefing.pdf" })
                Assert.That(File.ReadAllBytes(native.ArticleOutput(file!, name)), Is.EqualTo(File.ReadAllBytes(runtime.ArticleOutput(file!, name))),
                    $"{file}/{name}");
        }
        Assert.That(File.ReadAllBytes(Path.Combine(native.Output, "index.html")), Is.EqualTo(File.ReadAllBytes(Path.Combine(runtime.Output, "index.html"))));

        // The record was written through the generated JSON code: a second run finds every article unchanged.
        var again = RunNative(native.Root, "run");
        Assert.That(again.Exit, Is.EqualTo(0), again.Error);
        var counts = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(native.Output, "run-summary.json")))!["counts"]!;
        Assert.That(counts["skipped_unchanged"]!.GetValue<int>(), Is.EqualTo(articles.Count));
    }

    [Test]
    public void Extract_reads_docx_pdf_html_and_markdown_as_the_runtime_build_does()
    {
        using var ws = Project();
        var first = RunNative(ws.Root, "run");
        Assert.That(first.Exit, Is.EqualTo(0), first.Error);
        // The briefings just written are real documents of every format the ingest stage reads.
        var sample = Path.Combine(ws.Output, "anticorruption-cooperation.zh.txt");
        var files = new[] { "briefing.docx", "briefing.pdf", "briefing.html" }.Select(n => Path.Combine(sample, n))
            .Append(Path.Combine(ws.Input, "as-markdown.zh.md")).ToArray();

        var a = RunNative(ws.Root, ["extract", "--jobs", "1", .. files]);
        var b = RunDotnet(ws.Root, ["extract", "--jobs", "1", .. files]);

        Assert.That(a.Exit, Is.EqualTo(b.Exit), a.Error);
        Assert.That(a.Out, Is.EqualTo(b.Out));
        Assert.That(a.Out.Split('\n'), Has.Length.GreaterThan(20));
    }

    [Test]
    public void Configuration_mistakes_are_named_as_the_runtime_build_names_them()
    {
        using var ws = new Workspace("""[{ "name": "ingest", "maxFileBytes": -1, "symlinks": "sometimes" }, "segment", { "name": "dates", "bogus": 1 }]""");

        var a = RunNative(ws.Root, "extract", ws.Input);
        var b = RunDotnet(ws.Root, "extract", ws.Input);

        Assert.That(a.Exit, Is.EqualTo(2), a.Error);
        Assert.That(a.Error, Is.EqualTo(b.Error));
        // Options are bound by reflection: their names, allowed values and order must survive native compilation.
        Assert.That(a.Error, Does.Contain("unknown option 'bogus' (allowed: numericOrder)"));
        Assert.That(a.Error, Does.Contain("option 'symlinks' has unknown value 'sometimes' (allowed: inside-folder, anywhere, never)"));
    }

    [Test]
    public void Train_is_refused_with_the_command_that_can_do_it()
    {
        using var ws = new Workspace();
        var a = RunNative(ws.Root, "train", "--only", "classifier");
        Assert.That(a.Exit, Is.EqualTo(2), a.Error);
        Assert.That(a.Error, Does.Contain("dotnet run -c Release --project src/Pipeline.Cli -- train"));
    }
}
