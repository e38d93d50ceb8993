using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Pipeline.Ingest;
using Pipeline.Running;
using Pipeline.Segmentation;
using Pipeline.Stages;

namespace Pipeline.Tests.Running;

[NonParallelizable]
public class WatchTests
{
    [Test]
    public void Files_dropped_into_the_folder_are_each_processed_exactly_once()
    {
        using var ws = new Workspace();
        ws.Add("present.txt", "Already there when watching starts.\n");
        var config = ws.LoadConfig();
        using var runner = new BatchRunner(config, new ArticlePipeline([new IngestStage(), new SegmentStage()]), TestWriters.Both,
            new RunOptions { RetryFailed = false });
        var watch = new FolderWatch(runner, config.InputDirectory, TimeSpan.FromMilliseconds(700));
        var results = new ConcurrentQueue<ArticleResult>();
        watch.BatchCompleted += s =>
        {
            foreach (var a in s.Articles) results.Enqueue(a);
        };
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() => watch.Run(new LogProgress(TextWriter.Null), stop.Token));

        int Processed(string file) => results.Count(r => r.File == file && r.Status == RunStatus.Ok);
        void WaitFor(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(50);
            Assert.That(condition(), what);
        }

        WaitFor(() => Processed("present.txt") == 1, "the file present at the start is processed");
        ws.Add("dropped.md", "---\ntitle: Dropped\n---\nDropped in at once.\n");

        // A slow copy: five pieces over about two seconds. Every piece alone is valid text,
        // so reading it before the copy ends would process a version that is never complete.
        var slow = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 50).Select(i => $"第{i}段：双方同意加强合作。\n")));
        var path = Path.Combine(ws.Input, "slow.txt");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
            for (var piece = 0; piece < 5; piece++)
            {
                file.Write(slow.AsSpan(piece * slow.Length / 5, (piece + 1) * slow.Length / 5 - piece * slow.Length / 5));
                file.Flush();
                Thread.Sleep(450);
            }

        WaitFor(() => Processed("slow.txt") == 1 && Processed("dropped.md") == 1, "the dropped files are processed");
        Assert.That(File.ReadAllText(ws.ArticleOutput("slow.txt")), Does.Contain("\"characters\": " + Encoding.UTF8.GetString(slow).Length));

        // The same content written again (a new time stamp) is the same version: not processed twice.
        File.WriteAllBytes(path, slow);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        WaitFor(() => results.Count(r => r.File == "slow.txt") == 2, "the touched file is looked at again");

        stop.Cancel();
        Assert.That(watching.Wait(TimeSpan.FromSeconds(30)), "watch stops on cancellation");
        Assert.That(results.Where(r => r.Status == RunStatus.Ok).Select(r => r.File),
            Is.EquivalentTo(new[] { "present.txt", "dropped.md", "slow.txt" }), "each file processed exactly once");
        Assert.That(results.Last(r => r.File == "slow.txt").Status, Is.EqualTo(RunStatus.Skipped));
        Assert.That(File.ReadAllText(Path.Combine(ws.Output, "overview.docx")).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Has.Length.EqualTo(3), "the overview lists every article");
        Assert.That(Directory.EnumerateFiles(ws.Output, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void A_file_deleted_alone_leaves_the_output_and_the_overview_at_once()
    {
        using var ws = new Workspace();
        ws.Add("kept.txt", "Kept for the whole test.\n");
        ws.Add("gone.txt", "Deleted while watched.\n");
        ws.Add("gone-before.txt", "Deleted while nothing watched.\n");
        var config = ws.LoadConfig();
        using var runner = new BatchRunner(config, new ArticlePipeline([new IngestStage(), new SegmentStage()]), TestWriters.Both,
            new RunOptions { RetryFailed = false });
        runner.Run(new LogProgress(TextWriter.Null));
        File.Delete(Path.Combine(ws.Input, "gone-before.txt"));
        Assert.That(Path.GetDirectoryName(ws.ArticleOutput("gone-before.txt")), Does.Exist, "precondition: recorded before the watch");

        var summaries = new ConcurrentQueue<RunSummary>();
        var watch = new FolderWatch(runner, config.InputDirectory, TimeSpan.FromMilliseconds(300));
        watch.BatchCompleted += summaries.Enqueue;
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() => watch.Run(new LogProgress(TextWriter.Null), stop.Token));
        void WaitFor(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(50);
            Assert.That(condition(), what);
        }
        string[] Listed() => File.ReadAllText(Path.Combine(ws.Output, "overview.docx")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        WaitFor(() => summaries.Any(s => s.Deleted.Contains("gone-before.txt")), "an input deleted before watching is forgotten in the first batch");
        WaitFor(() => summaries.Any(s => s.Articles.Any(a => a.File == "gone.txt")), "the files present are looked at");
        File.Delete(Path.Combine(ws.Input, "gone.txt"));
        WaitFor(() => summaries.Any(s => s.Deleted.Contains("gone.txt")), "the lone deletion makes a batch of its own");

        stop.Cancel();
        Assert.That(watching.Wait(TimeSpan.FromSeconds(30)), "watch stops on cancellation");
        Assert.That(Path.GetDirectoryName(ws.ArticleOutput("gone.txt")), Does.Not.Exist);
        Assert.That(Path.GetDirectoryName(ws.ArticleOutput("gone-before.txt")), Does.Not.Exist);
        Assert.That(Listed(), Has.Length.EqualTo(1), "the overview lists the one article left");
    }
}
