using Pipeline.Model;
using Pipeline.Organisations;

namespace Pipeline.Recognition;

/// <summary>
/// Features of each character of Chinese text: the characters, pairs and triples in a window of two on either
/// side, their kinds (ideograph, particle, digit, Latin, punctuation), and what the rules already know about the
/// place: inside a gazetteer name, inside a place name, inside an organisation suffix of the rules' list
/// (…银行, …委员会), and how far ahead the next such suffix ends within a run of name characters. The last is
/// what lets a per-character model open a long name (介休纺织厂) at its first character.
/// </summary>
public sealed class ChineseFeatures : IUnitFeatures
{
    private readonly Gazetteer _gazetteer;
    private readonly FeatureTemplates _templates;
    private readonly CharWindowHashes _window;
    // Template 21 is always on with the same part: the model's own bias per tag, kept with the weights.
    private readonly int _bias;

    // Per-character scratch for the current text, grown as needed.
    private uint[] _char = new uint[1024];
    private byte[] _class = new byte[1024];
    private byte[] _gazetteerPart = new byte[1024];
    private byte[] _placePart = new byte[1024];
    private uint[] _suffixAhead = new uint[1024];
    private byte[] _suffixDistance = new byte[1024];
    private uint[] _latinRun = new uint[1024];

    public ChineseFeatures(Gazetteer gazetteer, int bits)
    {
        _gazetteer = gazetteer;
        _templates = new FeatureTemplates(bits, family: 0);
        _window = new CharWindowHashes(_templates);
        _bias = _templates.Index(21, 0);
    }

