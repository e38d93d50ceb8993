using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// Document-level aliasing for names the gazetteer lacks: a later short form of a name written out in
/// full earlier (国家反洗钱监测中心 … 反洗钱监测中心, 中国—东盟博览会秘书处 … 博览会秘书处) takes the full name's canonical.
/// </summary>
public static class AliasResolver
{
    public static ImmutableArray<Entity> ResolveShortForms(ImmutableArray<Entity> entities)
    {
        var builder = entities.ToBuilder();
        // Earlier names the gazetteer did not know, by last character (a short form keeps the last one).
        var earlier = new Dictionary<char, List<Entity>>();
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (e.Type != EntityTypes.Org || e.Source == RuleIds.OrgGazetteer || e.Text.Length == 0) continue;
            if (earlier.TryGetValue(e.Text[^1], out var names))
                foreach (var full in names)
                    if (full.End <= e.Start && IsShortFormOf(e.Text, full.Text))
                    {
                        builder[i] = e = e with { Canonical = full.Canonical ?? full.Text, CanonicalEn = full.CanonicalEn };
                        break;
                    }
            if (!earlier.TryGetValue(e.Text[^1], out names)) earlier[e.Text[^1]] = names = [];
            if (names.Count < 50 && !names.Any(n => n.Text == e.Text)) names.Add(e);
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// Chinese: same last character and every character of the short form in order in the full one
    /// (国家监委 of 国家监察委员会). English: the full name ends with the short one ("the Forum" style
    /// references are left alone; "Islands Forum" of "Pacific Islands Forum" is taken).
    /// </summary>
    public static bool IsShortFormOf(string shortForm, string full)
    {
        if (shortForm.Length < 2 || shortForm.Length >= full.Length) return false;
        if (full.EndsWith(" " + shortForm, StringComparison.Ordinal)) return shortForm.Contains(' ');
        if (!Scripts.IsHan(shortForm[0])) return false;
        if (shortForm[^1] != full[^1]) return false;
        var k = 0;
        foreach (var c in full)
            if (k < shortForm.Length && c == shortForm[k]) k++;
        return k == shortForm.Length && full[0] == shortForm[0];
    }
}
