using System.Buffers;
using System.Text;
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

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder, Indented = false };

    /// <summary>The entity as a node of a larger document (entities.json).</summary>
    public static JsonObject ToJson(Entity e, string doc, TextOffsets offsets)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, e, doc, offsets);
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>The one definition of an entity's JSON: written straight out, field by field (no tree built per entity).</summary>
    public static void Write(Utf8JsonWriter w, Entity e, string doc, TextOffsets offsets)
    {
        w.WriteStartObject();
        w.WriteString("doc", doc);
        w.WriteString("type", e.Type);
        w.WriteNumber("start", offsets.ToCodePoint(e.Start));
        w.WriteNumber("end", offsets.ToCodePoint(e.End));
        w.WriteString("text", e.Text);
        if (e.Value is not null) w.WriteString("value", e.Value);
        if (e.Canonical is not null) w.WriteString("canonical", e.Canonical);
        if (e.CanonicalEn is not null) w.WriteString("canonical_en", e.CanonicalEn);
        if (e.Kind is not null) w.WriteString("kind", e.Kind);
        if (e.Reference is not null)
        {
            w.WriteStartObject("reference");
            w.WriteString("date", e.Reference.Date.ToString("yyyy-MM-dd"));
            w.WriteString("origin", e.Reference.Origin);
            // Resolved against the file time: the value is a guess, not something the text says.
            if (e.Reference.Guessed) w.WriteBoolean("guessed", true);
            w.WriteEndObject();
        }
        if (e.Ambiguous) w.WriteBoolean("ambiguous", true);
        w.WriteNumber("confidence", Math.Round(e.Confidence, 4));
        w.WriteString("source", e.Source);
        w.WriteEndObject();
    }

    /// <summary>One JSON object per entity, in text order, each followed by a line break.</summary>
    public static void AppendLines(Article article, StringBuilder into)
    {
        var offsets = new TextOffsets(article.Text);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        foreach (var e in article.Entities)
        {
            writer.Reset(buffer);
            Write(writer, e, article.Id, offsets);
            writer.Flush();
            buffer.Write("\n"u8);
            // Decoded into the caller's text a few KB at a time, not as a string per line, nor all at once (a long
            // document has a hundred thousand lines).
            if (buffer.WrittenCount >= FlushBytes) Decode(buffer, into);
        }
        Decode(buffer, into);
    }

    private const int FlushBytes = 16 * 1024;

    private static void Decode(ArrayBufferWriter<byte> buffer, StringBuilder into)
    {
        if (buffer.WrittenCount == 0) return;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount));
        into.Append(chars, 0, Encoding.UTF8.GetChars(buffer.WrittenSpan, chars));
        ArrayPool<char>.Shared.Return(chars);
        buffer.ResetWrittenCount();
    }
}
