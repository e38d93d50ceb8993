namespace Pipeline.Organisations;

/// <summary>
/// A known company's named arm, written as the company's name and a word for what the arm does: "Moody's Ratings",
/// "S&amp;P Global Ratings", "Bloomberg Intelligence", "Nomura Securities". The longest name is the arm's, and it is a
/// body of its own: its canonical is its own name, not the parent's.
/// </summary>
public static class EnglishUnits
{
    private static readonly string[] Words =
    [
        "Asset Management", "Investors Service", "Investment Management", "Capital Markets", "Ratings", "Intelligence",
        "Research", "Securities", "Foundation",
    ];

    /// <summary>The end of the arm's name after the company's name ending at <paramref name="end"/>, or -1.</summary>
    public static int UnitEnd(string text, int end, int limit) =>
        LegalForms.WordAfter(text, end, limit, Words) is { } word ? end + 1 + word.Length : -1;

    /// <summary>The arm's canonical: its name as written, with the typographic apostrophe made plain (Moody’s → Moody's).</summary>
    public static string Canonical(string name) => name.Replace('’', '\'');
}
