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
        entities = ReadByTheArticlesNames(text, entities, definitions);
        if (definitions.Count == 0) return entities;

        var covered = new SpanIndex(entities.Select(x => new TextSpan(x.Start, x.End)));
        var builder = entities.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
            // The article's own definition names the body behind its letters: "International Cricket Council (ICC)" makes every
            // ICC of the article the cricket body, though the gazetteer knows ICC as the court. A gazetteer's reading gives
            // way only to a definition whose initials spell all the letters (a name the rules cut short keeps it).
            if (builder[i] is { Type: EntityTypes.Org } o && definitions.TryGetValue(o.Text, out var full) && full.Start < o.Start
                && (o.Source != RuleIds.OrgGazetteer || !Scripts.HasHan(full.Text) && Fits(o.Text, full.Text, exactly: true)))
                builder[i] = o with { Canonical = full.Canonical ?? full.Text, CanonicalEn = full.CanonicalEn };
        foreach (var (acronym, full) in definitions)
            added.AddRange(LaterMentions.Of(text, acronym, full, covered, RuleIds.OrgDefinedAcronym));
        return added.Count == 0 ? builder.ToImmutable() : [.. builder.Concat(added).OrderBy(x => x.Start)];
    }

    /// <summary>
    /// "the International Cricket Council's annual conference … ICC approves": an acronym the gazetteer reads as another
    /// body (the International Criminal Court) means the body the article names in full, where the article spells its
    /// letters with the initials of that name and never names the gazetteer's body.
    /// </summary>
    private static ImmutableArray<Entity> ReadByTheArticlesNames(string text, ImmutableArray<Entity> entities,
        Dictionary<string, Entity> defined)
    {
        Dictionary<string, Entity>? named = null;
        foreach (var e in entities)
            if (e is { Type: EntityTypes.Org } && !Scripts.HasHan(e.Text) && e.Text.Contains(' ') && Initials(e.Text) is { Length: >= 2 } initials)
                (named ??= new(StringComparer.Ordinal)).TryAdd(initials, e);
        if (named is null) return entities;
        var builder = entities.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
            if (builder[i] is { Type: EntityTypes.Org, Source: RuleIds.OrgGazetteer } o && !defined.ContainsKey(o.Text)
                && named.TryGetValue(o.Text, out var full) && (full.Canonical ?? full.Text) is var canonical && o.Canonical != canonical
                && o.Canonical is { } known && !text.Contains(known, StringComparison.Ordinal) && Spelling(known) != Spelling(canonical))
                builder[i] = o with { Canonical = canonical, CanonicalEn = full.CanonicalEn, Kind = full.Kind };
        return builder.ToImmutable();
    }

    /// <summary>Organisation and Organization, Co-operation and Cooperation: one name.</summary>
    private static string Spelling(string name) =>
        string.Concat(name.Where(char.IsLetter).Select(c => char.ToLowerInvariant(c) is 'z' ? 's' : char.ToLowerInvariant(c)));

    /// <summary>The capitals that start the words of an English name: ICC of International Cricket Council.</summary>
    private static string Initials(string name) =>
        string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsAsciiLetterUpper(w[0])).Select(w => w[0]));

    /// <summary>
    /// An English name's acronym takes its letters in order from the initials of its words (FDLR from Forces
    /// Démocratiques de Libération du Rwanda; ECA from European Club Association); a Chinese name may have any.
    /// </summary>
    private static bool Fits(string acronym, string name, bool exactly = false)
    {
        if (Scripts.HasHan(name)) return true;
        var initials = string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])));
        var k = 0;
        foreach (var c in initials)
            if (k < acronym.Length && c == char.ToUpperInvariant(acronym[k])) k++;
        return k == acronym.Length || !exactly && k >= 2 && char.ToUpperInvariant(acronym[0]) == initials[0] && k >= acronym.Length - 1;
    }
}
