using Pipeline.Model;

namespace Pipeline.Organisations;

public enum DocumentLanguage { Chinese, English }

public static class DocumentLanguages
{
    /// <summary>The metadata's language when it names one, else the script most letters are written in.</summary>
    public static DocumentLanguage Of(Article article)
    {
        var declared = article.Metadata.Language?.Value;
        if (!string.IsNullOrWhiteSpace(declared))
            return declared.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? DocumentLanguage.Chinese : DocumentLanguage.English;
        return Detect(article.Text);
    }

    /// <summary>Chinese when CJK ideographs outweigh Latin letters, one ideograph counting as much as four letters (about one English word).</summary>
    public static DocumentLanguage Detect(string text)
    {
        int cjk = 0, latin = 0;
        var limit = Math.Min(text.Length, 20_000);
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (IsCjk(c)) cjk++;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
        }
        return cjk * 4 >= latin && cjk > 0 ? DocumentLanguage.Chinese : DocumentLanguage.English;
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
