using Pipeline.Organisations;

namespace Pipeline.Tests.Organisations;

/// <summary>A kind of organ without the body it belongs to is no organisation; with a place or name before it, it is one.</summary>
public class GenericOrganTests
{
    [TestCase("人民法院")]
    [TestCase("上级人民法院")]
    [TestCase("二审人民法院")]
    [TestCase("省高级人民法院")]
    [TestCase("交人民法院")] // cut from 移交人民法院
    [TestCase("案件经二审人民法院")]
    [TestCase("申请人民法院")]
    [TestCase("公安机关")]
    [TestCase("当地公安机关")]
    [TestCase("中央政府")]
    [TestCase("市公安局")]
    [TestCase("该公司")]
    [TestCase("常委会")] // alone, after the body it belongs to (杭州市委召开常委会会议)
    [TestCase("博物院")] // cut from 故宫博物院
    [TestCase("奥组委")] // cut from 洛杉矶奥组委
    [TestCase("分公司")]
    [TestCase("研究中心")]
    public void A_kind_of_organ_is_generic(string name) => Assert.That(GenericOrgans.IsGeneric(name), Is.True);

    [TestCase("最高人民法院")]
    [TestCase("江苏省南京市中级人民法院")]
    [TestCase("北京市第二中级人民法院")]
    [TestCase("海淀区人民法院")]
    [TestCase("太原市公安局")]
    [TestCase("香港特区政府")]
    [TestCase("人民检察院")] // the annotated news counts it as a body
    [TestCase("全国人大常委会")]
    [TestCase("中央政治局常委会")]
    [TestCase("杭州市委常委会")]
    [TestCase("东方航空公司")]
    [TestCase("联合国")]
    [TestCase("故宫博物院")]
    [TestCase("中建埃及分公司")]
    [TestCase("国务院学位委员会")]
    public void A_named_body_is_not(string name) => Assert.That(GenericOrgans.IsGeneric(name), Is.False);
}
