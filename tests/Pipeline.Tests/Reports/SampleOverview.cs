using Pipeline.Model;

namespace Pipeline.Tests.Reports;

public static class SampleOverview
{
    public static BatchOverview Build() => new BatchOverview(
        new DateTimeOffset(2024, 5, 6, 9, 30, 0, TimeSpan.Zero),
        [
            new OverviewDocument("anticorruption-cooperation.zh.txt", "反腐败国际合作", "ok", 9, 12, 5, null) { Date = "2018-10-08", Language = "zh", ContentHash = "a1" },
            new OverviewDocument("wh-nato-finland-sweden-protocols-2022.en.txt", "Statement on the Accession Protocols", "ok", 4, 3, 2, null)
                { Date = "2022-07-11", Language = "en", ContentHash = "b2" },
            new OverviewDocument("broken.docx", null, "failed", 0, 0, 0, "Not a valid Word file"),
        ],
        [
            new OverviewOrganisation("二十国集团", "Group of Twenty", 5, ["anticorruption-cooperation.zh.txt", "wh-nato-finland-sweden-protocols-2022.en.txt"]),
            new OverviewOrganisation("North Atlantic Treaty Organization", null, 6, ["wh-nato-finland-sweden-protocols-2022.en.txt"]),
        ],
        [
            new OverviewAgreement("联合国反腐败公约", "convention", "2003", ["anticorruption-cooperation.zh.txt"]),
            new OverviewAgreement("North Atlantic Treaty", "treaty", "1949-04-04", ["wh-nato-finland-sweden-protocols-2022.en.txt"]),
        ],
        [
            new OverviewTimelineEntry("2022-07-05", "wh-nato-finland-sweden-protocols-2022.en.txt", "Allies sign the accession protocols for Finland and Sweden."),
            new OverviewTimelineEntry("2014-11", "anticorruption-cooperation.zh.txt", "APEC会议通过《北京反腐败宣言》"),
        ])
    {
        Changes = new BatchChanges(new DateTimeOffset(2024, 5, 5, 9, 0, 0, TimeSpan.Zero),
            ["wh-nato-finland-sweden-protocols-2022.en.txt"], [], ["old.txt"], ["North Atlantic Treaty Organization"], ["North Atlantic Treaty"]),
    };
}
