using Pipeline.Ingest;
using Pipeline.Model;

namespace Pipeline.Tests.Ingest;

public class HeadlineTests
{
    [TestCase("EU rejects German call to boycott British lamb .\nPeter Blackburn\nBRUSSELS 1996-08-22\nThe European Commission said on Thursday ...",
        "EU rejects German call to boycott British lamb")]
    [TestCase("北京举行新年音乐会\n江泽民李鹏乔石朱镕基与万名首都各界群众一起辞旧迎新\n本报北京１２月３１日讯……", "北京举行新年音乐会")]
    [TestCase("# Leaders agree on a framework for security\n\nThe two governments launched ...", "Leaders agree on a framework for security")]
    [TestCase("\n\n  China says Taiwan spoils atmosphere for talks  \nBEIJING 1996-08-22\nChina on Thursday accused Taipei ...",
        "China says Taiwan spoils atmosphere for talks")]
    [TestCase("Summit opens in Geneva\r\n\r\nGENEVA 1996-08-22\r\nLeaders met ...", "Summit opens in Geneva")]
    public void A_short_first_line_is_the_headline(string text, string expected) =>
        Assert.That(Headline.FromFirstLine(text), Is.EqualTo(expected));

    [TestCase("To the Senate of the United States:\nI transmit herewith ...")] // a salutation
    [TestCase("今年9月初，中非合作论坛北京峰会成功举办。与会中非国家领导人就加强反腐败国际合作达成重要共识。\n党的十八大以来……")] // body text
    [TestCase("The summit ended. Leaders went home.\nMore text follows here.")] // two sentences
    [TestCase("Only one line, with nothing after it")]
    [TestCase("Only one line, then blank ones\n \n\t\r\n")]
    [TestCase(" \n\t\n")]
    [TestCase("We, the leaders of the Pacific Islands Forum and the United States, met in Port Moresby on May 22 to reaffirm our partnership and our shared commitment to a peaceful, prosperous and resilient region, and we agreed on the following\nPoints")]
    public void Body_text_is_not_a_headline(string text) => Assert.That(Headline.FromFirstLine(text), Is.Null);

    [Test]
    public void A_txt_file_without_a_title_takes_its_first_line_and_a_sidecar_title_wins()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-headline-");
        try
        {
            var path = Path.Combine(dir.FullName, "wire.en.txt");
            File.WriteAllText(path, "Rare Hendrix song draft sells for almost $ 17,000 .\nLONDON 1996-08-22\nA rare early handwritten draft of a song was sold on Thursday.\n");
            var title = new IngestStage().Process(Article.FromFile(path)).Metadata.Title;
            Assert.That(title, Is.EqualTo(new Sourced<string>("Rare Hendrix song draft sells for almost $ 17,000", Headline.Origin)));

            File.WriteAllText(path + ".meta.json", """{ "title": "Hendrix draft sold at auction" }""");
            title = new IngestStage().Process(Article.FromFile(path)).Metadata.Title;
            Assert.That(title, Is.EqualTo(new Sourced<string>("Hendrix draft sold at auction", DateOrigins.Sidecar)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
