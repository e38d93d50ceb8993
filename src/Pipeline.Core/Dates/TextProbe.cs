namespace Pipeline.Dates;

/// <summary>Bounds-safe looks into the text for the date parsers: past either end there is nothing to match.</summary>
internal static class TextProbe
{
    public static bool At(string t, int p, string word) =>
        p >= 0 && p <= t.Length - word.Length && string.CompareOrdinal(t, p, word, 0, word.Length) == 0;

    public static char CharAt(string t, int p) => p >= 0 && p < t.Length ? t[p] : '\0';
}
