namespace Pipeline.Ingest;

/// <summary>
/// The headline of an article whose file carries no title: its first line, when that line reads like one
/// (short, one sentence at most, more text below it, not a salutation or a list lead-in). News wires and
/// pasted articles put the headline there; a first line that is already body text is not taken.
/// </summary>
public static class Headline
{
    public const string Origin = "first-line";

    // Longer than this the line is a paragraph: Chinese headlines run to about 30 characters, English to 15 words.
    private const int MaxCjkLength = 48;
    private const int MaxLatinLength = 160;

    public static string? FromFirstLine(string text)
    {
        // The first line with a visible character, and more text below it (found without splitting the whole text).
        var visible = IndexOfVisible(text, 0);
        if (visible < 0) return null;
        var lineStart = text.LastIndexOf('\n', visible) + 1;
        var lineEnd = text.IndexOf('\n', visible);
        if (lineEnd < 0 || IndexOfVisible(text, lineEnd + 1) < 0) return null;

        var line = text[lineStart..lineEnd].Trim().TrimStart('#').Trim();
        if (line.Length == 0) return null;
        var cjk = line.Count(c => c is >= '\u3400' and <= '\u9FFF');
        if (line.Length > (cjk * 3 >= line.Length ? MaxCjkLength : MaxLatinLength)) return null;
        if (line[^1] is ':' or '：' or ',' or '，' or '、' or ';' or '；') return null;

        // One sentence at most: a terminator anywhere but at the end means the line is body text.
        for (var i = 0; i < line.Length - 1; i++)
            if (line[i] is '。' or '！' or '？' || line[i] is '.' or '!' or '?' && line[i + 1] == ' ' && char.IsUpper(NextLetter(line, i + 1)))
                return null;

        // Wire headlines sometimes end in a full stop ("EU rejects German call to boycott British lamb ."); a title does not.
        return line.TrimEnd('.', '。', ' ').Trim() is { Length: > 0 } title ? title : null;
    }

    private static int IndexOfVisible(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (!char.IsWhiteSpace(text[i])) return i;
        return -1;
    }

    private static char NextLetter(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
            if (!char.IsWhiteSpace(s[i])) return s[i];
        return ' ';
    }
}
