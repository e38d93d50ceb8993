using Pipeline.Evaluation;
using Pipeline.Model;
using Pipeline.Organisations;

namespace Pipeline.Recognition;

/// <summary>A document as the tagger learns from it: its text and the spans it should find, in the spec's conventions.</summary>
public sealed record TrainingDocument(string Id, string Text, IReadOnlyList<(int Start, int End, string Type)> Spans);

/// <summary>
/// Where the training corpora's conventions differ from ANNOTATION.md, the spec wins:
/// - a country written before a body the gazetteer knows stays out of the span (英国路透社 → 路透社), as the spec
///   says; pd1998 keeps it inside. A state organ with its country (中国外交部) is optional in the spec and stays whole.
/// - CLUENER tags newspapers as books: a newspaper is a news organisation, so an ORG, without its book marks
///   (《华尔街日报》 → 华尔街日报); other books, games, films, positions and scenes are no names the tagger learns.
/// - pd1998's optional ORGs are abbreviations of bodies (政协, 欧盟, 北约) and news organs (人民日报): ORGs by the spec.
/// - PER, LOC and MISC are learnt where the corpus annotates them, as what an ORG is not; pd1998 annotates none,
///   so the Chinese tagger learns ORG alone (a name CLUENER calls a place would be unlabelled in pd1998).
/// </summary>
public static class TrainingConventions
{
    public static TrainingDocument Apply(CorpusDocument doc, IReadOnlySet<string> types, Gazetteer gazetteer)
    {
        var spans = new List<(int, int, string)>();
        var offsets = new TextOffsets(doc.Text);
        foreach (var g in doc.Gold)
        {
            // Corpus offsets count code points; the tagger works on UTF-16 indices.
            var start = offsets.ToUtf16(g.Start);
            var end = offsets.ToUtf16(g.End);
            if (end <= start || end > doc.Text.Length) continue;
            switch (g.Type)
            {
                case EntityTypes.Org:
                    spans.Add((WithoutCountry(doc.Text, start, end, gazetteer), end, EntityTypes.Org));
                    break;
                case "OTHER" when Newspaper(doc.Text, start, end) is var (s, e) && e > s:
                    spans.Add((s, e, EntityTypes.Org));
                    break;
                default:
                    if (types.Contains(g.Type)) spans.Add((start, end, g.Type));
                    break;
            }
        }
        return new TrainingDocument(doc.Id, doc.Text, spans);
    }

    /// <summary>英国路透社 → the start of 路透社: a country before a name the gazetteer knows is not part of it.</summary>
    private static int WithoutCountry(string text, int start, int end, Gazetteer gazetteer)
    {
        var place = Places.PlaceAt(text, start, end);
        if (place == 0 || end - start - place < 2) return start;
        if (gazetteer.Lookup(text[start..end]) is not null) return start;
        return gazetteer.Lookup(text[(start + place)..end]) is not null ? start + place : start;
    }

    private static readonly string[] NotNewspapers = ["报告", "报道", "公报", "通报", "简报", "年报", "情报", "汇报", "预报", "电报", "举报"];

    /// <summary>The newspaper name inside a span CLUENER labels a book (《华尔街日报》 → 华尔街日报), or (0, 0).</summary>
    private static (int Start, int End) Newspaper(string text, int start, int end)
    {
        while (start < end && text[start] is '《' or '〈' or '“' or '"') start++;
        var close = text.IndexOfAny(['》', '〉', '（', '(', '”', '"'], start, end - start);
        if (close >= 0) end = close;
        if (end - start < 2 || text[end - 1] != '报') return (0, 0);
        foreach (var w in NotNewspapers)
            if (text.AsSpan(start, end - start).EndsWith(w, StringComparison.Ordinal)) return (0, 0);
        return (start, end);
    }
}
