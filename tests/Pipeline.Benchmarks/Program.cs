using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
