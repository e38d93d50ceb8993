using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Ingest;

/// <summary>
/// .html/.htm: the article's text only, one paragraph per line. AngleSharp parses without a
/// browsing context, so nothing is ever fetched (no scripts, stylesheets, images, frames or
/// entities); HTML5 has no external entities to expand. A page nested deeper than browsers build
/// (<see cref="MaxDepth"/>) or with more elements than any article page has is refused while it is
/// being parsed: AngleSharp's tree building slows down with depth, and tree walks would recurse.
/// </summary>
public static class HtmlReader
{
    /// <summary>Chromium's parser stops nesting at 512 elements, so no page a browser shows needs more.</summary>
    public const int MaxDepth = 512;

    /// <summary>Long news pages have a few thousand elements; a hundred thousand is not an article.</summary>
    public const int MaxElements = 100_000;

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

    public static IngestedText Read(byte[] bytes, CancellationToken cancellation = default)
    {
        var decoded = TextDecoder.Decode(bytes);
        var document = Parse(decoded.Text, cancellation);

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
        Walk(root, line, text, cancellation);
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

    /// <summary>
    /// Parses with the limits checked as elements are created: an element is placed in the tree only
    /// after the callback for it, so each callback measures the depth of the one created before.
    /// </summary>
    private static IDocument Parse(string html, CancellationToken cancellation)
    {
        var created = 0;
        IElement? previous = null;
        var options = new HtmlParserOptions
        {
            IsScripting = false,
            OnCreated = (element, _) =>
            {
                if (++created > MaxElements)
                    throw new Stages.ArticleException($"HTML page has more than {MaxElements:N0} elements: not an article page");
                if (previous is not null && DepthReaches(previous, MaxDepth)) throw TooDeep();
                previous = element;
                // Per element, not per token: a token callback would turn off AngleSharp's fast tokenizer path.
                if ((created & 255) == 0) cancellation.ThrowIfCancellationRequested();
            },
        };
        return new HtmlParser(options).ParseDocument(html);
    }

    private static bool DepthReaches(INode node, int limit)
    {
        var depth = 0;
        for (var n = node.Parent; n is not null; n = n.Parent)
            if (++depth >= limit) return true;
        return false;
    }

    private static Stages.ArticleException TooDeep() =>
        new($"HTML nests elements more than {MaxDepth} deep (browsers stop at {MaxDepth}): not an article page");

    /// <summary>Depth-first over the tree with a stack of our own: the depth of the page never reaches the call stack.</summary>
    private static void Walk(INode root, StringBuilder line, StringBuilder text, CancellationToken cancellation)
    {
        var pending = new Stack<(INode Node, int Depth, bool Closing)>();
        PushChildren(root, 1);
        var visited = 0;
        while (pending.Count > 0)
        {
            var (node, depth, closing) = pending.Pop();
            if ((visited++ & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            if (node is IText t)
            {
                AppendCollapsed(line, t.Data);
                continue;
            }
            if (node is not IElement e) continue;
            var block = BlockTags.Contains(e.LocalName);
            if (block) Flush(line, text);
            if (closing) continue;
            if (depth > MaxDepth) throw TooDeep();
            pending.Push((e, depth, true));
            PushChildren(e, depth + 1);
        }

        void PushChildren(INode parent, int depth)
        {
            for (var child = parent.LastChild; child is not null; child = child.PreviousSibling)
                pending.Push((child, depth, false));
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
