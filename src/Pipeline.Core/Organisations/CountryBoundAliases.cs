namespace Pipeline.Organisations;

/// <summary>
/// Bare words that name one country's body only in that country's news: "Congress" and "Senate" are the United
/// States' in a story from Washington, Peru's or the Philippines' in theirs, and India's Congress is a party. Where the
/// article names neither the country nor another of its bodies, the word is still an organisation but not the
/// gazetteer's body: it keeps its own words as its canonical.
/// </summary>
public static class CountryBoundAliases
{
    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["Congress"] = "United States",
        ["Senate"] = "United States",
        ["Treasury"] = "United States",
        ["House of Representatives"] = "United States", // Australia's, Japan's, the Philippines' too
    };

    /// <summary>The country whose body <paramref name="alias"/> names, when it names one only in that country's news.</summary>
    public static string? CountryOf(string alias) => Countries.GetValueOrDefault(alias);

    /// <summary>
    /// Does the English text name <paramref name="country"/>, in one of its forms (United States, U.S., American) or by
    /// another of its bodies that the gazetteer knows (the Department of State, the Pentagon)?
    /// </summary>
    public static bool Names(string text, string country, IEnumerable<GazetteerMatch> known) =>
        known.Any(m => CountryOf(text[m.Start..m.End]) is null && m.Entry.English is { } english &&
                       english.StartsWith(country + " ", StringComparison.Ordinal)) ||
        Agreements.Countries.FindIn(text, 0, text.Length, chinese: false).Any(m => m.Name == country);
}
