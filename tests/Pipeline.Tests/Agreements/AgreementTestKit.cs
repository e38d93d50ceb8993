using System.Collections.Immutable;
using System.Text.Json;
using Pipeline.Agreements;
using Pipeline.Model;
using Pipeline.Segmentation;

namespace Pipeline.Tests.Agreements;

/// <summary>One row of a gold .jsonl file.</summary>
public sealed record GoldRow(string Doc, string Type, int Start, int End, string Text, bool Optional, string? Value,
    string? Canonical, string? Kind, string? Date, string? Forum, ImmutableArray<string> Parties)
{
    public static List<GoldRow> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();

    private static GoldRow Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var parties = r.TryGetProperty("parties", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(x => x.GetString()!).ToImmutableArray() : [];
        return new GoldRow(S("doc")!, S("type")!, r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32(), S("text")!,
            r.TryGetProperty("optional", out var o) && o.GetBoolean(), S("value"), S("canonical"), S("kind"), S("date"), S("forum"), parties);
    }
}

/// <summary>
/// Runs segment + agreements + a stand-in for classify + agreement-records, with DATE and ORG entities supplied
/// by the test (the real dates/organisations stages belong to other helpers).
/// </summary>
public static class AgreementTestKit
{
    /// <summary>What classify does with ML disabled: trust the rules' type when they are sure enough.</summary>
    public const double ClassifyThreshold = 0.5;

    public static Article Classify(Article article)
    {
        var promoted = article.Candidates
            .Where(c => c.RuleConfidence >= ClassifyThreshold && c.ProposedType != EntityTypes.None)
            .Select(c => new Entity(c.ProposedType, c.Start, c.End, c.Text, c.Source, c.RuleConfidence)
            {
                Canonical = c.Canonical, CanonicalEn = c.CanonicalEn, Kind = c.Kind,
            });
        return article.AddEntities(promoted);
    }

    public static Article Run(string text, IEnumerable<Entity> givenEntities, string? language = null)
    {
        var article = Article.FromText("doc.txt", text, language);
        article = new SegmentStage().Process(article).AddEntities(givenEntities);
        article = new AgreementsStage().Process(article);
        article = Classify(article);
        return new AgreementRecordsStage().Process(article);
    }

    /// <summary>
    /// Mini markup for DATE and ORG entities inside test sentences: [D:2016-09|2016年9月] is a DATE with value 2016-09,
    /// [O:二十国集团|G20] an ORG with canonical 二十国集团 ([O:|联合国] when the text is the canonical).
    /// </summary>
    public static (string Text, List<Entity> Entities) Parse(string marked)
    {
        var text = new System.Text.StringBuilder();
        var entities = new List<Entity>();
        var i = 0;
        while (i < marked.Length)
        {
            if (marked[i] == '[' && i + 2 < marked.Length && marked[i + 2] == ':' && (marked[i + 1] is 'D' or 'O'))
            {
                var bar = marked.IndexOf('|', i);
                var close = marked.IndexOf(']', bar);
                var attribute = marked[(i + 3)..bar];
                var surface = marked[(bar + 1)..close];
                var start = text.Length;
                text.Append(surface);
                entities.Add(marked[i + 1] == 'D'
                    ? new Entity(EntityTypes.Date, start, text.Length, surface, "test", 1) { Value = attribute }
                    : new Entity(EntityTypes.Org, start, text.Length, surface, "test", 1)
                        { Canonical = attribute.Length == 0 ? surface : attribute });
                i = close + 1;
                continue;
            }
            text.Append(marked[i]);
            i++;
        }
        return (text.ToString(), entities);
    }
}
