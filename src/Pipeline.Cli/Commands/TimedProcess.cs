using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Runs a child process to its end and measures it as `/usr/bin/time` does: wall clock, and the user and system
/// CPU time and peak resident memory the kernel accounts to waited-for children (getrusage), so the figures hold
/// whatever the child does with threads.
/// </summary>
public static class TimedProcess
{
    public sealed record Result(int ExitCode, TimeSpan Wall, TimeSpan User, TimeSpan System, long PeakRssKb, string ErrorTail);

    public static Result Run((string File, string[] Prefix) program, IEnumerable<string> arguments, CancellationToken cancellation) =>
        RunTogether(program, [arguments], cancellation);

    /// <summary>
    /// Starts one process per argument list at once and waits for all: wall clock until the last ends, CPU time of
    /// them all, the largest peak memory of any, and the first exit code that is not 0 (else 0).
    /// </summary>
    public static Result RunTogether((string File, string[] Prefix) program, IReadOnlyList<IEnumerable<string>> arguments,
        CancellationToken cancellation)
    {
        var before = Children();
        var clock = Stopwatch.StartNew();
        var running = arguments.Select(a => Started(program, a, cancellation)).ToList();
        try
        {
            using (cancellation.Register(() => running.ForEach(r => Kill(r.Process))))
                foreach (var r in running) r.Process.WaitForExit();
            clock.Stop();
            try
            {
                Task.WaitAll([.. running.SelectMany(r => new Task[] { r.Drain, r.Errors })]);
            }
            catch (AggregateException) when (cancellation.IsCancellationRequested)
            {
            }
            var after = Children();
            var failed = running.FirstOrDefault(r => r.Process.ExitCode != 0) ?? running[0];
            var tail = failed.Errors.IsCompletedSuccessfully ? failed.Errors.Result : "";
            return new Result(failed.Process.ExitCode, clock.Elapsed, after.User - before.User, after.System - before.System,
                after.MaxRssKb, tail.Length > 2000 ? tail[^2000..] : tail);
        }
        finally
        {
            foreach (var r in running) r.Process.Dispose();
        }
    }

    private sealed record Running(Process Process, Task Drain, Task<string> Errors);

    private static Running Started((string File, string[] Prefix) program, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in program.Prefix.Concat(arguments)) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program.File}");
        // Output is read and dropped as it comes, as a user's pipe would take it; the end of stderr is kept for errors.
        return new Running(process, process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, cancellation),
            process.StandardError.ReadToEndAsync(cancellation));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already ended
        }
    }

    private static (TimeSpan User, TimeSpan System, long MaxRssKb) Children()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return default;
        if (getrusage(RusageChildren, out var usage) != 0) return default;
        return (FromTimeval(usage.UserSeconds, usage.UserMicroseconds), FromTimeval(usage.SystemSeconds, usage.SystemMicroseconds),
            OperatingSystem.IsMacOS() ? usage.MaxRss / 1024 : usage.MaxRss);
    }

    private static TimeSpan FromTimeval(long seconds, long microseconds) =>
        TimeSpan.FromSeconds(seconds) + TimeSpan.FromMicroseconds(microseconds);

    private const int RusageChildren = -1;

    // struct rusage of 64-bit Linux and macOS: two timevals, then 14 longs (ru_maxrss first; KB on Linux, bytes on macOS).
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds, MaxRss;
        public long Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
