using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pipeline.Recognition;

namespace Pipeline.Benchmarks;

/// <summary>
/// The recogniser's Chinese tagger alone (cut into characters, hashed features, scoring, Viterbi) over about
/// 1 M characters of Chinese news in articles of about 4,000 characters. Its budget inside the ≥ 5 MB/s
/// extraction is about 200–300 ns a character.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RecogniserBenchmarks
{
    private List<string> _articles = [];
    private Tagger _chinese = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = BenchText.Chinese();
        for (var start = 0; start < text.Length; start += 4000) _articles.Add(text.Substring(start, Math.Min(4000, text.Length - start)));
        var model = RecogniserModel.Shipped ?? throw new InvalidOperationException("no recogniser model is built into the library");
        _chinese = Tagger.For("zh", model.Tagger("zh")!);
        Console.WriteLine($"// text: {text.Length:N0} chars, {System.Text.Encoding.UTF8.GetByteCount(text):N0} UTF-8 bytes; ns/char = mean ns / {text.Length}");
    }

    [Benchmark]
    public int ChineseTagger()
    {
        var names = 0;
        foreach (var article in _articles) names += _chinese.Find(article).Count;
        return names;
    }
}
