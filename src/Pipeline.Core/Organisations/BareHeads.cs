using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// "The European Parliament approved … Parliament must now …": once an article has named one body ending in an
/// institution's head noun, the capitalised noun alone refers to it (only where no other named body of the article ends
/// in the same noun).
/// </summary>
public static class BareHeads
{
    private static readonly string[] Heads = ["Parliament", "Commission", "Council", "Assembly", "Committee", "Forum", "Court", "Agency", "Tribunal"];

    public static ImmutableArray<Entity> Apply(string text, ImmutableArray<Entity> entities)
    {
        List<Entity>? added = null;
        SpanIndex? covered = null;
        foreach (var head in Heads)
        {
            var bodies = entities.Where(e => e.Type == EntityTypes.Org && e.Text.EndsWith(" " + head, StringComparison.Ordinal))
                .DistinctBy(e => e.Canonical ?? e.Text).Take(2).ToList();
            if (bodies.Count != 1) continue;
            var body = bodies[0];
            covered ??= new SpanIndex(entities.Select(x => new TextSpan(x.Start, x.End)));
            // "Security Council", "Council of Europe": part of another name, not the bare head.
            (added ??= []).AddRange(LaterMentions.Of(text, head, body, covered, RuleIds.OrgBareHead,
                (at, end) => PreviousWordCapitalised(text, at) || text.AsSpan(end).StartsWith(" of ", StringComparison.Ordinal)));
        }
        return added is null or [] ? entities : [.. entities.Concat(added).OrderBy(x => x.Start)];
    }

    private static bool PreviousWordCapitalised(string text, int at)
    {
        var e = at;
        while (e > 0 && text[e - 1] == ' ') e--;
        if (e == at || e == 0) return false;
        var s = e;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        // A sentence's first word is capitalised for the sentence, not for a name ("U.S." ends no sentence).
        var sentenceStart = s == 0 || text.AsSpan(0, s).TrimEnd() is var before && (before.IsEmpty || before[^1] is '\n' or '"' or '“'
            || before[^1] == '.' && !(before.Length >= 2 && char.IsUpper(before[^2])));
        return s < e && char.IsUpper(text[s]) && !sentenceStart && text[s..e] is not ("The" or "the");
    }
}
