using Pipeline.Organisations;

namespace Pipeline.Tests.Organisations;

/// <summary>The shipped gazetteer as data: one entry per body, so no alias is silently shadowed.</summary>
public class GazetteerFileTests
{
    private static readonly string FilePath =
        Path.Combine(TestPaths.RepoRoot, "src", "Pipeline.Core", "Organisations", "Data", "gazetteer.tsv");

    [Test]
    public void Every_body_has_one_entry()
    {
        var entries = Gazetteer.Parse(File.ReadAllLines(FilePath), FilePath).ToList();
        Assert.That(entries, Has.Count.GreaterThan(500));
        var chinese = entries.Where(e => e.Chinese is not null).GroupBy(e => e.Chinese).Where(g => g.Count() > 1).Select(g => g.Key);
        var english = entries.Where(e => e.English is not null).GroupBy(e => e.English).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(chinese, Is.Empty, "Chinese names listed twice");
        Assert.That(english, Is.Empty, "English names listed twice");
    }
}
