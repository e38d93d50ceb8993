namespace Pipeline.Recognition;

/// <summary>How one language's text is cut into units and what features each unit has.</summary>
public interface IUnitFeatures
{
    void Cut(string text, TextUnits units);

    /// <summary>What the whole document tells about its units (gazetteer names, what a word does elsewhere): once per text, before <see cref="Extract"/>.</summary>
    void Prepare(TextUnits units);

    /// <summary>
    /// The features of the units of stretches [<paramref name="firstStretch"/>, <paramref name="endStretch"/>) into
    /// <paramref name="rows"/> (cleared first). A long document is extracted a few stretches at a time, so the
    /// features held at once stay bounded however long it is.
    /// </summary>
    void Extract(TextUnits units, int firstStretch, int endStretch, FeatureRows rows);

    /// <summary>Lets go of per-unit buffers grown for an unusually long document (a thread's tagger lives as long as the process).</summary>
    void Shrink();
}

public static class UnitFeaturesExtensions
{
    /// <summary>Every unit's features at once (training reads whole documents of news size).</summary>
    public static void ExtractAll(this IUnitFeatures features, TextUnits units, FeatureRows rows)
    {
        features.Prepare(units);
        features.Extract(units, 0, units.StretchStarts.Count, rows);
    }
}
