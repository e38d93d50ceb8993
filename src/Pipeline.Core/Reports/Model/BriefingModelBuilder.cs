using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Reports.Model;

/// <summary>Turns a processed <see cref="Article"/> into the <see cref="BriefingModel"/> both writers render.</summary>
public static class BriefingModelBuilder
{
    /// <summary>Types highlighted in the article text, in legend order.</summary>
    public static readonly ImmutableArray<string> HighlightedTypes = [EntityTypes.Date, EntityTypes.Org, EntityTypes.Agreement];

    // Long fallback sentences would turn the timeline into a copy of the article.
    private const int MaxFallbackSummary = 160;

    public static BriefingModel Build(Article article)
    {
        var meta = article.Metadata;
        return new BriefingModel(
            Title: NonEmpty(meta.Title?.Value) ?? Path.GetFileNameWithoutExtension(article.Source.FileName),
            FileName: article.Source.FileName,
            Publisher: NonEmpty(meta.Publisher?.Value),
            Url: NonEmpty(meta.Url?.Value),
            Language: NonEmpty(meta.Language?.Value),
            DocumentDate: meta.DocumentDate is { } d
                ? new SourcedDate(d.Value, d.Origin) { AsWritten = meta.DocumentDateAsWritten, Confidence = meta.DocumentDateConfidence }
                : null,
            Counts: Counts(article),
            Timeline: Timeline(article),
            Organisations: Organisations(article),
            Agreements: Agreements(article),
            Dates: [.. article.EntitiesOf(EntityTypes.Date).Select(e => new DateRow(
                e.Text, e.Value, e.Reference is { } r ? new SourcedDate(r.Date, r.Origin) : null, e.Ambiguous))],
            Text: HighlightedText(article),
            Warnings: article.Warnings);
    }

    public static string LabelOf(string type) => type switch
    {
        EntityTypes.Date => "Dates",
        EntityTypes.Org => "Organisations",
        EntityTypes.Agreement => "Agreements",
        _ => type[..1] + type[1..].ToLowerInvariant(),
    };

    private static ImmutableArray<TypeCount> Counts(Article article)
    {
        var others = article.Entities.Select(e => e.Type).Where(t => !EntityTypes.Scored.Contains(t)).Distinct().Order(StringComparer.Ordinal);
        return [.. EntityTypes.Scored.Concat(others).Select(type =>
        {
            var mentions = article.EntitiesOf(type).ToList();
            var distinct = type == EntityTypes.Date
                ? mentions.Select(e => e.Value ?? e.Text).Distinct().Count()
                : mentions.Select(NameOf).Distinct().Count();
            return new TypeCount(type, LabelOf(type), mentions.Count, distinct);
        })];
    }

    private static BriefingTimeline Timeline(Article article)
    {
        if (!article.Timeline.IsEmpty)
            return new BriefingTimeline([.. article.Timeline
                .OrderBy(t => t.Date, StringComparer.Ordinal).ThenBy(t => t.Sentence.Start)
                .Select(t => new TimelineRow(t.Date, t.Summary, t.Organisations, t.Agreements))], false);

        // No timeline stage output: one row per dated sentence, so the reader still sees what happened when.
        var rows = article.EntitiesOf(EntityTypes.Date)
            .Where(e => !string.IsNullOrEmpty(e.Value) && e.Reference?.Guessed != true)
            .Select(e => (Date: e.Value!, Sentence: article.SentenceAt(e.Start)))
            .DistinctBy(x => (x.Date, x.Sentence))
            .OrderBy(x => x.Date, StringComparer.Ordinal).ThenBy(x => x.Sentence.Start)
            .Select(x => new TimelineRow(x.Date, Shorten(x.Sentence.Of(article.Text).Trim(), MaxFallbackSummary),
                NamesIn(article, EntityTypes.Org, x.Sentence), NamesIn(article, EntityTypes.Agreement, x.Sentence)));
        return new BriefingTimeline([.. rows], true);
    }

    private static ImmutableArray<string> NamesIn(Article article, string type, TextSpan sentence) =>
        [.. article.EntitiesOf(type).Where(e => sentence.Contains(e.Start)).Select(NameOf).Distinct()];

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

    private static BriefingAgreements Agreements(Article article)
    {
        if (!article.Agreements.IsEmpty)
            return new BriefingAgreements([.. article.Agreements
                .OrderBy(a => a.Date ?? "~", StringComparer.Ordinal)
                .ThenBy(a => a.Mentions.IsEmpty ? int.MaxValue : a.Mentions.Min(m => m.Start))
                .Select(a => new AgreementRow(a.Canonical, a.CanonicalEn, a.Kind, a.Date, a.Action, a.Forum, a.Parties,
                    a.Mentions.Length))], false);

        return new BriefingAgreements([.. article.EntitiesOf(EntityTypes.Agreement)
            .GroupBy(NameOf)
            .Select(g => new AgreementRow(g.Key, g.Select(e => e.CanonicalEn).FirstOrDefault(n => n is not null),
                g.Select(e => e.Kind).FirstOrDefault(k => k is not null), null, null, null, [], g.Count()))], true);
    }

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

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
