using System.Text.Json.Nodes;
using Pipeline.Model;

namespace Pipeline.Output;

/// <summary>
/// entities.json: everything the pipeline learned about one article, machine-readable. Its shape is the
/// contract in schemas/entities.schema.json; <see cref="SchemaVersion"/> changes whenever a field changes
/// meaning or goes away (new fields may appear within a version).
/// </summary>
public static class ArticleJson
{
    public const int SchemaVersion = 1;

    public static JsonObject ToJson(Article article)
    {
        var offsets = new TextOffsets(article.Text);
        var m = article.Metadata;
        JsonNode? Sourced<T>(Sourced<T>? s, Func<T, string> show) =>
            s is null ? null : new JsonObject { ["value"] = show(s.Value), ["origin"] = s.Origin };
        JsonObject Span(TextSpan s) => new() { ["start"] = offsets.ToCodePoint(s.Start), ["end"] = offsets.ToCodePoint(s.End) };

        return new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["doc"] = article.Id,
            ["metadata"] = new JsonObject
            {
                ["title"] = Sourced(m.Title, v => v),
                ["source"] = Sourced(m.Publisher, v => v),
                ["url"] = Sourced(m.Url, v => v),
                ["language"] = Sourced(m.Language, v => v),
                ["date"] = DocumentDate(m),
                ["date_as_written"] = m.DocumentDateAsWritten,
                ["format"] = m.Format,
                ["encoding"] = m.Encoding,
                ["characters"] = offsets.ToCodePoint(article.Text.Length),
            },
            ["counts"] = new JsonObject([.. EntityTypes.Emitted.Select(t =>
                KeyValuePair.Create(t, (JsonNode?)article.EntitiesOf(t).Count()))]),
            ["entities"] = new JsonArray([.. article.Entities.Select(e => (JsonNode)EntityJson.ToJson(e, article.Id, offsets))]),
            ["agreements"] = new JsonArray([.. article.Agreements.Select(a => (JsonNode)new JsonObject
            {
                ["canonical"] = a.Canonical,
                ["canonical_en"] = a.CanonicalEn,
                ["kind"] = a.Kind,
                ["date"] = a.Date,
                ["action"] = a.Action,
                ["forum"] = a.Forum,
                ["parties"] = new JsonArray([.. a.Parties.Select(p => (JsonNode)JsonValue.Create(p))]),
                ["evidence"] = a.Evidence,
                ["mentions"] = new JsonArray([.. a.Mentions.Select(s => (JsonNode)Span(s))]),
            })]),
            ["timeline"] = new JsonArray([.. article.Timeline.Select(t => (JsonNode)new JsonObject
            {
                ["date"] = t.Date,
                ["summary"] = t.Summary,
                ["sentence"] = Span(t.Sentence),
                ["organisations"] = new JsonArray([.. t.Organisations.Select(x => (JsonNode)JsonValue.Create(x))]),
                ["agreements"] = new JsonArray([.. t.Agreements.Select(x => (JsonNode)JsonValue.Create(x))]),
            })]),
            ["warnings"] = new JsonArray([.. article.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
            ["failures"] = new JsonArray([.. article.Failures.Select(f => (JsonNode)new JsonObject
            {
                ["stage"] = f.Stage,
                ["reason"] = f.Reason,
            })]),
        };
    }

    /// <summary>The document date, where it came from, how sure it is and why; "guessed" when it is only the file time.</summary>
    private static JsonObject? DocumentDate(ArticleMetadata m)
    {
        if (m.DocumentDate is not { } d) return null;
        var o = new JsonObject { ["value"] = d.Value.ToString("yyyy-MM-dd"), ["origin"] = d.Origin };
        if (m.DocumentDateConfidence is { } c)
        {
            o["confidence"] = Math.Round(c, 2);
            o["level"] = DateOrigins.LevelOf(c);
        }
        if (m.DocumentDateEvidence is { } e) o["evidence"] = e;
        if (DateOrigins.IsGuess(d.Origin)) o["guessed"] = true;
        return o;
    }

    public static string Serialize(Article article) => ToJson(article).ToJsonString(EntityJson.Indented);
}
