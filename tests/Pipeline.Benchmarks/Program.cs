using System.Globalization;
using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;

// dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Pipeline.Benchmarks -- reports-cpu [rounds] [warmup rounds]
if (args is ["reports-cpu", ..])
    ReportCpu.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 80);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
