namespace Pipeline.Tests.Agreements;

/// <summary>
/// A well-known instrument carries the same English canonical in a Chinese and an English document, so a batch
/// overview keyed by CanonicalEn (else Canonical) lists it once.
/// </summary>
public class LanguageIndependentKeyTests
{
    [TestCase("[D:2020-11-15|2020年11月15日]，15国正式签署《区域全面经济伙伴关系协定》。", "zh", "区域全面经济伙伴关系协定")]
    [TestCase("RCEP于[D:2022-01-01|2022年1月1日]正式生效。", "zh", "区域全面经济伙伴关系协定")]
    [TestCase("Fifteen countries signed the Regional Comprehensive Economic Partnership (RCEP) on [D:2020-11-15|November 15, 2020].", "en", "Regional Comprehensive Economic Partnership")]
    [TestCase("Leaders welcomed the entry into force of RCEP.", "en", "Regional Comprehensive Economic Partnership")]
    public void Rcep_has_one_english_key_in_either_language(string marked, string language, string canonical)
    {
        var (text, given) = AgreementTestKit.Parse(marked);
        var record = AgreementTestKit.Run(text, given, language).Agreements.Single();
        Assert.That(record.Canonical, Is.EqualTo(canonical));
        Assert.That(record.CanonicalEn, Is.EqualTo("Regional Comprehensive Economic Partnership"));
    }
}
