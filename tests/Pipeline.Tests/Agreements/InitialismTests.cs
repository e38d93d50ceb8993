using Pipeline.Model;

namespace Pipeline.Tests.Agreements;

/// <summary>News writes an instrument by the initials of its type words (EPA, FTA) without defining them.</summary>
public class InitialismTests
{
    private static List<Entity> Agreements(string text) =>
        [.. AgreementTestKit.Run(text, []).Entities.Where(e => e.Type == EntityTypes.Agreement)];

    [TestCase("Japan and Bangladesh signed the Japan-Bangladesh Economic Partnership Agreement on Tuesday, after the " +
              "Japan-India Comprehensive Economic Partnership Agreement of 2011. It is Japan's first EPA with a South Asian country.",
        "EPA", "Japan-Bangladesh Economic Partnership Agreement")]
    [TestCase("The Council adopted the Free Trade Agreement between the European Union and the Kingdom of Thailand. The FTA's rules " +
              "of origin follow the EU model.", "FTA", "Free Trade Agreement between the European Union and the Kingdom of Thailand")]
    public void Initials_of_an_instruments_type_words_are_that_instrument(string text, string initials, string canonical)
    {
        var mention = Agreements(text).Single(e => e.Text == initials);
        Assert.That(mention.Canonical, Is.EqualTo(canonical));
    }

    // Without an instrument of those words in the article, the letters are left to the organisation rules (the EPA).
    [Test]
    public void Initials_without_such_an_instrument_are_no_agreement() =>
        Assert.That(Agreements("The EPA tightened the rules on Tuesday after a trade agreement was signed."), Has.None.Property("Text").EqualTo("EPA"));
}
