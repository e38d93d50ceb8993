using System.Security.Cryptography;
using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>`pipeline train` for the recogniser: the same data and seed give the same bytes, and what is written is what is used.</summary>
public class RecogniserTrainingTests
{
    private static RecogniserTrainingOptions Slice(string modelPath)
    {
        if (!Directory.Exists(TestPaths.Data) || !RecogniserCorpora.Names.All(n => File.Exists(RecogniserCorpora.PathOf(n))))
            Assert.Ignore("../shared/data (the training corpora) not present beside the clone");
        return new RecogniserTrainingOptions { DataDirectory = TestPaths.Data, ModelPath = modelPath, MaxDocumentsPerCorpus = 60 };
    }

    [Test]
    public void Training_twice_on_the_same_data_writes_the_same_bytes_and_the_file_decodes_as_trained()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"recogniser-{Guid.NewGuid():N}");
        try
        {
            var first = Slice(Path.Combine(folder, "first.bin"));
            var second = first with { ModelPath = Path.Combine(folder, "second.bin") };
            var report = new RecogniserTrainer().TrainAll(first);
            new RecogniserTrainer().TrainAll(second);
            Assert.That(Hash(first.ModelPath), Is.EqualTo(Hash(second.ModelPath)));

            // A slice is enough to learn something: the tagger alone finds organisations on held-out text.
            Assert.That(report.Languages.Select(l => l.Language), Is.EquivalentTo(new[] { "zh", "en" }));
            foreach (var language in report.Languages)
                Assert.That(language.HeldOut.Max(s => s.Relaxed.F1), Is.GreaterThan(0.3), language.Language);

            // Written and read back, the model gives the same names with the same confidences.
            var model = RecogniserModel.Load(first.ModelPath);
            Assert.That(model.TrainedOn.Select(c => c.Name), Is.EquivalentTo(RecogniserCorpora.Names.Select(n => $"{n}-train.jsonl.gz")));
            var rewritten = Path.Combine(folder, "rewritten.bin");
            model.Save(rewritten);
            Assert.That(Hash(rewritten), Is.EqualTo(Hash(first.ModelPath)));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_shipped_model_records_the_corpora_it_was_trained_on_and_tags_both_languages()
    {
        var model = RecogniserModel.Shipped;
        Assert.That(model, Is.Not.Null, "no recogniser model is built into the library");
        Assert.That(model!.LanguageNames, Is.EquivalentTo(new[] { "en", "zh" }));
        Assert.That(model.TrainedOn.Select(c => c.Name), Is.EquivalentTo(RecogniserCorpora.Names.Select(n => $"{n}-train.jsonl.gz")));
        Assert.That(model.TrainedOn.Select(c => c.Digest), Is.All.Matches<string>(d => d.Length == 64));
        Assert.That(new FileInfo(Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Core", "Recognition", "Model", "recogniser.bin")).Length,
            Is.LessThan(30 * 1024 * 1024));
    }

    [Test]
    public void A_model_file_that_is_not_one_is_refused_with_its_name()
    {
        using var file = new TemporaryFile("not-a-model", "hello");
        var e = Assert.Throws<InvalidDataException>(() => RecogniserModel.Load(file.Path));
        Assert.That(e!.Message, Does.Contain(file.Path));
    }

    [Test]
    public void A_truncated_model_file_is_refused_when_it_is_loaded_not_at_its_first_article()
    {
        var shipped = Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Core", "Recognition", "Model", "recogniser.bin");
        using var file = new TemporaryFile("truncated", File.ReadAllBytes(shipped)[..^100]);
        var e = Assert.Throws<InvalidDataException>(() => RecogniserModel.Load(file.Path));
        Assert.That(e!.Message, Does.Contain(file.Path).And.Contain("truncated"));
    }

    [Test]
    public void The_shipped_model_file_reads_back_to_the_same_bytes()
    {
        var shipped = Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Core", "Recognition", "Model", "recogniser.bin");
        var written = new MemoryStream();
        RecogniserModel.Shipped!.Write(written);
        Assert.That(written.ToArray(), Is.EqualTo(File.ReadAllBytes(shipped)));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
