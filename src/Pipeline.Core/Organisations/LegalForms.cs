namespace Pipeline.Organisations;

/// <summary>
/// A company's legal form written after its name belongs to the name: Toshiba Corp, Siemens AG, Texaco Inc.,
/// Toyota Motor Co Ltd. The gazetteer lists the name; news adds the form or not.
/// </summary>
public static class LegalForms
{
    // Abbreviations keep their period (news and CoNLL write "Inc." as one word); the longer spelling first.
    private static readonly string[] Forms =
    [
        "Corporation", "Limited", "Holdings", "Berhad", "S.p.A.", "S.A.", "N.V.", "Inc.", "Corp.", "Ltd.", "Co.",
        "GmbH", "Inc", "Corp", "Ltd", "Plc", "PLC", "plc", "LLC", "SpA", "Bhd", "Pty", "Co", "AG", "SA", "NV", "AB",
    ];

    // Words a company's registered name adds to its brand (Toyota Motor, Tata Motors, Mitsubishi Heavy Industries):
    // taken only after a name the gazetteer lists as a company.
    private static readonly string[] CompanyWords = ["Heavy Industries", "Industries", "Motors", "Motor", "Electric", "Group"];

    private const int MostForms = 2;

    /// <summary>
    /// A company's name without its legal suffix, its abbreviated last noun written out: "Taiwan Semiconductor Manufacturing
    /// Co." → "… Company", "United Microelectronics Corp." → "… Corporation", "Mizuho Financial Group Inc." → "Mizuho Financial
    /// Group".
    /// </summary>
    public static string Canonical(string name)
    {
        foreach (var suffix in (string[])[" Inc.", " Inc", " Ltd.", " Ltd", " Plc", " PLC", " plc", " LLC", " AG", " SA", " NV", " N.V."])
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 2)
                return name[..^suffix.Length];
        foreach (var (abbreviation, full) in (ReadOnlySpan<(string, string)>)[(" Co.", " Company"), (" Co", " Company"), (" Corp.", " Corporation"), (" Corp", " Corporation")])
            if (name.EndsWith(abbreviation, StringComparison.Ordinal) && name.Length > abbreviation.Length + 2)
                return name[..^abbreviation.Length] + full;
        return name;
    }

    // Co-operative, AB-Volvo: a hyphen goes on with the word.
    private static bool ContinuesWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>Where the name ending at <paramref name="end"/> ends with the legal forms written after it.</summary>
    /// <param name="limit">start of the next known name, which no form runs into.</param>
    public static int EndAfter(string text, int end, int limit, bool company = false)
    {
        if (end == 0 || !char.IsAsciiLetterOrDigit(text[end - 1])) return end;
        if (company && WordAfter(text, end, limit, CompanyWords) is { } word) end += 1 + word.Length;
        for (var n = 0; n < MostForms && WordAfter(text, end, limit, Forms) is { } form; n++) end += 1 + form.Length;
        return end;
    }

    /// <summary>The first of <paramref name="words"/> written whole after a space at <paramref name="end"/>, before <paramref name="limit"/>.</summary>
    public static string? WordAfter(string text, int end, int limit, string[] words)
    {
        if (end + 1 >= limit || text[end] != ' ') return null;
        foreach (var w in words)
        {
            var e = end + 1 + w.Length;
            if (e <= limit && string.CompareOrdinal(text, end + 1, w, 0, w.Length) == 0 && (e == text.Length || !ContinuesWord(text[e])))
                return w;
        }
        return null;
    }
}
