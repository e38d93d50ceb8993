using System.Text;

namespace Pipeline.Reports.Document;

/// <summary>Makes arbitrary input text safe to show: XML forbids most control characters and fonts have no glyph for them.</summary>
public static class ReportText
{
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r') { if (i + 1 >= text.Length || text[i + 1] != '\n') sb.Append('\n'); }
            else if (c == '\t') sb.Append(' ');
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) sb.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c)) sb.Append('\uFFFD'); // a lone half of a pair is not valid XML
            else if (c == '\n' || !char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    // Called for every run of every report: a plain loop, not LINQ, since almost all text is already clean.
    private static bool IsClean(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c) && c != '\n' || char.IsSurrogate(c)) return false;
        return true;
    }
}
