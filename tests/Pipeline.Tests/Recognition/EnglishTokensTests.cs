using Pipeline.Recognition;

namespace Pipeline.Tests.Recognition;

/// <summary>The English tagger sees the same tokens in CoNLL's tokenised text and in prose.</summary>
public class EnglishTokensTests
{
    private static string[] Tokens(string text)
    {
        var units = new TextUnits();
        EnglishTokens.Cut(text, units);
        return [.. Enumerable.Range(0, units.Count).Select(u => units.UnitText(u).ToString())];
    }

    [TestCase("U.N. officials said .", "U.N. officials said.")]
    [TestCase("Germany 's representative to the European Union 's veterinary committee", "Germany's representative to the European Union's veterinary committee")]
    [TestCase("KinderCare Learning Centers Inc said on Thursday it does n't expect ( as before ) a loss .", "KinderCare Learning Centers Inc said on Thursday it doesn't expect (as before) a loss.")]
    [TestCase("Shares rose 1,250.5 points , or 3.5 percent , on 1996-08-22 .", "Shares rose 1,250.5 points, or 3.5 percent, on 1996-08-22.")]
    [TestCase("\" We are not happy , \" said Mr. Smith of Smith & Wesson Corp. .", "\"We are not happy,\" said Mr. Smith of Smith & Wesson Corp..")]
    public void Tokenised_and_prose_give_the_same_tokens(string tokenised, string prose) =>
        Assert.That(Tokens(prose), Is.EqualTo(Tokens(tokenised)));

    [Test]
    public void CoNLL_tokens_are_kept_as_the_corpus_writes_them() =>
        Assert.That(Tokens("U.S. Treasury 's mid-week O'Neill 10:30 don't"),
            Is.EqualTo(new[] { "U.S.", "Treasury", "'s", "mid-week", "O'Neill", "10:30", "do", "n't" }));

    [Test]
    public void A_sentence_ends_at_its_full_stop_and_a_closing_quote_stays_with_it()
    {
        var units = new TextUnits();
        EnglishTokens.Cut("He left. \"Fine.\" She stayed.\nNext line", units);
        var stretches = Enumerable.Range(0, units.StretchStarts.Count)
            .Select(s => string.Join(" ", Enumerable.Range(units.StretchStarts[s], units.StretchEnd(s) - units.StretchStarts[s])
                .Select(u => units.UnitText(u).ToString())))
            .ToArray();
        Assert.That(stretches, Is.EqualTo(new[] { "He left .", "\" Fine . \"", "She stayed .", "Next line" }));
    }

    [Test]
    public void Detokenised_training_text_keeps_every_span_on_its_words()
    {
        var doc = new TrainingDocument("d", "EU rejects German call .\nThe European Commission 's ( EC ) vets said .",
            [(0, 2, "ORG"), (11, 17, "MISC"), (29, 48, "ORG"), (54, 56, "ORG")]);
        var prose = Detokeniser.Apply(doc);
        Assert.That(prose.Text, Is.EqualTo("EU rejects German call.\nThe European Commission's (EC) vets said."));
        Assert.That(prose.Spans.Select(s => prose.Text[s.Start..s.End]), Is.EqualTo(new[] { "EU", "German", "European Commission", "EC" }));
    }
}
