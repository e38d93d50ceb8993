using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Tests.Agreements;

/// <summary>Sentences of shapes that once made a stage throw, run through the whole default pipeline.</summary>
public class AgreementRecordRegressionTests
{
    private static readonly Lazy<ArticlePipeline> Pipeline = new(() => PipelineBuilder.Default().Build().ForLoadedText());

    // A body whose name starts with a country (秘鲁经济部) in the sentence before "双方签署…": the country inside the
    // name and the name itself overlapped, and the gap between them had a negative length.
    [TestCase("2019年4月28日，两国元首出席了由秘鲁经济部和中国商务部共同举行的中秘商务论坛开幕式。双方签署了经贸、农业、科技、教育等多项领域的协议和谅解备忘录。")]
    [TestCase("当天，由智利外交部和中国外交部共同举办的中智合作论坛在圣地亚哥开幕。两国签署了涵盖贸易、投资等多个领域的协议和谅解备忘录。")]
    [TestCase("会议由巴西农业部与中国农业农村部联合举办。双方还签署了农业合作协议和谅解备忘录。")]
    public void A_country_inside_a_body_name_before_a_signing_by_both_sides_does_not_fail_the_records(string text)
    {
        var article = Pipeline.Value.Process(Article.FromText("regression.txt", "中国和某国联合声明\n" + text));
        Assert.That(article.Failures, Is.Empty);
        Assert.That(article.Agreements, Is.Not.Empty);
    }
}
