namespace Pipeline.Model;

/// <summary>The language family an article is read in: it picks the rules, canonical names and models.</summary>
public enum DocumentLanguage { Chinese, English }

public static class Languages
{
    /// <summary>
    /// The language a metadata field names ("zh-CN" is Chinese; every other language is read with the
    /// English rules), else the script most letters are written in.
    /// </summary>
    public static (DocumentLanguage Language, string Code) Decide(string? declared, string text)
    {
        if (!string.IsNullOrWhiteSpace(declared))
            return (declared.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? DocumentLanguage.Chinese : DocumentLanguage.English,
                declared.Trim());
        var detected = Detect(text);
        return (detected, CodeOf(detected));
    }

    public static string CodeOf(DocumentLanguage language) => language == DocumentLanguage.Chinese ? "zh" : "en";

    /// <summary>
    /// Chinese when Han characters outweigh Latin letters, one character counting as much as four letters
    /// (about one English word); the first 20,000 characters decide.
    /// </summary>
    public static DocumentLanguage Detect(string text)
    {
        int han = 0, latin = 0;
        var limit = Math.Min(text.Length, 20_000);
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (Scripts.IsHan(c)) han++;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
        }
        return han * 4 >= latin && han > 0 ? DocumentLanguage.Chinese : DocumentLanguage.English;
    }
}

public static class Scripts
{
    /// <summary>A Han character of the BMP: the unified ideographs, extension A and the compatibility block.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Whether any letter a–z or A–Z occurs: an English rule's words cannot match text without one.</summary>
    public static bool HasAsciiLetter(string s) => s.AsSpan().ContainsAny(AsciiLetters);

    public static bool HasHan(string s)
    {
        foreach (var c in s)
            if (IsHan(c)) return true;
        return false;
    }
}
