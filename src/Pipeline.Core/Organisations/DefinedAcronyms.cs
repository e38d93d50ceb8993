using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// "the Democratic Forces for the Liberation of Rwanda (FDLR)", "国际科学组织联盟（ANSO）": a name followed by its acronym in
/// brackets defines the acronym for the article. The bracketed acronym and every later bare use of it are mentions of
/// that organisation, with its canonical name.
/// </summary>
public static partial class DefinedAcronyms
{
    [GeneratedRegex(@"^\s?[(（]([A-Z][A-Za-z&]{1,9})[)）]")]
    private static partial Regex BracketedAcronym();

    public static ImmutableArray<Entity> Apply(string text, ImmutableArray<Entity> entities)
    {
        var definitions = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var added = new List<Entity>();
        foreach (var e in entities)
        {
            if (e.Type != EntityTypes.Org || e.End - e.Start < 4) continue;
            var m = BracketedAcronym().Match(text, e.End, Math.Min(14, text.Length - e.End));
            if (!m.Success || m.Index != e.End) continue;
            var acronym = m.Groups[1].Value;
            if (acronym.Count(char.IsAsciiLetterUpper) < 2 || !Fits(acronym, e.Text) || definitions.ContainsKey(acronym)) continue;
            definitions[acronym] = e;
        }
        if (definitions.Count == 0) return entities;

        var covered = new SpanIndex(entities.Select(x => new TextSpan(x.Start, x.End)));
        var builder = entities.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
            // A use the rules read as something else of the same letters keeps their canonical when the gazetteer knows it.
            if (builder[i] is { Type: EntityTypes.Org } o && o.Source != RuleIds.OrgGazetteer && definitions.TryGetValue(o.Text, out var full)
                && full.Start < o.Start)
                builder[i] = o with { Canonical = full.Canonical ?? full.Text, CanonicalEn = full.CanonicalEn };
        foreach (var (acronym, full) in definitions)
            added.AddRange(LaterMentions.Of(text, acronym, full, covered, RuleIds.OrgDefinedAcronym));
        return added.Count == 0 ? builder.ToImmutable() : [.. builder.Concat(added).OrderBy(x => x.Start)];
    }

    /// <summary>
    /// An English name's acronym takes its letters in order from the initials of its words (FDLR from Forces
    /// Démocratiques de Libération du Rwanda; ECA from European Club Association); a Chinese name may have any.
    /// </summary>
    private static bool Fits(string acronym, string name)
    {
        if (Scripts.HasHan(name)) return true;
        var initials = string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])));
        var k = 0;
        foreach (var c in initials)
            if (k < acronym.Length && c == char.ToUpperInvariant(acronym[k])) k++;
        return k == acronym.Length || k >= 2 && char.ToUpperInvariant(acronym[0]) == initials[0] && k >= acronym.Length - 1;
    }
}
