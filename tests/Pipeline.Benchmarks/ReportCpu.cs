using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// Process CPU time per article for DOCX and PDF: <c>-- reports-cpu [rounds] [warmup rounds]</c>.
/// On a shared machine wall-clock means swing with the load; the CPU time the process spends (all its threads:
/// the JIT's and the GC's too) much less, and "articles/s per core" is 1 / CPU time per article.
/// Two figures: a fresh process's first rounds (what a short batch pays, JIT compilation included) and the steady
/// state once tiered compilation has settled (what BenchmarkDotNet measures).
/// </summary>
public static class ReportCpu
{
    private const int ColdRounds = 2;

    public static void Run(int rounds, int warmup)
    {
        var bench = new ReportBenchmarks();
        bench.Setup(); // one briefing of each kind: fonts, subsetting plans and static parts are loaded
        var sizes = (Docx: bench.Docx(), Pdf: bench.Pdf());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"average size: DOCX {sizes.Docx / 1024.0 / ReportBenchmarks.Articles:F1} KB, PDF {sizes.Pdf / 1024.0 / ReportBenchmarks.Articles:F1} KB"));

        Report($"first {ColdRounds * ReportBenchmarks.Articles} articles of a fresh process, DOCX + PDF", Measure(bench.DocxAndPdf, ColdRounds));
        for (var i = 0; i < warmup; i++) bench.DocxAndPdf();
        var docx = Measure(bench.Docx, rounds);
        var pdf = Measure(bench.Pdf, rounds);
        Report($"steady state after {warmup} rounds, DOCX", docx);
        Report("steady state, PDF", pdf);
        var both = docx.CpuMs + pdf.CpuMs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steady state DOCX + PDF: {both:F1} ms CPU per article = {1000 / both:F0} articles/s per core"));
    }

    private sealed record Figures(double CpuMs, double JitMs, double AllocatedKb, int Gen0, int Gen1, int Gen2);

    private static void Report(string what, Figures f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {f.CpuMs:F1} ms CPU per article (of which the JIT's tiering thread at least {f.JitMs:F1} ms), {1000 / f.CpuMs:F0} articles/s per core; " +
        $"{f.AllocatedKb:F0} KB allocated per article, GCs gen0/1/2 {f.Gen0}/{f.Gen1}/{f.Gen2}"));

    private static Figures Measure(Func<long> write, int rounds)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var (cpu, jit) = (process.TotalProcessorTime, TieringThreadsMs());
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes();
        for (var i = 0; i < rounds; i++) write();
        process.Refresh();
        double n = rounds * ReportBenchmarks.Articles;
        return new Figures((process.TotalProcessorTime - cpu).TotalMilliseconds / n, TieringMsSince(jit) / n,
            (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / n,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    /// <summary>
    /// CPU time of the runtime's background JIT threads by thread id (Linux /proc; empty elsewhere). The runtime ends
    /// that thread when idle and starts a new one, so a window sums each id's growth.
    /// </summary>
    private static Dictionary<string, double> TieringThreadsMs()
    {
        var threads = new Dictionary<string, double>();
        if (!Directory.Exists("/proc/self/task")) return threads;
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // utime and stime (fields 14 and 15 of stat) in clock ticks of 10 ms.
                threads[Path.GetFileName(task)] =
                    (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
            }
            catch (IOException) { } // the thread ended meanwhile
        }
        return threads;
    }

    /// <summary>JIT thread time spent since <paramref name="before"/> (a thread that ended meanwhile is not counted).</summary>
    private static double TieringMsSince(Dictionary<string, double> before) =>
        TieringThreadsMs().Sum(t => t.Value - before.GetValueOrDefault(t.Key));
}
