using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// What every stage that decides organisations does last, over the whole article: a place takes its share of a name
/// (埃及国民银行 in, 德国 of 德国舍弗勒集团 out), a bare "Parliament" after "the European Parliament" is that body,
/// an acronym defined in brackets names its body wherever it is used, a company no list knows is named without its legal
/// suffix, and a later short form takes the full name's canonical.
/// </summary>
public static class DocumentOrganisations
{
    public static ImmutableArray<Entity> Settle(string text, DocumentLanguage language, ImmutableArray<Entity> entities)
    {
        if (language == DocumentLanguage.Chinese)
            entities = PlacePrefixes.Extend(text, PlacePrefixes.WithoutForeignCountry(text, entities));
        else entities = BareHeads.Apply(text, CompanyNames(text, entities));
        entities = DefinedAcronyms.Apply(text, entities);
        return AliasResolver.ResolveShortForms(entities);
    }

    /// <summary>
    /// "Mizuho Financial Group Inc. and …": a company's legal form after any name found is part of it, and a name no list
    /// knows is its own canonical without that suffix (… Inc. → …, … Co. → … Company).
    /// </summary>
    private static ImmutableArray<Entity> CompanyNames(string text, ImmutableArray<Entity> entities)
    {
        var builder = entities.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            if (builder[i] is not { Type: EntityTypes.Org } e) continue;
            var next = i + 1 < builder.Count ? builder[i + 1].Start : text.Length;
            var end = LegalForms.EndAfter(text, e.End, next);
            var name = end > e.End ? text[e.Start..end] : e.Text;
            var canonical = e.Canonical == e.Text ? LegalForms.Canonical(name) : e.Canonical;
            if (end > e.End || canonical != e.Canonical) builder[i] = e with { End = end, Text = name, Canonical = canonical };
        }
        return builder.ToImmutable();
    }
}
