using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Reports.Model;

/// <summary>
/// The lead of a briefing: 3–5 sentences of the article, chosen for what they carry (agreements, the
/// organisations that made them, dates), so a reader learns in seconds who agreed what and when.
/// Extractive on purpose: every word is the article's own. Sentences are picked greedily, each scored
/// on what the ones already picked do not yet say, and shown in article order.
/// </summary>
public static class KeySentences
{
    public const int Min = 3, Max = 5;

    // Weights of what a sentence carries: an agreement is the news, an organisation its actor, a date its when.
    private const double AgreementWeight = 3, RecordedActionWeight = 2, OrganisationWeight = 1.5, DateWeight = 1;
    // News puts the essentials first (inverted pyramid).
    private static readonly double[] PositionBonus = [1.5, 1, 0.5];

    public static ImmutableArray<string> Select(Article article, string? title)
    {
        var candidates = Sentences(article, title);
        if (candidates.Count == 0) return [];

        var chosen = new List<Candidate>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < Max)
        {
            Candidate? best = null;
            var bestScore = 0.0;
            foreach (var c in candidates)
            {
                if (chosen.Contains(c)) continue;
                var score = c.Score(covered);
                if (score > bestScore) (best, bestScore) = (c, score);
            }
            // Past the minimum, a sentence that adds nothing new is left out.
            if (best is null || chosen.Count >= Min && bestScore < DateWeight) break;
            chosen.Add(best);
            covered.UnionWith(best.Facts.Keys);
        }
        // Too few sentences carry anything: the opening sentences stand in, as a news lead would.
        foreach (var c in candidates)
        {
            if (chosen.Count >= Min) break;
            if (!chosen.Contains(c)) chosen.Add(c);
        }
        return [.. chosen.OrderBy(c => c.Span.Start).Select(c => c.Text)];
    }

    private static List<Candidate> Sentences(Article article, string? title)
    {
        var spans = article.Sentences.IsEmpty ? article.Paragraphs : article.Sentences;
        var recorded = article.Agreements.Where(a => a.Action is not null || a.Date is not null)
            .SelectMany(a => a.Mentions).ToList();
        var list = new List<Candidate>();
        var position = 0;
        foreach (var span in spans)
        {
            var text = Collapse(span.Of(article.Text));
            if (!Readable(text) || title is not null && text.TrimEnd('.', '。') == title) continue;
            var facts = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var e in article.Entities.Where(e => e.Start >= span.Start && e.Start < span.End))
            {
                var (key, weight) = e.Type switch
                {
                    EntityTypes.Agreement => ("A:" + (e.Canonical ?? e.Text), AgreementWeight),
                    EntityTypes.Org => ("O:" + (e.Canonical ?? e.Text), OrganisationWeight),
                    EntityTypes.Date when e.Value is not null => ("D:" + e.Value, DateWeight),
                    _ => ("", 0),
                };
                if (weight > 0) facts[key] = weight;
            }
            if (recorded.Any(m => span.Contains(m.Start))) facts["R:" + span.Start] = RecordedActionWeight;
            var bonus = position < PositionBonus.Length ? PositionBonus[position] : 0;
            list.Add(new Candidate(span, text, facts, bonus));
            position++;
        }
        return list;
    }

    /// <summary>Long enough to say something, short enough to read as one sentence (not a table or a list run together).</summary>
    private static bool Readable(string text)
    {
        var cjk = text.Count(c => c is >= '\u3400' and <= '\u9FFF');
        var chinese = cjk * 3 >= text.Length;
        return chinese ? text.Length is >= 12 and <= 180 : text.Length is >= 40 and <= 400;
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Candidate(TextSpan Span, string Text, Dictionary<string, double> Facts, double PositionBonus)
    {
        /// <summary>What the sentence adds: facts already covered count a quarter.</summary>
        public double Score(HashSet<string> covered) =>
            Facts.Sum(f => covered.Contains(f.Key) ? f.Value / 4 : f.Value) + (Facts.Count > 0 ? PositionBonus : PositionBonus / 2);
    }
}
