namespace Pipeline.Model;

/// <summary>
/// The annotation rules (docs/annotation.md) count Unicode code points; .NET strings count UTF-16 units.
/// They differ only after a character outside the BMP, so the common case is free.
/// </summary>
public sealed class TextOffsets
{
    private readonly int[]? _codePointAt; // UTF-16 index -> code point index, null when identical

    public TextOffsets(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return;
        _codePointAt = new int[text.Length + 1];
        var cp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            _codePointAt[i] = cp;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))) cp++;
        }
        _codePointAt[text.Length] = cp;
    }

    public int ToCodePoint(int utf16Index) => _codePointAt is null ? utf16Index : _codePointAt[utf16Index];

    /// <summary>The UTF-16 index of a code-point offset (annotated corpora count code points; the pipeline does not).</summary>
    public int ToUtf16(int codePointIndex)
    {
        if (_codePointAt is null) return codePointIndex;
        var i = Array.BinarySearch(_codePointAt, codePointIndex);
        if (i < 0) throw new ArgumentOutOfRangeException(nameof(codePointIndex));
        while (i > 0 && _codePointAt[i - 1] == codePointIndex) i--;
        return i;
    }
}
