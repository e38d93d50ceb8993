namespace Pipeline.Model;

/// <summary>
/// The shipped and user data files (gazetteer, labelled titles and sentences) are tab-separated text:
/// one record a line, blank lines and `#` comments skipped, line numbers kept for error messages.
/// </summary>
public static class DataFileLines
{
    public static IEnumerable<(int Number, string Line)> Records(IEnumerable<string> lines)
    {
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return (n, line);
        }
    }
}
