using System.Diagnostics;
using JiebaNet.Segmenter.PosSeg;

// Usage: dotnet run -c Release --project tests/bench/jieba-pos -- FOLDER
// Tags every file of FOLDER (as UTF-8 text) with jieba.NET's part-of-speech segmenter, one thread, and prints the
// in-process throughput; time the whole process with /usr/bin/time to compare with `pipeline bench`.
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: jieba-pos FOLDER");
    return 2;
}
JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
var clock = Stopwatch.StartNew();
var tagger = new PosSegmenter();
var loaded = clock.Elapsed;
var files = Directory.GetFiles(args[0]).Order(StringComparer.Ordinal).ToList();
long bytes = 0, tokens = 0;
foreach (var file in files)
{
    bytes += new FileInfo(file).Length;
    tokens += tagger.Cut(File.ReadAllText(file)).Count();
}
var tagging = clock.Elapsed - loaded;
Console.WriteLine($"{files.Count:N0} files, {bytes / 1e6:F2} MB, {tokens:N0} tagged words; dictionaries {loaded.TotalSeconds:F2} s, " +
                  $"tagging {tagging.TotalSeconds:F2} s = {bytes / 1e6 / tagging.TotalSeconds:F2} MB/s");
return 0;
