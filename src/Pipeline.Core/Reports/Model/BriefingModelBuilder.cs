using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Reports.Model;

/// <summary>Turns a processed <see cref="Article"/> into the <see cref="BriefingModel"/> both writers render.</summary>
public static class BriefingModelBuilder
{
    /// <summary>Types highlighted in the article text, in legend order.</summary>
    public static readonly ImmutableArray<string> HighlightedTypes = [EntityTypes.Date, EntityTypes.Org, EntityTypes.Agreement];

    public static BriefingModel Build(Article article)
    {
        var meta = article.Metadata;
        var title = NonEmpty(meta.Title?.Value);
        var language = NonEmpty(meta.Language?.Value);
        var english = EnglishNames(article, language);
        return new BriefingModel(
            Title: title ?? Path.GetFileNameWithoutExtension(article.Source.FileName),
            TitleOrigin: title is null ? null : meta.Title!.Origin,
            FileName: article.Source.FileName,
            Publisher: NonEmpty(meta.Publisher?.Value),
            Url: NonEmpty(meta.Url?.Value),
            Language: language,
            DocumentDate: meta.DocumentDate is { } d
                ? new SourcedDate(d.Value, d.Origin) { AsWritten = meta.DocumentDateAsWritten, Confidence = meta.DocumentDateConfidence }
                : null,
            Lead: KeySentences.Select(article, title),
            Timeline: Timeline(article, english),
            Organisations: Organisations(article),
            Agreements: Agreements(article, english),
            Dates: [.. article.EntitiesOf(EntityTypes.Date).Select(e => new DateRow(
                e.Text, e.Value, e.Reference is { } r ? new SourcedDate(r.Date, r.Origin) : null, e.Ambiguous))],
            Text: HighlightedText(article),
            Warnings: article.Warnings,
            Failures: [.. article.Failures.Select(f => f.ToString())]);
    }

    /// <summary>
    /// Canonical → canonical English name, for Chinese articles only (an English article's names are English already):
    /// a reader who does not read Chinese still sees who and what.
    /// </summary>
    private static IReadOnlyDictionary<string, string> EnglishNames(Article article, string? language)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (language is null || !language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return names;
        foreach (var e in article.Entities)
            if (!string.IsNullOrWhiteSpace(e.CanonicalEn) && NameOf(e) != e.CanonicalEn)
                names.TryAdd(NameOf(e), e.CanonicalEn!.Trim());
        foreach (var a in article.Agreements)
            if (!string.IsNullOrWhiteSpace(a.CanonicalEn)) names.TryAdd(a.Canonical, a.CanonicalEn!.Trim());
        return names;
    }

    /// <summary>"亚太经济合作组织 (Asia-Pacific Economic Cooperation)" where the English name is known.</summary>
    private static string Bilingual(string name, IReadOnlyDictionary<string, string> english) =>
        english.TryGetValue(name, out var en) ? $"{name} ({en})" : name;

    private static ImmutableArray<string> Bilingual(IEnumerable<string> names, IReadOnlyDictionary<string, string> english) =>
        [.. names.Select(n => Bilingual(n, english))];

    /// <summary>The timeline the timeline stage made, in its order (date, then position); never rebuilt from dates.</summary>
    private static BriefingTimeline Timeline(Article article, IReadOnlyDictionary<string, string> english) =>
        new([.. article.Timeline
                .Select(t => new TimelineRow(t.Date, t.Summary, Bilingual(t.Organisations, english), Bilingual(t.Agreements, english)))],
            MissingReason(article, ArticleParts.Timeline, "timeline"), article.TimelineLeftOff);

    /// <summary>Why a part the briefing shows was not produced, or null when it was (an empty list is then "none found").</summary>
    private static string? MissingReason(Article article, ArticleParts part, string what) =>
        article.Has(part) ? null
        : !article.Failures.IsEmpty ? $"No {what}: {string.Join("; ", article.Failures.Select(f => f.ToString()))}."
        : $"No {what}: the pipeline has no stage that makes one (see pipeline.json).";

    private static ImmutableArray<OrganisationRow> Organisations(Article article) =>
        [.. article.EntitiesOf(EntityTypes.Org)
            .GroupBy(NameOf)
            .Select(g => (First: g.Min(e => e.Start), Row: new OrganisationRow(
                g.Key,
                g.Select(e => e.CanonicalEn).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                [.. g.Select(e => e.Text).Distinct()],
                g.Count())))
            .OrderByDescending(x => x.Row.Mentions).ThenBy(x => x.First)
            .Select(x => x.Row)];

    private static BriefingAgreements Agreements(Article article, IReadOnlyDictionary<string, string> english) =>
        new([.. article.Agreements
                .OrderBy(a => a.Date ?? "~", StringComparer.Ordinal)
                .ThenBy(a => a.Mentions.IsEmpty ? int.MaxValue : a.Mentions.Min(m => m.Start))
                .Select(a => new AgreementRow(a.Canonical, a.CanonicalEn, a.Kind, a.Date, a.Action,
                    a.Forum is null ? null : Bilingual(a.Forum, english), Bilingual(a.Parties, english),
                    a.Mentions.Length))],
            MissingReason(article, ArticleParts.AgreementRecords, "agreement records"));

    private static ImmutableArray<HighlightedParagraph> HighlightedText(Article article)
    {
        var marks = OutermostHighlights(article);
        var spans = article.Paragraphs.IsEmpty ? LinesOf(article.Text) : article.Paragraphs;
        var paragraphs = ImmutableArray.CreateBuilder<HighlightedParagraph>();
        foreach (var raw in spans)
        {
            var span = Trim(article.Text, raw);
            if (span.Length == 0) continue;
            var pieces = ImmutableArray.CreateBuilder<TextPiece>();
            var at = span.Start;
            foreach (var e in marks.Where(m => m.Start < span.End && m.End > span.Start))
            {
                var start = Math.Max(e.Start, span.Start);
                var end = Math.Min(e.End, span.End);
                if (start > at) pieces.Add(new TextPiece(article.Text[at..start], null));
                pieces.Add(new TextPiece(article.Text[start..end], e.Type));
                at = end;
            }
            if (at < span.End) pieces.Add(new TextPiece(article.Text[at..span.End], null));
            paragraphs.Add(new HighlightedParagraph(pieces.ToImmutable()));
        }
        return paragraphs.ToImmutable();
    }

    /// <summary>
    /// Highlights cannot nest in either output format, so an agreement that contains an organisation
    /// name is shown as the agreement: the longest span starting first wins.
    /// </summary>
    private static List<Entity> OutermostHighlights(Article article)
    {
        var chosen = new List<Entity>();
        var end = -1;
        foreach (var e in article.Entities.Where(e => HighlightedTypes.Contains(e.Type) && e.End > e.Start && e.End <= article.Text.Length)
                     .OrderBy(e => e.Start).ThenByDescending(e => e.End))
        {
            if (e.Start < end) continue;
            chosen.Add(e);
            end = e.End;
        }
        return chosen;
    }

    private static ImmutableArray<TextSpan> LinesOf(string text)
    {
        var lines = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            lines.Add(new TextSpan(start, i));
            start = i + 1;
        }
        return lines.ToImmutable();
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start, end = Math.Min(span.End, text.Length);
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }

    private static string NameOf(Entity e) => NonEmpty(e.Canonical) ?? e.Text;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

}
