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
        for (var i = 0; i < builder.Count; i++)
        {
            var e = builder[i];
            if (e.Type != EntityTypes.Org || e.Source == OrganisationsStage.GazetteerSource) continue;
            for (var j = 0; j < i; j++)
            {
                var full = builder[j];
                if (full.Type != EntityTypes.Org || full.End > e.Start || full.Text.Length <= e.Text.Length) continue;
                if (!IsShortFormOf(e.Text, full.Text)) continue;
                builder[i] = e with { Canonical = full.Canonical ?? full.Text, CanonicalEn = full.CanonicalEn };
                break;
            }
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
        if (!DocumentLanguages.IsCjk(shortForm[0])) return false;
        if (shortForm[^1] != full[^1]) return false;
        var k = 0;
        foreach (var c in full)
            if (k < shortForm.Length && c == shortForm[k]) k++;
        return k == shortForm.Length && full[0] == shortForm[0];
    }
}
