using System.Text;

namespace Pipeline.Recognition;

/// <summary>
/// Turns text tokenised CoNLL-style ("Germany 's representative said ( in Bonn ) ." — tokens joined by single
/// spaces) back into prose ("Germany's representative said (in Bonn)."), carrying span offsets along, so the
/// English tagger also learns from text written the way real input is.
/// </summary>
public static class Detokeniser
{
    private static readonly HashSet<string> NoSpaceBefore =
        [".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "...", "'"];

    private static readonly HashSet<string> NoSpaceAfter = ["(", "[", "{", "$", "#"];

    public static TrainingDocument Apply(TrainingDocument doc)
    {
        var text = doc.Text;
        var map = new int[text.Length + 1]; // old offset → new offset (token starts and ends)
        var sb = new StringBuilder(text.Length);
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var quoteOpen = false;
            var previous = "";
            var first = true;
            var i = lineStart;
            while (i < lineEnd)
            {
                if (text[i] == ' ') { map[i] = sb.Length; i++; continue; }
                var end = text.IndexOf(' ', i, lineEnd - i);
                if (end < 0) end = lineEnd;
                var token = text[i..end];
                var space = !first;
                if (NoSpaceBefore.Contains(token) || NoSpaceAfter.Contains(previous)) space = false;
                if (token == "\"")
                {
                    if (quoteOpen) space = false;
                    quoteOpen = !quoteOpen;
                }
                else if (previous == "\"" && quoteOpen) space = false;
                if (space) sb.Append(' ');
                for (var k = i; k < end; k++)
                {
                    map[k] = sb.Length;
                    sb.Append(text[k]);
                }
                map[end] = sb.Length;
                previous = token;
                first = false;
                i = end;
            }
            map[lineEnd] = sb.Length;
            if (lineEnd == text.Length) break;
            sb.Append('\n');
            lineStart = lineEnd + 1;
        }
        var spans = doc.Spans.Select(s => (map[s.Start], map[s.End], s.Type)).ToList();
        return new TrainingDocument(doc.Id + "#prose", sb.ToString(), spans);
    }
}
