namespace Pipeline.Reports;

/// <summary>
/// Links in a report model are format-neutral: "#anchor" (a heading or row of the same document), a web or
/// mail URL, or "briefing:FILE" (the briefing of an article, in the same format as the document that links to it).
/// </summary>
public static class ReportLinks
{
    public const string BriefingPrefix = "briefing:";

    public static string Briefing(string fileName) => BriefingPrefix + fileName;

    /// <summary>The link as a target in <paramref name="format"/>; null when it should not be clickable.</summary>
    public static string? Resolve(string? link, string format)
    {
        if (string.IsNullOrEmpty(link)) return null;
        if (link.StartsWith('#')) return link;
        // The overview sits beside the article folders (output/NAME/briefing.FORMAT): a relative link works from disk.
        if (link.StartsWith(BriefingPrefix, StringComparison.Ordinal))
            return $"{Uri.EscapeDataString(link[BriefingPrefix.Length..])}/briefing.{format}";
        // Only web and mail links: a sidecar may hold anything in its url field.
        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
    }

    public static bool IsRelative(string target) => !target.StartsWith('#') && !Uri.TryCreate(target, UriKind.Absolute, out _);
}
