using System.Runtime.CompilerServices;

namespace Pipeline.Organisations;

/// <summary>
/// How names are compared: full-width Latin letters and digits (Ｇ２０) as ASCII and the typographic apostrophe
/// (People’s) as <c>'</c>, one character for one so offsets stay valid.
/// </summary>
/// <remarks>Outside the generic <see cref="NameTrie{T}"/>: a static method of a shared generic class is reached through
/// its generic context in the native build, and the compiler did not inline even this one unasked: a call for every
/// character hashed or looked up.</remarks>
public static class NameFolding
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u2019' or '\u02BC' => '\'', // People’s Daily: the typographic apostrophe of most published English
        _ => c,
    };
}
