using System.Text.RegularExpressions;

namespace Pipeline.Agreements;

/// <summary>What was done to an instrument, and where the verb stands.</summary>
public readonly record struct ActionMention(string Action, int Start, int End)
{
    /// <summary>Done, not planned: the instrument exists.</summary>
    public bool IsAccomplished => Action is Actions.Signed or Actions.Adopted or Actions.Issued or Actions.Approved or Actions.InForce or Actions.Acceded;
}

public static class Actions
{
    public const string Signed = "signed";
    public const string Adopted = "adopted";
    public const string Issued = "issued";
    public const string Approved = "approved";
    public const string InForce = "in force";
    public const string Negotiating = "negotiating";
    public const string Planned = "planned";
    public const string Acceded = "acceded";
}

/// <summary>The verbs that adopt, sign, issue or plan an instrument, Chinese and English.</summary>
public static partial class ActionVerbs
{
    // Longest first, so 批准通过 is "adopted" and not "approved".
    private static readonly (string Verb, string Action)[] Chinese =
    [
        ("批准通过", Actions.Adopted), ("审议通过", Actions.Adopted), ("表决通过", Actions.Adopted), ("一致通过", Actions.Adopted),
        ("签署", Actions.Signed), ("签订", Actions.Signed), ("缔结", Actions.Signed), ("签约", Actions.Signed), ("续签", Actions.Signed),
        ("商签", Actions.Negotiating), ("谈判", Actions.Negotiating), ("磋商", Actions.Negotiating), ("商谈", Actions.Negotiating),
        ("通过", Actions.Adopted), ("写入", Actions.Adopted), ("达成", Actions.Adopted), ("制定", Actions.Adopted),
        ("发表", Actions.Issued), ("发布", Actions.Issued), ("公布", Actions.Issued),
        ("批准", Actions.Approved), ("核准", Actions.Approved), ("加入", Actions.Acceded),
        ("正式生效", Actions.InForce), ("生效", Actions.InForce), ("正式实施", Actions.InForce),
    ];

    // A verb after these words is still to be done: 拟签署, 将签署, 要加快…签署.
    private static readonly string[] ChineseFuture = ["拟", "将", "要", "加快", "准备", "争取", "尽快", "计划", "有望", "即将", "同意", "申请", "推动", "启动"];

    private static readonly string[] ObjectMarkers = ["将其", "将之", "将该", "将此", "将这", "将它", "将上述"];

    // A headline's present tense is a report: "ministers adopt joint communiqué".
    [GeneratedRegex(@"\b(?<planned>will\s+(?:sign|adopt|issue|conclude)|(?:plan|plans|planned|intend|intends|agreed|agree|expect|expects|expected|hope|hopes|aim|aims|aimed|seek|seeks)\s+to\s+(?:sign|adopt|conclude)|to\s+be\s+signed)\b|\b(?<inforce>entered\s+into\s+force|enter\s+into\s+force|came\s+into\s+force|took\s+effect|in\s+force)\b|\b(?<negotiating>negotiat\w+|talks\s+on)\b|\b(?<signed>signed|signing|signs|sign|concluded|inked|inks)\b|\b(?<adopted>adopted|adopting|adopts|adopt|agreed|endorsed)\b|\b(?<issued>issued|announced|released|published|unveiled)\b|\b(?<approved>approved|ratified)\b|\b(?<acceded>acceded|joined)\b")]
    private static partial Regex English();

    /// <summary>Every action verb in text[start..end).</summary>
    public static List<ActionMention> FindIn(string text, int start, int end, bool chinese)
    {
        var found = new List<ActionMention>();
        if (chinese)
        {
            var segment = text[start..end];
            foreach (var (verb, action) in Chinese)
                for (var i = segment.IndexOf(verb, StringComparison.Ordinal); i >= 0; i = segment.IndexOf(verb, i + 1, StringComparison.Ordinal))
                {
                    var s = start + i;
                    var e = s + verb.Length;
                    if (found.Any(f => f.Start < e && s < f.End)) continue;
                    found.Add(new ActionMention(IsFuture(text, s, start) && action is Actions.Signed or Actions.Adopted or Actions.Issued or Actions.Acceded
                        ? Actions.Planned : action, s, e));
                }
        }
        else
        {
            foreach (Match m in English().Matches(text[start..end]))
            {
                var group = m.Groups.Cast<Group>().Skip(1).First(g => g.Success);
                var action = group.Name switch
                {
                    "planned" => Actions.Planned, "inforce" => Actions.InForce, "negotiating" => Actions.Negotiating,
                    "signed" => Actions.Signed, "adopted" => Actions.Adopted, "issued" => Actions.Issued, "acceded" => Actions.Acceded,
                    _ => Actions.Approved,
                };
                found.Add(new ActionMention(action, start + m.Index, start + m.Index + m.Length));
            }
        }
        return found.OrderBy(f => f.Start).ToList();
    }

    private static bool IsFuture(string text, int verbStart, int limit)
    {
        var from = Math.Max(limit, verbStart - 12);
        var before = text[from..verbStart];
        var cut = before.LastIndexOfAny(['，', '。', '；', '、', '“', '”']);
        if (cut >= 0) before = before[(cut + 1)..];
        // 将 before a pronoun marks the object (并将其写入 = and wrote it into), not the future.
        foreach (var objectMarker in ObjectMarkers) before = before.Replace(objectMarker, "");
        return ChineseFuture.Any(before.Contains) && !before.EndsWith('已') && !before.EndsWith("已经");
    }
}
