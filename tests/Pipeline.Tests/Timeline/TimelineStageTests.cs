using Pipeline.Dates;
using Pipeline.Model;
using Pipeline.Segmentation;
using Pipeline.Tests.Agreements;
using Pipeline.Timeline;

namespace Pipeline.Tests.Timeline;

public class TimelineStageTests
{
    private static Article Run(string marked)
    {
        var (text, entities) = AgreementTestKit.Parse(marked);
        var article = AgreementTestKit.Run(text, entities);
        return new TimelineStage().Process(article);
    }

    [Test]
    public void Dated_events_become_entries_sorted_by_date_with_their_bodies_and_agreements()
    {
        var article = Run(
            "[D:2016-09|2016年9月]，[O:二十国集团|G20]杭州峰会批准通过《二十国集团数字经济发展与合作倡议》。" +
            "[D:2014-11|2014年11月]，[O:亚太经合组织|APEC]领导人非正式会议通过《北京纲领》。" +
            "腐败是社会毒瘤。");
        Assert.That(article.Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2014-11", "2016-09" }));
        var first = article.Timeline[0];
        Assert.That(first.Organisations, Is.EqualTo(new[] { "亚太经合组织" }));
        Assert.That(first.Agreements, Is.EqualTo(new[] { "北京纲领" }));
        Assert.That(first.Sentence.Of(article.Text), Does.StartWith("2014年11月"));
        Assert.That(article.Timeline[1].Organisations, Is.EqualTo(new[] { "二十国集团" }));
    }

    [Test]
    public void Two_agreements_dated_in_one_sentence_get_an_entry_each()
    {
        var article = Run(
            "[D:2002-06|2002年6月]，成员国元首签署《上海合作组织宪章》；[D:2007-08|2007年8月]，成员国元首签署《上海合作组织成员国长期睦邻友好合作条约》。");
        Assert.That(article.Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2002-06", "2007-08" }));
        Assert.That(article.Timeline[1].Agreements, Is.EqualTo(new[] { "上海合作组织成员国长期睦邻友好合作条约" }));
        Assert.That(article.Timeline[1].Summary, Does.StartWith("2007年8月"));
    }

    private static Article FromBareText(string text) =>
        new TimelineStage().Process(new DatesStage
        {
            Today = () => new DateOnly(2026, 12, 1),
            FileTime = _ => new DateTime(2026, 12, 1, 9, 0, 0),
        }.Process(new SegmentStage().Process(new Article { Source = new SourceFile("/nonexistent/a.txt", "a.txt"), Text = text })));

    [Test]
    public void An_event_dated_from_a_file_time_guess_is_left_off_the_timeline_and_the_briefing_says_so()
    {
        // No year anywhere: the dateline's year, and so 今天, come from the file time.
        var guessed = FromBareText("新华社北京11月30日电 国务院总理今天出席会议并发表讲话。");
        Assert.That(guessed.Metadata.DocumentDate!.Origin, Is.EqualTo(DateOrigins.FileTimeYear));
        Assert.That(guessed.EntitiesOf(EntityTypes.Date).Single(d => d.Text == "今天").Reference!.Guessed, Is.True);
        Assert.That(guessed.Timeline, Is.Empty);
        Assert.That(guessed.Warnings, Has.Some.Contains("1 dated event(s) left off the timeline"));
        Assert.That(guessed.TimelineLeftOff, Is.EqualTo(1), "counted for the briefing's empty timeline to say why");

        // The same report with its year in the dateline is a fact.
        var dated = FromBareText("新华社北京2020年11月30日电 国务院总理今天出席会议并发表讲话。");
        Assert.That(dated.Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2020-11-30" }));
        Assert.That(dated.Warnings, Is.Empty);
    }

    [Test]
    public void A_dateline_does_not_date_the_event_it_reports()
    {
        var article = Run("本报北京[D:2024-11-20|11月20日]电 [D:2024-11-19|11月19日]，两国签署《中华人民共和国政府和厄瓜多尔共和国政府关于启动自由贸易协定谈判的谅解备忘录》。");
        Assert.That(article.Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2024-11-19" }));
    }

    [Test]
    public void A_sentence_without_an_event_word_or_without_a_dated_value_is_not_an_entry()
    {
        var article = Run("[D:2019|2019年]，双边贸易额增长5%。[D:|近年来]，两国举行多次会晤。");
        Assert.That(article.Timeline, Is.Empty);
    }

    [Test]
    public void A_year_inside_a_title_does_not_date_the_sentence()
    {
        var article = Run("[D:2021-11|2021年11月]，部长级会议通过《达喀尔行动计划（[D:2022/2024|2022—2024年]）》。");
        Assert.That(article.Timeline.Single().Date, Is.EqualTo("2021-11"));
    }

    [Test]
    public void English_sentences_with_dated_signings_and_meetings_are_entries()
    {
        var article = Run("The Protocols were signed in Brussels on [D:2022-07-05|July 5, 2022]. " +
                          "Leaders met in Port Moresby on [D:2023-05-22|May 22, 2023]. Trade grew in [D:2021|2021].");
        Assert.That(article.Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2022-07-05", "2023-05-22" }));
    }

    [Test]
    public void Ranges_sort_by_their_start_and_a_year_before_its_months()
    {
        var article = Run("[D:2020-11-27/2020-11-30|11月27日至30日]，博览会在南宁举行。[D:2020|2020年]，峰会在北京召开。[D:2020-03|2020年3月]，会议以视频方式举行。");
        Assert.That(article.Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2020", "2020-03", "2020-11-27/2020-11-30" }));
    }

    [TestCase("短句不截断。", 80, "短句不截断。")]
    [TestCase("二〇二〇年十一月三十日下午，国务院总理李克强在人民大会堂出席上海合作组织成员国政府首脑（总理）理事会第十九次会议，各方就抗疫合作和经济复苏深入交换意见并达成广泛共识。", 80,
        "二〇二〇年十一月三十日下午，国务院总理李克强在人民大会堂出席上海合作组织成员国政府首脑（总理）理事会第十九次会议…")]
    [TestCase("At the high-level meeting hosted by the president that took place on March 9 in the National Palace, the two delegations committed to launching the second phase.", 80,
        "At the high-level meeting hosted by the president that took place on March 9 in…")]
    public void Summaries_cut_at_a_clause_or_word_boundary(string sentence, int max, string expected)
    {
        var summary = TimelineStage.Summarise(sentence, max);
        Assert.That(summary, Is.EqualTo(expected));
        Assert.That(summary.Length, Is.LessThanOrEqualTo(max));
    }

    [Test]
    public void The_dev_documents_give_a_sorted_timeline_from_gold_dates()
    {
        var doc = "anticorruption-cooperation.zh";
        var gold = GoldRow.Load(Path.Combine(TestPaths.Gold, doc + ".jsonl"));
        var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, doc + ".txt"));
        var given = gold.Where(g => g.Type is EntityTypes.Date or EntityTypes.Org && !g.Optional)
            .Select(g => new Entity(g.Type, g.Start, g.End, g.Text, "gold", 1) { Value = g.Value, Canonical = g.Canonical });
        var article = new TimelineStage().Process(AgreementTestKit.Run(text, given, "zh"));
        var dates = article.Timeline.Select(t => t.Date).ToList();
        TestContext.Out.WriteLine(string.Join("\n", article.Timeline.Select(t => $"{t.Date}\t{t.Summary}")));
        Assert.That(dates.Select(d => d.Split('/')[0]), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(dates, Does.Contain("2003").And.Contain("2014-11").And.Contain("2016-09").And.Contain("2017-11"));
        var apec = article.Timeline.Single(t => t.Date == "2014-11");
        Assert.That(apec.Organisations, Does.Contain("亚太经合组织"));
        Assert.That(apec.Agreements, Does.Contain("北京反腐败宣言"));
        Assert.That(apec.Summary, Does.StartWith("2014年11月"), "the lead-in before the colon is not the event");
        Assert.That(article.Timeline.All(t => t.Summary.Length <= TimelineStage.DefaultSummaryLength));
    }
}

/// <summary>On every real article at hand: a timeline entry never rests on a sentence that states other dates than its own.</summary>
public class TimelineTruthTests
{
    private static readonly Lazy<Pipeline.Stages.ArticlePipeline> Configured = new(() =>
        Pipeline.Stages.PipelineBuilder.From(new Pipeline.Configuration.ConfigLoader(Pipeline.Configuration.StageCatalog.Default)
            .Load(Path.Combine(TestPaths.RepoRoot, "pipeline.json"))).Build());

    private static IEnumerable<string> Articles(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal) : [];

    // The project's own articles, and the development corpus when the kit is beside the clone ("1949 — The Protocols
    // were signed in Brussels on July 5, 2022" was an entry: the treaty's own year on the sentence of another event).
    public static IEnumerable<string> Folders() =>
        [.. new[] { "Chinese", "Chinese2", "English", "English2" }.Select(f => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Robustness", f)),
         Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "Agreements", "Articles"),
         Path.Combine(TestPaths.Shared, "corpus")];

    [Test]
    public void Every_entry_states_its_own_date_or_takes_it_from_its_context()
    {
        var checkedEntries = 0;
        var problems = new List<string>();
        foreach (var path in Folders().SelectMany(Articles))
        {
            var article = Configured.Value.ProcessFile(path);
            var titles = article.EntitiesOf(EntityTypes.Agreement).Select(a => a.Span).ToList();
            foreach (var entry in article.Timeline)
            {
                checkedEntries++;
                var stated = article.EntitiesWithin(EntityTypes.Date, entry.Sentence)
                    .Where(d => !string.IsNullOrEmpty(d.Value) && !d.Ambiguous && !titles.Any(t => t.Start < d.End && d.Start < t.End))
                    .Select(d => d.Value).ToList();
                if (stated.Count > 0 && !stated.Contains(entry.Date))
                    problems.Add($"{Path.GetFileName(path)}: {entry.Date} on \"{entry.Summary}\" (states {string.Join(", ", stated)})");
            }
        }
        Assert.That(checkedEntries, Is.GreaterThan(50));
        Assert.That(problems, Is.Empty);
    }
}
