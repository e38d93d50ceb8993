namespace Pipeline.Ingest;

/// <summary>.txt: the decoded text as it is.</summary>
public static class PlainTextReader
{
    public static IngestedText Read(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        return new IngestedText(decoded.Text, "txt", decoded.EncodingName);
    }
}

/// <summary>
/// .md: an optional front matter block (`---` / `key: value` lines / `---`) gives metadata;
/// the article text is everything after it, so offsets count from the first character of the body.
/// The body keeps its Markdown as written (offsets must match the file).
/// </summary>
public static class MarkdownReader
{
    public static IngestedText Read(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        var (fields, body) = SplitFrontMatter(decoded.Text);
        if (string.IsNullOrWhiteSpace(body)) throw new Stages.ArticleException("empty file (front matter but no text)");
        return new IngestedText(body, "md", decoded.EncodingName)
        {
            Title = fields.GetValueOrDefault("title"),
            Date = IsoDate.TryParse(fields.GetValueOrDefault("date")),
            Publisher = fields.GetValueOrDefault("source"),
            Url = fields.GetValueOrDefault("url"),
            Language = fields.GetValueOrDefault("language") ?? fields.GetValueOrDefault("lang"),
        };
    }

    public static (Dictionary<string, string> Fields, string Body) SplitFrontMatter(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!(text.StartsWith("---\n") || text.StartsWith("---\r\n"))) return (fields, text);
        var pos = text.IndexOf('\n') + 1;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text[pos..lineEnd].TrimEnd('\r');
            var next = end < 0 ? text.Length : end + 1;
            if (line is "---" or "...") return (fields, text[next..]);
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                var value = line[(colon + 1)..].Trim().Trim('"', '\'');
                if (value.Length > 0) fields[line[..colon].Trim()] = value;
            }
            pos = next;
        }
        // No closing line: not front matter after all, the whole file is the article.
        return (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), text);
    }
}
