using System.Diagnostics;

namespace Pipeline.Benchmarks;

/// <summary>
/// The report writers from several threads at once for many rounds, as a long batch with --jobs runs them:
/// for native memory errors (fonts, subsetting, Skia) that only a long concurrent run meets. Run it with
/// MALLOC_CHECK_=3 so that glibc aborts at the first heap inconsistency instead of thousands of articles later.
/// </summary>
public static class ReportStress
{
    public static void Run(int threads, int rounds, string formats = "mixed")
    {
        var bench = new ReportBenchmarks();
        bench.Setup();
        var clock = Stopwatch.StartNew();
        long written = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var r = 0; r < rounds; r++)
            {
                var bytes = formats switch
                {
                    "pdf" => bench.Pdf(),
                    "docx" => bench.Docx(),
                    "html" => bench.Html(),
                    "html+pdf" => r % 2 == 0 ? bench.Html() : bench.Pdf(),
                    "docx+pdf" => r % 2 == 0 ? bench.Docx() : bench.Pdf(),
                    "docx+html" => r % 2 == 0 ? bench.Docx() : bench.Html(),
                    _ => ((r + t) % 3) switch { 0 => bench.Pdf(), 1 => bench.DocxAndPdf(), _ => bench.Html() + bench.Pdf() },
                };
                Interlocked.Add(ref written, bytes);
                if (t == 0 && r % 50 == 0) Console.WriteLine($"round {r}: {clock.Elapsed.TotalSeconds:F0} s");
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Console.WriteLine($"{threads} threads × {rounds} rounds × {ReportBenchmarks.Articles} articles: " +
                          $"{Interlocked.Read(ref written) / 1e6:F1} MB written in {clock.Elapsed.TotalSeconds:F0} s, no native error");
    }
}
