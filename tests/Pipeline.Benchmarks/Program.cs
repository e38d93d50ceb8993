using System.Globalization;
using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;

// dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Pipeline.Benchmarks -- reports-cpu [rounds] [warmup rounds]
// MALLOC_CHECK_=3 dotnet run -c Release --project tests/Pipeline.Benchmarks -- reports-stress [threads] [rounds] [pdf|docx|html|mixed]
if (args is ["reports-stress", ..])
    ReportStress.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300, args.Length > 3 ? args[3] : "mixed");
else if (args is ["reports-cpu", ..])
    ReportCpu.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 80);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
