using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Ingest;

/// <summary>
/// .html/.htm: the article's text only, one paragraph per line. AngleSharp parses without a
/// browsing context, so nothing is ever fetched (no scripts, stylesheets, images, frames or
/// entities); HTML5 has no external entities to expand.
/// </summary>
public static class HtmlReader
{
    // Page furniture that is not part of the article.
    private const string Furniture =
        "script, style, noscript, template, nav, header, footer, aside, form, iframe, object, embed, svg, canvas, button, select, textarea, dialog";

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "caption", "figcaption", "figure", "address", "hr", "br",
        "center", "body",
    };

    private static readonly string[] DateMeta =
    [
        "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate",
        "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date",
    ];

    public static IngestedText Read(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(decoded.Text);

        var title = Meta(document, "og:title") ?? NonEmpty(document.Title) ?? NonEmpty(document.QuerySelector("h1")?.TextContent);
        var date = DateMeta.Select(name => IsoDate.TryParse(Meta(document, name))).FirstOrDefault(d => d is not null)
                   ?? IsoDate.TryParse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var language = document.DocumentElement.GetAttribute("lang")?.Trim();

        foreach (var element in document.QuerySelectorAll(Furniture).ToList()) element.Remove();
        // Prefer the article itself when the page marks it; otherwise the whole body.
        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body
                   ?? (IElement)document.DocumentElement;

        var text = new StringBuilder();
        var line = new StringBuilder();
        Walk(root, line, text);
        Flush(line, text);
        var result = text.ToString().TrimEnd('\n');
        if (string.IsNullOrWhiteSpace(result)) throw new Stages.ArticleException("HTML page has no article text");

        return new IngestedText(result, "html", decoded.EncodingName)
        {
            Title = title,
            Date = date,
            Publisher = Meta(document, "og:site_name"),
            Url = Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            Language = string.IsNullOrEmpty(language) ? null : language,
        };
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase)
                && meta.GetAttribute("content")?.Trim() is { Length: > 0 } content)
                return content;
        }
        return null;
    }

    private static void Walk(INode node, StringBuilder line, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                AppendCollapsed(line, t.Data);
                continue;
            }
            if (child is not IElement e) continue;
            var block = BlockTags.Contains(e.LocalName);
            if (block) Flush(line, text);
            Walk(e, line, text);
            if (block) Flush(line, text);
        }
    }

    /// <summary>HTML white space rules: runs of spaces and line breaks inside a paragraph are one space.</summary>
    private static void AppendCollapsed(StringBuilder line, string data)
    {
        foreach (var c in data)
        {
            if (c is ' ' or '\n' or '\r' or '\t' or '\f')
            {
                if (line.Length > 0 && line[^1] != ' ') line.Append(' ');
            }
            else line.Append(c);
        }
    }

    private static void Flush(StringBuilder line, StringBuilder text)
    {
        var s = line.ToString().Trim();
        line.Clear();
        if (s.Length > 0) text.Append(s).Append('\n');
    }
}
