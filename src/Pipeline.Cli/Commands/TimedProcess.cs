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

    public static Result Run((string File, string[] Prefix) program, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in program.Prefix.Concat(arguments)) start.ArgumentList.Add(a);
        var before = Children();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program.File}");
        // Output is read and dropped as it comes, as a user's pipe would take it; the end of stderr is kept for errors.
        var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        using (cancellation.Register(() => Kill(process)))
            process.WaitForExit();
        clock.Stop();
        try
        {
            Task.WaitAll(drain, errors);
        }
        catch (AggregateException) when (cancellation.IsCancellationRequested)
        {
        }
        var after = Children();
        var tail = errors.IsCompletedSuccessfully ? errors.Result : "";
        return new Result(process.ExitCode, clock.Elapsed, after.User - before.User, after.System - before.System, after.MaxRssKb,
            tail.Length > 2000 ? tail[^2000..] : tail);
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
