using Pipeline.Evaluation;

namespace Pipeline.Tests.Shards;

/// <summary>
/// Real news for runs at scale: People's Daily (Chinese) and Reuters (English) articles from ../shared/data,
/// written out as .txt files into a temporary input folder at test time, never committed.
/// </summary>
public static class RealArticles
{
    public static void Write(string folder, int count)
    {
        var sources = new[] { "pd1998-train.jsonl.gz", "conll2003-train.jsonl.gz" }.Select(f => Path.Combine(TestPaths.Data, f)).ToList();
        if (sources.Any(s => !File.Exists(s))) Assert.Ignore(TestPaths.MissingShared);
        Directory.CreateDirectory(folder);
        var half = count / 2;
        foreach (var (source, take) in sources.Zip(new[] { half, count - half }))
            foreach (var doc in AnnotatedCorpus.Read(source, CorpusSplit.All).Take(take))
                File.WriteAllText(Path.Combine(folder, doc.Id), doc.Text);
    }
}
