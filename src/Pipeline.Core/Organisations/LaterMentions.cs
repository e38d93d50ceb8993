using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// The uses of a word that, once an article has named a body, refer to that body (an acronym it defined, "Parliament"
/// after "the European Parliament"): every whole-word occurrence after the body that no entity covers.
/// </summary>
internal static class LaterMentions
{
    /// <param name="isPartOfAnother">an occurrence that belongs to another name (Security Council), judged by its span.</param>
    public static IEnumerable<Entity> Of(string text, string word, Entity body, SpanIndex covered, string source,
        Func<int, int, bool>? isPartOfAnother = null)
    {
        for (var at = text.IndexOf(word, body.End, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]) || end < text.Length && char.IsAsciiLetterOrDigit(text[end])) continue;
            if (isPartOfAnother?.Invoke(at, end) == true || covered.AnyOverlaps(new TextSpan(at, end))) continue;
            yield return new Entity(EntityTypes.Org, at, end, word, source, RuleConfidence.Likely)
            {
                Canonical = body.Canonical ?? body.Text, CanonicalEn = body.CanonicalEn, Kind = body.Kind,
            };
        }
    }
}
