using Pipeline.Model;
using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>An English organisation found once with confidence is found again where its words are written alone.</summary>
public class RepeatedNamesTests
{
    private static Entity Org(string text, string name, string source = RuleIds.RecogniserModel, double confidence = 0.9, int from = 0)
    {
        var start = text.IndexOf(name, from, StringComparison.Ordinal);
        return new Entity(EntityTypes.Org, start, start + name.Length, name, source, confidence) { Canonical = name };
    }

    private static List<string> Repeats(string text, IEnumerable<Entity> kept, params (int, int)[] taggedOther) =>
        [.. RepeatedNames.Find(text, kept, taggedOther).Select(e => $"{e.Start}:{e.Text}:{e.Source}")];

    [Test]
    public void A_name_written_again_alone_is_the_same_organisation_with_the_first_ones_canonical()
    {
        const string text = "Hibernian beat Motherwell 2-0. Hibernian 12 8 3 1 25 9 27";
        var first = Org(text, "Hibernian") with { Canonical = "Hibernian FC" };
        var found = RepeatedNames.Find(text, [first], []);
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0], Has.Property(nameof(Entity.Start)).EqualTo(31)
            .And.Property(nameof(Entity.Text)).EqualTo("Hibernian")
            .And.Property(nameof(Entity.Source)).EqualTo(RuleIds.OrgRepeat)
            .And.Property(nameof(Entity.Canonical)).EqualTo("Hibernian FC"));
    }

    [Test]
    public void Never_inside_a_word_nor_where_another_entity_or_a_sure_tagged_name_lies()
    {
        const string text = "Acme Corp said Acmeville would grow. Acme Corp Tower opened. Mr Acme Corp spoke.";
        var first = Org(text, "Acme Corp");
        var tower = new Entity("LOC", text.IndexOf("Acme Corp Tower", StringComparison.Ordinal),
            text.IndexOf("Acme Corp Tower", StringComparison.Ordinal) + 15, "Acme Corp Tower", "test", 0.9);
        var person = text.IndexOf("Mr Acme", StringComparison.Ordinal);
        Assert.That(Repeats(text, [first, tower], (person, person + 12)), Is.Empty);
    }

    [Test]
    public void Only_from_a_confident_finding_and_never_from_the_gazetteer_which_finds_every_occurrence_itself()
    {
        const string text = "Northgate Minerals fell. Northgate Minerals rose. Boeing fell. Boeing rose.";
        Assert.That(Repeats(text, [Org(text, "Northgate Minerals", confidence: 0.6)]), Is.Empty);
        Assert.That(Repeats(text, [Org(text, "Boeing", RuleIds.OrgGazetteer, 0.95)]), Is.Empty);
        Assert.That(Repeats(text, [Org(text, "Northgate Minerals", RuleIds.ClassifierModel, 0.8)]),
            Is.EqualTo(new[] { "25:Northgate Minerals:org:repeat" }));
    }

    [Test]
    public void The_longest_name_that_begins_alike_is_taken()
    {
        const string text = "Battle Mountain Gold said on Monday. Battle Mountain Gold shares rose. Battle Mountain said so. Battle Mountain rose.";
        var kept = new[] { Org(text, "Battle Mountain Gold"), Org(text, "Battle Mountain", from: text.IndexOf("Battle Mountain said", StringComparison.Ordinal)) };
        Assert.That(Repeats(text, kept), Is.EqualTo(new[]
        {
            $"{text.IndexOf("Battle Mountain Gold shares", StringComparison.Ordinal)}:Battle Mountain Gold:org:repeat",
            $"{text.IndexOf("Battle Mountain rose", StringComparison.Ordinal)}:Battle Mountain:org:repeat",
        }));
    }
}
