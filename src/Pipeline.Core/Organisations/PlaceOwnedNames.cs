using System.Collections.Immutable;
using Pipeline.Model;

namespace Pipeline.Organisations;

/// <summary>
/// 埃及国民银行, 非洲进出口银行, 希腊议会: an institution whose name is a kind (a national bank, an export-import bank, a
/// parliament) has its place as the only proper part of its name, so the place written right before it belongs to the
/// span. A name of its own after a country stays without it (英国路透社 → 路透社, 德国杜伊斯堡港务集团 → the 集团).
/// Where the spec makes a state organ with its country optional (中国外交部), the longer span costs nothing either.
/// </summary>
public static class PlaceOwnedNames
{
    // Kinds of institution every country or region may have one of, longest first.
    private static readonly string[] Kinds =
    [
        "国家石油公司", "社会科学院", "国家博物馆", "国家图书馆", "国家美术馆", "进出口银行", "国民银行", "中央银行", "国家银行",
        "储备银行", "开发银行", "发展银行", "国民议会", "最高法院", "宪法法院", "国家电视台", "广播公司", "通讯社", "科学院",
        "工程院", "议会", "国会", "参议院", "众议院",
    ];

    // Regions that own such institutions as countries do (非洲开发银行, 亚洲开发银行, 泛美开发银行).
    private static readonly string[] Regions = ["非洲", "亚洲", "欧洲", "美洲", "拉美", "泛美", "加勒比", "中东", "东非", "西非", "南部非洲"];

    /// <summary>The ORG entities with the place before a kind-named institution taken into the span (others unchanged).</summary>
    public static ImmutableArray<Entity> Extend(string text, ImmutableArray<Entity> entities)
    {
        ImmutableArray<Entity>.Builder? changed = null;
        for (var i = 0; i < entities.Length; i++)
        {
            var e = entities[i];
            if (e.Type != EntityTypes.Org || PlaceBefore(text, e) is not { } start) continue;
            // Nothing else may lie on the place (an entity of its own there keeps it).
            if (entities.Any(o => !ReferenceEquals(o, e) && o.End > start && o.Start < e.Start)) continue;
            changed ??= entities.ToBuilder();
            var span = text[start..e.End];
            changed[i] = e with { Start = start, Text = span, Canonical = span, CanonicalEn = null };
        }
        return changed?.ToImmutable() ?? entities;
    }

    private static int? PlaceBefore(string text, Entity e)
    {
        var name = text.AsSpan(e.Start, e.End - e.Start);
        var isKind = false;
        foreach (var kind in Kinds)
            if (name.SequenceEqual(kind))
            {
                isKind = true;
                break;
            }
        if (!isKind) return null;
        foreach (var region in Regions)
            if (e.Start >= region.Length && text.AsSpan(e.Start - region.Length, region.Length).SequenceEqual(region))
                return e.Start - region.Length;
        // The longest place that ends right before the name.
        for (var start = Math.Max(0, e.Start - 8); start < e.Start; start++)
            if (Places.PlaceAt(text, start, e.Start) == e.Start - start && text[start..e.Start] != "我国")
                return start;
        return null;
    }
}
