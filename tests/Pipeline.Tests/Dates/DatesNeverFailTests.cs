using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Dates;
using Pipeline.Model;
using Pipeline.Output;
using Pipeline.Segmentation;
using Pipeline.Timeline;

namespace Pipeline.Tests.Dates;

/// <summary>
/// Property: whatever the text and whatever the reference (the calendar's first and last days included), the dates
/// stage never throws, and every value it gives is a day, month, year, week, decade or century the calendar has.
/// Texts are random strings of date-like pieces (numbers of every width and script, 年月日, month and weekday names,
/// relative words, datelines, brackets), so that impossible and extreme combinations come up by the thousand.
/// </summary>
public partial class DatesNeverFailTests
{
    private static readonly string[] Pieces =
    [
        "0", "00", "1", "2", "9", "12", "13", "29", "30", "31", "32", "99", "100", "0001", "1000", "1999", "2000", "2023", "2024",
        "2199", "9999", "１２", "１９９８", "一", "二", "十", "十三", "三十二", "〇", "一九九七", "二〇二三",
        "年", "月", "日", "号", "世纪", "年代", "初", "底", "末", "中旬", "上半年", "前三季度", "前13个月", "季度", "周", "星期三", "（星期五）",
        "今天", "今天是", "昨天", "明天", "前天", "后天", "当天", "次日", "今年", "去年", "明年", "上月", "本月", "下个月", "上周", "下周一",
        "上世纪", "本世纪", "元旦", "春节", "除夕", "农历", "正月初一", "中秋节", "的最后一天", "的第一天", "年来", "周年", "将", "起",
        "新华社北京", "电", "本报讯", "讯", "（", "）", "《", "》", "“", "”", "，", "。", "\n", " ", "-", "/", "—", "至",
        "January ", "Feb ", "Feb. ", "September ", "May ", "Monday", "Wednesday, ", "today", "yesterday", "tomorrow", "last ", "next ",
        "year", "month", "week", "ago", "years since ", "in ", "the ", "s", "th century", "fiscal ", "FY", "WASHINGTON, ", "(AP) — ",
        "21世纪经济报道", "公司", "会议", "今天召开", "进入", "新年", "是",
    ];

    private static readonly DateOnly[] References =
    [
        DateOnly.MinValue, new(1, 1, 31), new(1, 12, 31), new(100, 2, 28), new(1900, 2, 28), new(2000, 2, 29), new(2023, 2, 28),
        new(2024, 12, 31), new(9998, 12, 31), new(9999, 1, 1), DateOnly.MaxValue,
    ];

    private static readonly DateTime[] FileTimes = [DateTime.MinValue, new(1998, 1, 3), DateTime.MaxValue];

    [GeneratedRegex(@"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\d{4}-W\d{2}|\d{3}X|\d{2}XX)$")]
    private static partial Regex ValueShape();

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var n = random.Next(1, 40);
        for (var i = 0; i < n; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    public static bool IsCalendarValue(string value) =>
        value.Split('/').All(part => ValueShape().IsMatch(part) && part switch
        {
            _ when part.EndsWith('X') => true,
            { Length: 4 } => int.Parse(part) >= 1,
            { Length: 7 } => DateTime.TryParseExact(part + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            { Length: 10 } => DateTime.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when part.Contains('W') => int.Parse(part[..4]) >= 1 && int.Parse(part[6..]) is >= 1 and <= 53,
            _ => false,
        });

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void No_text_and_no_reference_makes_the_stage_throw_or_give_a_value_the_calendar_lacks(int seed)
    {
        var random = new Random(seed);
        var segment = new SegmentStage();
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText(random);
            var withSidecar = random.Next(3) > 0;
            var reference = References[random.Next(References.Length)];
            var stage = new DatesStage(random.Next(2) == 0 ? NumericOrder.MonthFirst : NumericOrder.DayFirst)
            {
                Today = () => References[random.Next(References.Length)],
                FileTime = _ => FileTimes[random.Next(FileTimes.Length)],
            };
            var article = new Article
            {
                Source = new SourceFile("/nonexistent/random.txt", "random.txt"),
                Text = text,
                Metadata = new ArticleMetadata { DocumentDate = withSidecar ? new Sourced<DateOnly>(reference, DateOrigins.Sidecar) : null },
            };
            Article result;
            try
            {
                result = new TimelineStage().Process(stage.Process(segment.Process(article)));
                ArticleJson.Serialize(result);
            }
            catch (Exception e)
            {
                Assert.Fail($"text: {text}\nreference: {(withSidecar ? reference : "none")}\n{e}");
                return;
            }
            foreach (var date in result.EntitiesOf(EntityTypes.Date).Where(d => d.Value is not null))
                Assert.That(IsCalendarValue(date.Value!), $"'{date.Text}' = {date.Value} in: {text} (reference {reference})");
            Assert.That(result.Metadata.DocumentDate, Is.Not.Null);
            Assert.That(result.Metadata.DocumentDateConfidence, Is.InRange(0.0, 1.0));
        }
    }

    [Test]
    public void The_value_check_itself_rejects_what_the_calendar_lacks()
    {
        Assert.That(new[] { "2023-02-28", "2024-02-29", "2023", "2023-12", "195X", "18XX", "2023-W52", "2019/2021" }.All(IsCalendarValue));
        Assert.That(new[] { "2023-02-30", "2023-13", "2023-00-05", "195", "0000", "10000", "2023-02-29" }.Any(IsCalendarValue), Is.False);
    }
}
