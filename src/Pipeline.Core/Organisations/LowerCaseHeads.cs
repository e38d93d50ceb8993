namespace Pipeline.Organisations;

/// <summary>
/// British house style (the Guardian, the Economist) writes the common noun that ends a proper name in lower case:
/// "the European parliament", "the Paris agreement", "the European commission". A known name is also found so.
/// </summary>
public static class LowerCaseHeads
{
    private static readonly HashSet<string> Heads = new(StringComparer.Ordinal)
    {
        "Parliament", "Commission", "Council", "Party", "Court", "Bank", "Agreement", "Treaty", "Convention", "Accord",
        "Federation", "Union", "Agency", "Fund", "Assembly",
    };

    /// <summary>The name with its last word in lower case when that word is such a noun, else null.</summary>
    public static string? Variant(string name)
    {
        var space = name.LastIndexOf(' ');
        if (space <= 0 || !char.IsAsciiLetterUpper(name[0]) || !Heads.Contains(name[(space + 1)..])) return null;
        return name[..(space + 1)] + name[(space + 1)..].ToLowerInvariant();
    }
}
