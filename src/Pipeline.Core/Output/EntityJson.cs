using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Model;

namespace Pipeline.Output;

/// <summary>
/// The entity line of docs/annotation.md (what `extract` prints and score.py reads):
/// offsets in code points, `value` for DATE, `canonical` for ORG and AGREEMENT.
/// </summary>
public static class EntityJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static JsonObject ToJson(Entity e, string doc, TextOffsets offsets)
    {
        var o = new JsonObject
        {
            ["doc"] = doc,
            ["type"] = e.Type,
            ["start"] = offsets.ToCodePoint(e.Start),
            ["end"] = offsets.ToCodePoint(e.End),
            ["text"] = e.Text,
        };
        if (e.Value is not null) o["value"] = e.Value;
        if (e.Canonical is not null) o["canonical"] = e.Canonical;
        if (e.CanonicalEn is not null) o["canonical_en"] = e.CanonicalEn;
        if (e.Kind is not null) o["kind"] = e.Kind;
        if (e.Reference is not null)
        {
            var reference = new JsonObject
            {
                ["date"] = e.Reference.Date.ToString("yyyy-MM-dd"),
                ["origin"] = e.Reference.Origin,
            };
            // Resolved against the file time: the value is a guess, not something the text says.
            if (e.Reference.Guessed) reference["guessed"] = true;
            o["reference"] = reference;
        }
        if (e.Ambiguous) o["ambiguous"] = true;
        o["confidence"] = Math.Round(e.Confidence, 4);
        o["source"] = e.Source;
        return o;
    }

    /// <summary>One JSON object per entity, in text order.</summary>
    public static IEnumerable<string> Lines(Article article)
    {
        var offsets = new TextOffsets(article.Text);
        return article.Entities.Select(e => ToJson(e, article.Id, offsets).ToJsonString(Options));
    }
}
