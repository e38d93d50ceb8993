namespace Pipeline.Organisations;

/// <summary>
/// Canonical forms of names the gazetteer cannot list one by one because every province and city has one:
/// a local party committee is the party's (深圳市委 → 中共深圳市委), a local development and reform
/// commission is written out (广东省发展改革委 → 广东省发展和改革委员会).
/// </summary>
public static class ChineseCanonicalNames
{
    private static readonly string[] PartyCommittees = ["省委", "市委", "县委", "区委", "州委", "自治区党委"];

    private static readonly (string Short, string Full)[] CommissionForms =
    [
        ("发展改革委", "发展和改革委员会"), ("发改委", "发展和改革委员会"),
    ];

    public static string Expand(string name)
    {
        foreach (var committee in PartyCommittees)
            if (name.Length >= committee.Length + 2 && name.EndsWith(committee, StringComparison.Ordinal) &&
                !name.StartsWith("中共", StringComparison.Ordinal) && !name.StartsWith("中国共产党", StringComparison.Ordinal))
                return "中共" + name;
        foreach (var (shortForm, full) in CommissionForms)
            if (name.Length > shortForm.Length && name.EndsWith(shortForm, StringComparison.Ordinal))
                return name[..^shortForm.Length] + full;
        return name;
    }
}
