using Pipeline.Model;

namespace Pipeline.Tests.Agreements;

/// <summary>
/// The English instrument rules are skipped for text without a single Latin letter (most Chinese news), which they
/// could never match; a Chinese article that quotes an English instrument still has it found.
/// </summary>
public class EnglishInChineseTests
{
    private static List<string> Agreements(string text) =>
        [.. AgreementTestKit.Run(text, []).Entities.Where(e => e.Type == EntityTypes.Agreement).Select(e => e.Text)];

    [Test]
    public void An_English_title_inside_Chinese_text_is_found()
    {
        var found = Agreements("报道说，双方在会上重申将落实Comprehensive and Progressive Agreement for Trans-Pacific Partnership的各项承诺。");
        Assert.That(found, Does.Contain("Comprehensive and Progressive Agreement for Trans-Pacific Partnership"));
    }

    [Test]
    public void An_English_typed_instrument_inside_Chinese_text_is_found()
    {
        var found = Agreements("外电报道：The two countries signed a free trade agreement on Monday，引起广泛关注。");
        Assert.That(found, Does.Contain("free trade agreement"));
    }

    [Test]
    public void Chinese_text_without_Latin_letters_still_has_its_Chinese_instruments()
    {
        var found = Agreements("两国外长在北京签署了《中华人民共和国和某国引渡条约》，并发表了联合声明。");
        Assert.That(found, Does.Contain("中华人民共和国和某国引渡条约"));
    }
}
