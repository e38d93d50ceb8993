namespace Pipeline.Recognition;

/// <summary>How one language's text is cut into units and what features each unit has.</summary>
public interface IUnitFeatures
{
    void Cut(string text, TextUnits units);
    void Extract(TextUnits units, FeatureRows rows);
}
