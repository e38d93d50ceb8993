using Pipeline.Stages;
using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Configuration;
using Pipeline.Dates;
using Pipeline.Ingest;
using Pipeline.Model;

namespace Pipeline.Tests.Dates;

/// <summary>The document date the stage settles on, and what each entity says about its value.</summary>
public class DatesStageTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static Article Process(string text, Sourced<DateOnly>? given = null, string path = "/nonexistent/a.txt") =>
        new DatesStage { Today = () => Today }.Process(new Article
        {
            Source = new SourceFile(path, Path.GetFileName(path)),
            Text = text,
            Metadata = new ArticleMetadata { DocumentDate = given },
        });

    [Test]
    public void Sidecar_date_is_kept_and_used()
    {
        var given = new Sourced<DateOnly>(new DateOnly(2020, 11, 30), DateOrigins.Sidecar);
        var a = Process("新华社北京9月3日电 今天，会议开幕。", given);
        Assert.That(a.Metadata.DocumentDate, Is.EqualTo(given));
        Assert.That(a.EntitiesOf(EntityTypes.Date).Last().Value, Is.EqualTo("2020-11-30"));
        Assert.That(a.Warnings, Is.Empty);
    }

    [Test]
    public void Chinese_dateline_takes_its_year_from_the_latest_date_in_the_text()
    {
        var a = Process("新华社雅加达11月5日电 2018年7月，双方签署协议。今天，两国外长会晤。");
        Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2018, 11, 5), DateOrigins.Dateline)));
        var today = a.EntitiesOf(EntityTypes.Date).Single(e => e.Text == "今天");
        Assert.That(today.Value, Is.EqualTo("2018-11-05"));
        Assert.That(today.Reference, Is.EqualTo(new DateReference(new DateOnly(2018, 11, 5), DateOrigins.Dateline)));
    }

    [Test]
    public void Chinese_dateline_takes_its_year_from_a_range_of_days_before_an_older_year()
    {
        var a = Process("新华社吉隆坡5月20日电 总理于2024年5月18日至20日访问马来西亚。该校自2016年开学以来培养了大批人才。");
        Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2024, 5, 20), DateOrigins.Dateline)));
    }

    [Test]
    public void Chinese_dateline_after_the_latest_month_moves_to_the_next_year()
    {
        var a = Process("新华社北京1月5日电 2017年12月，双方签署协议。");
        Assert.That(a.Metadata.DocumentDate!.Value, Is.EqualTo(new DateOnly(2018, 1, 5)));
    }

    [Test]
    public void English_dateline_at_the_start()
    {
        var a = Process("WASHINGTON, April 7, 2022 — The President met the Prime Minister yesterday.");
        Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2022, 4, 7), DateOrigins.Dateline)));
        Assert.That(a.EntitiesOf(EntityTypes.Date).Single(e => e.Text == "yesterday").Value, Is.EqualTo("2022-04-06"));
    }

    [Test]
    public void English_date_line_under_a_signature()
    {
        var a = Process("The protocols were signed on July 5, 2022.\nJOSEPH R. BIDEN JR.\nTHE WHITE HOUSE,\nJuly 11, 2022.");
        Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2022, 7, 11), DateOrigins.Dateline)));
    }

    [Test]
    public void Latest_past_date_ignores_titles_plans_and_targets()
    {
        var text = "2016年9月，峰会通过《2030年可持续发展议程》落实计划。《行动计划（2019—2021年）》获得通过。" +
                   "到2025年，贸易额翻一番。2035年远景目标已经提出。今年3月，双方再次会晤。";
        var a = Process(text);
        // Written after what it reports, and in another year than 2016: a text of 2016 would have called that month
        // 今年9月, as it calls its own March 今年3月. So March of the next year, none of the plans, titles or targets.
        Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2017, 3, 1), DateOrigins.LatestInText)));
        Assert.That(a.Metadata.DocumentDateAsWritten, Is.EqualTo("2017-03"));
        Assert.That(a.EntitiesOf(EntityTypes.Date).Single(e => e.Text == "今年3月").Value, Is.EqualTo("2017-03"));
    }

    [Test]
    public void Dates_after_today_are_not_the_latest_past_date()
    {
        var a = Process("2019年，协定签署。2030年，目标实现。去年，合作加深。");
        // Not 2030; and a text that says 去年 writes its own year as 今年, so the full 2019年 is most likely a past year.
        Assert.That(a.Metadata.DocumentDate!.Value, Is.EqualTo(new DateOnly(2020, 1, 1)));
        Assert.That(a.EntitiesOf(EntityTypes.Date).Single(e => e.Text == "去年").Value, Is.EqualTo("2019"));
    }

    [Test]
    public void File_time_is_the_last_resort_and_is_warned_about()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.SetLastWriteTime(path, new DateTime(2021, 3, 4, 10, 0, 0));
            var a = Process("昨天，代表团抵达北京。9月3日，会议开幕。", path: path);
            Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2021, 3, 4), DateOrigins.FileTime)));
            Assert.That(a.Warnings, Has.Some.Contains("file modification time"));
            var dates = a.EntitiesOf(EntityTypes.Date).ToList();
            Assert.That(dates[0].Value, Is.EqualTo("2021-03-03"));
            // A month and day whose year is only guessed from the file time stays ambiguous.
            Assert.That((dates[1].Value, dates[1].Ambiguous), Is.EqualTo(("2020-09-03", true)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_file_time_is_the_one_the_file_had_when_ingest_read_it()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-filetime-");
        try
        {
            var path = Path.Combine(dir.FullName, "no-date.txt");
            File.WriteAllText(path, "昨天，代表团抵达北京。\n双方举行会谈。\n");
            File.SetLastWriteTime(path, new DateTime(2021, 3, 4, 10, 0, 0));
            var read = new IngestStage().Process(Article.FromFile(path));
            // Touched after it was read (an editor saving it again): the text read is the 2021 one.
            File.SetLastWriteTime(path, new DateTime(2025, 1, 1, 10, 0, 0));
            var a = new DatesStage().Process(read);
            Assert.That(a.Metadata.DocumentDate, Is.EqualTo(new Sourced<DateOnly>(new DateOnly(2021, 3, 4), DateOrigins.FileTime)));
            Assert.That(a.EntitiesOf(EntityTypes.Date).Single().Value, Is.EqualTo("2021-03-03"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Absolute_dates_carry_no_reference_and_relative_ones_do()
    {
        var given = new Sourced<DateOnly>(new DateOnly(2020, 1, 16), DateOrigins.Sidecar);
        var dates = Process("2019年，纪检监察工作取得成效。去年11月，双方签署条约。9月3日，会议开幕。", given)
            .EntitiesOf(EntityTypes.Date).ToList();
        Assert.That(dates.Select(d => d.Reference is null), Is.EqualTo(new[] { true, false, false }));
        Assert.That(dates.Select(d => d.Source), Is.EqualTo(new[] { "date:zh-y", "date:relative", "date:zh-md" }));
        Assert.That(dates.Select(d => d.Ambiguous), Is.All.False);
        Assert.That(dates.Select(d => d.Type), Is.All.EqualTo(EntityTypes.Date));
    }

    [Test]
    public void Relative_words_inside_book_titles_are_not_dates()
    {
        var given = new Sourced<DateOnly>(new DateOnly(2020, 1, 16), DateOrigins.Sidecar);
        Assert.That(Process("他常看《今日说法》节目。", given).EntitiesOf(EntityTypes.Date), Is.Empty);
    }

    [TestCase("month-first", "2018-09-03")]
    [TestCase("day-first", "2018-03-09")]
    public void Descriptor_builds_the_stage_from_its_numeric_order_option(string order, string expected)
    {
        var values = ImmutableDictionary<string, JsonElement>.Empty.Add("numericOrder", JsonDocument.Parse($"\"{order}\"").RootElement);
        var errors = new List<string>();
        var options = DatesStage.Descriptor.BindOptions(values, ".", errors);
        Assert.That(errors, Is.Empty);
        var stage = new PipelineBuilder().Use(DatesStage.Descriptor, options).Build(ArticleParts.Text).Stages.Single();
        Assert.That(stage.Name, Is.EqualTo("dates"));
        var a = stage.Process(new Article
        {
            Source = new SourceFile("/nonexistent/a.txt", "a.txt"),
            Text = "Filed on 9/3/2018.",
            Metadata = new ArticleMetadata { DocumentDate = new Sourced<DateOnly>(new DateOnly(2020, 1, 1), DateOrigins.Sidecar) },
        });
        Assert.That(a.EntitiesOf(EntityTypes.Date).Single().Value, Is.EqualTo(expected));
    }

    [Test]
    public void Descriptor_declares_numeric_order_with_its_allowed_values()
    {
        var option = DatesStage.Descriptor.Options.Single();
        Assert.That((option.Name, option.Kind, option.Default), Is.EqualTo(("numericOrder", OptionKind.String, (object)"month-first")));
        Assert.That(option.AllowedValues, Is.EquivalentTo(new[] { "month-first", "day-first" }));
    }

    private static readonly Sourced<DateOnly> September2018 = new(new DateOnly(2018, 9, 3), DateOrigins.Sidecar);

    [Test]
    public void Quoted_today_counts_from_the_dated_speech_and_names_it_as_reference()
    {
        var a = Process("2016年9月5日，主席在闭幕式上指出：“今天我们达成了重要共识。”", September2018);
        var today = a.EntitiesOf(EntityTypes.Date).Single(e => e.Text == "今天");
        Assert.That((today.Value, today.Ambiguous), Is.EqualTo(("2016-09-05", false)));
        Assert.That(today.Reference, Is.EqualTo(new DateReference(new DateOnly(2016, 9, 5), "speech-date:2016-09-05")));
    }

    [Test]
    public void Quoted_today_in_a_speech_dated_only_by_year_has_no_value_and_is_ambiguous()
    {
        var a = Process("2016年，主席在峰会上指出：“今天我们推动工作组积极开展工作。”", September2018);
        var today = a.EntitiesOf(EntityTypes.Date).Single(e => e.Text == "今天");
        Assert.That((today.Value, today.Ambiguous), Is.EqualTo(((string?)null, true)));
        Assert.That(today.Reference, Is.EqualTo(new DateReference(new DateOnly(2016, 1, 1), "speech-date:2016")));
    }

    [Test]
    public void Quoted_tomorrow_without_a_speech_date_stays_off_the_timeline()
    {
        var a = Process("外长在记者会上表示：“明天双方将举行会谈。”", September2018);
        var tomorrow = a.EntitiesOf(EntityTypes.Date).Single();
        Assert.That((tomorrow.Value, tomorrow.Ambiguous), Is.EqualTo(("2018-09-04", true)));
        Assert.That(new Pipeline.Timeline.TimelineStage().Process(a).Timeline, Is.Empty);
    }

    [Test]
    public void A_dated_sentence_with_a_quotation_still_reaches_the_timeline_by_its_own_date()
    {
        var a = Process("2017年，部长在记者会上指出：“今年两国贸易额有望突破千亿美元。”", September2018);
        Assert.That(new Pipeline.Timeline.TimelineStage().Process(a).Timeline.Select(t => t.Date), Is.EqualTo(new[] { "2017" }));
    }
}
