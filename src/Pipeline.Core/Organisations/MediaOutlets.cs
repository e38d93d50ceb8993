using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// A news organisation's website or news brand written as its name and 网 or 新闻: 中国日报网, 央视新闻. The outlet is
/// what the text cites, so the longer name is the mention and its own canonical (网络, 网站 and 新闻联播 go on as other words).
/// </summary>
public static class MediaOutlets
{
    // After 网: 网络, 网站, 网民, 网友… are words of their own, not the site's name.
    private const string NotAfterWang = "络站民友上页点球址购店红评";

    // After 新闻: the brand is cited (央视新闻客户端, 央视新闻报道, 央视新闻消息); 新闻联播, 新闻频道 are programmes.
    private static readonly string[] AfterXinwen = ["客户端", "报道", "消息", "称", "获悉", "记者", "援引"];

    /// <summary>The end of the outlet's name after a news organisation's name ending at <paramref name="end"/>, or -1.</summary>
    public static int OutletEnd(string text, int end, int limit)
    {
        if (end < limit && text[end] == '网' && (end + 1 == text.Length || !NotAfterWang.Contains(text[end + 1])))
            return end + 1;
        if (end + 2 <= limit && string.CompareOrdinal(text, end, "新闻", 0, 2) == 0)
        {
            var next = end + 2;
            if (next == text.Length || !Scripts.IsHan(text[next]) || AfterXinwen.Any(w => text.AsSpan(next).StartsWith(w, StringComparison.Ordinal)))
                return next;
        }
        return -1;
    }
}
