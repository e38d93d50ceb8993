using System.IO.Compression;
using System.Security.Cryptography;
using Pipeline.Classification;

namespace Pipeline.Tests.Classification;

/// <summary>`pipeline train` for the candidate classifier: the same data give the same bytes, so a retrain leaves git clean.</summary>
public class ClassifierTrainingTests
{
    [Test]
    public void Training_twice_on_the_same_slice_writes_the_same_bytes()
    {
        var pd1998 = Path.Combine(TestPaths.Data, "pd1998-train.jsonl.gz");
        if (!File.Exists(pd1998)) Assert.Ignore($"{pd1998} not present (../shared/data beside the clone)");
        var folder = Directory.CreateTempSubdirectory("classifier-").FullName;
        try
        {
            // A slice of the corpus keeps the test short; the trainer reads it like the whole file.
            var slice = Path.Combine(folder, "slice.jsonl.gz");
            using (var input = new StreamReader(new GZipStream(File.OpenRead(pd1998), CompressionMode.Decompress)))
            using (var output = new StreamWriter(new GZipStream(File.Create(slice), CompressionLevel.Fastest)))
                for (var n = 0; n < 150 && input.ReadLine() is { } line; n++) output.WriteLine(line);
            var first = TrainingOptions.ForRepository(TestPaths.RepoRoot) with
            {
                Pd1998Path = slice, ModelPath = Path.Combine(folder, "first.bin"), MaxIterations = 5,
            };
            var second = first with { ModelPath = Path.Combine(folder, "second.bin") };
            new ClassifierTrainer().Train(first);
            new ClassifierTrainer().Train(second);
            Assert.That(Hash(second.ModelPath), Is.EqualTo(Hash(first.ModelPath)));
            Assert.That(CandidateClassifier.Load(first.ModelPath), Is.Not.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