    /// <summary>Every character but line breaks is a unit; each line is decoded on its own (a very long one in pieces of whole sentences).</summary>
    public void Cut(string text, TextUnits units)
    {
        units.Reset(text);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lineStart = true;
                continue;
            }
            if (lineStart) units.StartStretch();
            lineStart = false;
            // A character outside the BMP is one unit: a name never starts or ends inside its surrogate pair.
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                units.Add(i, i + 2);
                i++;
                continue;
            }
            units.Add(i, i + 1);
            if (c is '。' or '！' or '？' && units.CurrentStretchLength >= TextUnits.LongStretch) lineStart = true;
        }
    }

    private const int Boundary = 0;
    private const int MostFeatures = 22;

    public void Prepare(TextUnits units) => Prepare(units.Text);

    public void Extract(TextUnits units, int firstStretch, int endStretch, FeatureRows rows)
    {
        rows.Clear(firstStretch < units.StretchStarts.Count ? units.StretchStarts[firstStretch] : units.Count);
        for (var s = firstStretch; s < endStretch; s++)
        {
            var first = units.StretchStarts[s];
            var end = units.StretchEnd(s);
            for (var u = first; u < end; u++)
            {
                var i = units.Starts[u];
                var lo = units.Starts[first];
                var hi = units.Ends[end - 1];
                var cm2 = i - 2 >= lo ? _char[i - 2] : 1u;
                var cm1 = i - 1 >= lo ? _char[i - 1] : 1u;
                var c0 = _char[i];
                var cp1 = i + 1 < hi ? _char[i + 1] : 2u;
                var cp2 = i + 2 < hi ? _char[i + 2] : 2u;
                var km1 = i - 1 >= lo ? _class[i - 1] : Boundary;
                var k0 = _class[i];
                var kp1 = i + 1 < hi ? _class[i + 1] : Boundary;

                // Written in place: a character has at most MostFeatures, and this loop runs for every character.
                var f = rows.Reserve(MostFeatures);
                _window.Write(cm2, cm1, c0, cp1, cp2, (uint)(km1 | k0 << 4 | kp1 << 8), (uint)(km1 | k0 << 4), f);
                var n = CharWindowHashes.Count;
                if (_gazetteerPart[i] != 0) f[n++] = _templates.Index(15, _gazetteerPart[i]);
                if (_placePart[i] != 0) f[n++] = _templates.Index(16, _placePart[i]);
                if (_suffixDistance[i] != 0)
                {
                    f[n++] = _templates.Index(17, _suffixDistance[i]);
                    f[n++] = _templates.Index(18, _suffixAhead[i], _suffixDistance[i]);
                    f[n++] = _templates.Index(19, (uint)(km1 | _suffixDistance[i] << 4));
                }
                if (_latinRun[i] != 0) f[n++] = _templates.Index(20, _latinRun[i]);
                f[n++] = _bias;
                rows.EndUnit(n);
            }
        }
    }


    public void Shrink()
    {
        if (_char.Length > KeptChars) Allocate(1024);
    }

    // About 17 bytes a character are kept per tagger between documents up to this length.
    private const int KeptChars = 1 << 20;

    private void Allocate(int size)
    {
        _char = new uint[size];
        _class = new byte[size];
        _gazetteerPart = new byte[size];
        _placePart = new byte[size];
        _suffixAhead = new uint[size];
        _suffixDistance = new byte[size];
        _latinRun = new uint[size];
    }

    private void Prepare(string text)
    {
        var n = text.Length;
        if (_char.Length < n) Allocate(Math.Max(n, Math.Min(_char.Length * 2, KeptChars)));
        for (var i = 0; i < n; i++)
        {
            var c = Fold(text[i]);
            _char[i] = c + 16u; // 1 and 2 stand for the line's edges
            _class[i] = ClassOf(text[i]);
        }
        Array.Clear(_gazetteerPart, 0, n);
        Array.Clear(_placePart, 0, n);
        foreach (var m in _gazetteer.FindAll(text)) MarkParts(_gazetteerPart, m.Start, m.End);
        for (var i = 0; i < n;)
        {
            var length = PlaceStarts[text[i]] ? Places.PlaceAt(text, i, n) : 0;
            if (length == 0) { i++; continue; }
            MarkParts(_placePart, i, i + length);
            i += length;
        }
        // Right to left: the next suffix end ahead of each character, while name characters continue.
        uint ahead = 0;
        var aheadEnd = -1;
        for (var i = n - 1; i >= 0; i--)
        {
            if (OrgCandidateGenerator.SuffixEndingAt(text, i + 1) is var (suffix, _) && i - suffix.Length + 1 >= 0)
            {
                ahead = FeatureHash.Of(suffix);
                aheadEnd = i + 1;
            }
            else if (!OrgCandidateGenerator.IsNameChar(text[i]) && text[i] is not ('（' or '）'))
                aheadEnd = -1;
            var distance = aheadEnd < 0 ? 0 : aheadEnd - i;
            _suffixDistance[i] = distance switch
            {
                0 => 0,
                <= 4 => (byte)distance,
                <= 6 => 5,
                <= 9 => 6,
                <= 14 => 7,
                _ => 0,
            };
            _suffixAhead[i] = ahead;
        }
        for (var i = 0; i < n;)
        {
            if (_class[i] != Latin) { _latinRun[i++] = 0; continue; }
            var s = i;
            while (i < n && _class[i] is Latin or Digit) i++;
            var h = FeatureHash.OfLower(text.AsSpan(s, i - s)) | 1u;
            for (var k = s; k < i; k++) _latinRun[k] = h;
        }
    }

    private static readonly bool[] PlaceStarts = BuildPlaceStarts();

    private static bool[] BuildPlaceStarts()
    {
        var table = new bool[char.MaxValue + 1];
        foreach (var p in Places.CountryNames) table[p[0]] = true;
        return table;
    }

    private static void MarkParts(byte[] parts, int start, int end)
    {
        if (end - start == 1) { parts[start] = 4; return; }
        parts[start] = 1;
        for (var k = start + 1; k < end - 1; k++) parts[k] = 2;
        parts[end - 1] = 3;
    }

    private const byte Han = 1, HanStop = 2, Digit = 3, Numeral = 4, Latin = 5, Quote = 6, Bracket = 7, Pause = 8,
        Space = 9, Other = 10;

    // Each character's kind, worked out the first time it is met (0: not yet): the switch below took 2 % of an
    // extraction's CPU when run for every character of every article. Threads that race write the same value.
    private static readonly byte[] Classes = new byte[char.MaxValue + 1];

    private static byte ClassOf(char c)
    {
        var k = Classes[c];
        return k != 0 ? k : Classes[c] = Classify(c);
    }

    private static byte Classify(char c) => c switch
    {
        _ when Scripts.IsHan(c) => "〇一二三四五六七八九十百千万亿零两".Contains(c) ? Numeral
            : OrgCandidateGenerator.IsChineseStop(c) ? HanStop : Han,
        >= '0' and <= '9' or >= '０' and <= '９' => Digit,
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= 'ａ' and <= 'ｚ' or >= 'Ａ' and <= 'Ｚ' => Latin,
        '“' or '”' or '‘' or '’' or '"' or '\'' or '《' or '》' or '〈' or '〉' or '「' or '」' or '『' or '』' => Quote,
        '（' or '）' or '(' or ')' or '【' or '】' or '[' or ']' => Bracket,
        '，' or '。' or '、' or '；' or '：' or '！' or '？' or ',' or '.' or ';' or ':' or '!' or '?' => Pause,
        _ when char.IsWhiteSpace(c) => Space,
        _ => Other,
    };

    /// <summary>Full-width forms as ASCII, letters in lower case, every digit as 0.</summary>
    private static uint Fold(char c)
    {
        c = NameFolding.Fold(c);
        if (c is >= '0' and <= '9') return '0';
        if (c is >= 'A' and <= 'Z') return (uint)(c + 32);
        return c;
    }
}
