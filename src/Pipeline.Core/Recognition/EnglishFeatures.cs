using Pipeline.Organisations;

namespace Pipeline.Recognition;

/// <summary>
/// Features of each English token: the word as written and in lower case, its neighbours two either side and the
/// pairs they make, its shape (Xx, XX, X.X., d) and those of its neighbours, prefixes and suffixes, whether it opens
/// its sentence or stands in an all-capitals line (a headline), whether the gazetteer knows the name it is part of,
/// and whether the run of capitalised words it belongs to ends in an organisation head (… Bank, … Council, Inc.).
/// Document features tell what the same word does elsewhere in the article: written in lower case (a common word),
/// capitalised mid-sentence (a name), after a personal title (Mr, President), before a company word (Inc, Corp).
/// </summary>
public sealed class EnglishFeatures : IUnitFeatures
{
    private readonly Gazetteer _gazetteer;
    private readonly WordLexicon _lexicon;
    private readonly FeatureTemplates _templates;

    private uint[] _word = new uint[512];
    private uint[] _lower = new uint[512];
    private uint[] _shape = new uint[512];
    private byte[] _flags = new byte[512];
    private byte[] _gazetteerPart = new byte[512];
    private uint[] _headAhead = new uint[512];
    private byte[] _headDistance = new byte[512];
    private readonly Dictionary<uint, byte> _evidence = [];

    private const byte Capitalised = 1, AllCaps = 2, SentenceStart = 4, CapsLine = 8, HasLetter = 16;

    // What a word does elsewhere in the document (bits of _evidence).
    private const byte SeenLower = 1, SeenCapitalisedInside = 2, SeenAfterTitle = 4, SeenBeforeCompanyWord = 8,
        SeenInGazetteerName = 16, SeenAfterThe = 32;

    private static readonly HashSet<string> PersonalTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister", "prime", "sen.", "senator", "gov.",
        "governor", "chairman", "coach", "striker", "midfielder", "defender", "goalkeeper", "general", "gen.", "judge",
        "spokesman", "spokeswoman", "secretary", "leader", "king", "queen", "prince", "pope", "sir",
    };

    private static readonly HashSet<string> CompanyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "group", "bank", "holdings", "airlines",
        "airways", "motors", "industries", "international", "ag", "sa", "nv", "bhd", "llc", "party", "club", "united",
        "city", "rovers", "association", "council", "ministry", "agency", "commission", "committee", "union", "federation",
        "laboratories", "pharmaceuticals", "pharma", "mining", "resources", "insurance", "securities", "bancorp",
        "bancshares", "telecom", "enterprises", "technologies", "systems", "communications", "electronics", "petroleum",
        "chemicals", "investments", "partners", "gmbh", "spa", "berhad", "tbk",
    };

    public EnglishFeatures(Gazetteer gazetteer, int bits, WordLexicon lexicon)
    {
        _gazetteer = gazetteer;
        _lexicon = lexicon;
        _templates = new FeatureTemplates(bits, family: 1);
    }

    public void Cut(string text, TextUnits units) => EnglishTokens.Cut(text, units);

    public void Extract(TextUnits units, int firstStretch, int endStretch, FeatureRows rows)
    {
        rows.Clear(firstStretch < units.StretchStarts.Count ? units.StretchStarts[firstStretch] : units.Count);
        for (var s = firstStretch; s < endStretch; s++)
        {
            var first = units.StretchStarts[s];
            var end = units.StretchEnd(s);
            for (var u = first; u < end; u++)
            {
                uint L(int k) => u + k < first ? 1u : u + k >= end ? 2u : _lower[u + k];
                uint S(int k) => u + k < first ? 1u : u + k >= end ? 2u : _shape[u + k];
                var flags = _flags[u];
                var lw = _lower[u];
                var caps = (flags & CapsLine) != 0 ? 1u : 0u;
                _templates.Add(rows, 0, _word[u]);
                _templates.Add(rows, 1, lw);
                _templates.Add(rows, 2, L(-1));
                _templates.Add(rows, 3, L(1));
                _templates.Add(rows, 4, L(-2));
                _templates.Add(rows, 5, L(2));
                _templates.Add(rows, 6, L(-1), lw);
                _templates.Add(rows, 7, lw, L(1));
                _templates.Add(rows, 8, _shape[u]);
                _templates.Add(rows, 9, S(-1), _shape[u]);
                _templates.Add(rows, 10, _shape[u], S(1));
                _templates.Add(rows, 11, S(-1), _shape[u], S(1));
                _templates.Add(rows, 12, (uint)(flags & (SentenceStart | CapsLine)), _shape[u]);
                _templates.Add(rows, 13, caps, lw);
                var text = units.UnitText(u);
                for (var k = 1; k <= 4 && k <= text.Length; k++)
                {
                    _templates.Add(rows, 14 + k, FeatureHash.OfLower(text[^k..]));
                    if (k <= 3) _templates.Add(rows, 18 + k, FeatureHash.OfLower(text[..k]));
                }
                if (_gazetteerPart[u] != 0) _templates.Add(rows, 22, _gazetteerPart[u]);
                if (_headDistance[u] != 0)
                {
                    _templates.Add(rows, 23, _headDistance[u]);
                    _templates.Add(rows, 24, _headAhead[u], _headDistance[u]);
                }
                if ((flags & HasLetter) != 0 && _evidence.TryGetValue(lw, out var evidence))
                {
                    var cap = (flags & (Capitalised | AllCaps)) != 0 ? 1u : 0u;
                    for (var bit = 0; bit < 6; bit++)
                        if ((evidence & (1 << bit)) != 0)
                            _templates.Add(rows, 25, (uint)bit, cap);
                }
                _templates.Add(rows, 26, L(-1), L(-2));
                _templates.Add(rows, 27, L(1), L(2));
                if ((flags & HasLetter) != 0)
                {
                    var step = (uint)_lexicon.Step(lw - 16u);
                    _templates.Add(rows, 29, step, (uint)(flags & (Capitalised | AllCaps | SentenceStart | CapsLine)));
                    _templates.Add(rows, 30, step, S(-1), S(1));
                }
                _templates.Add(rows, 28, 0); // always on: each tag's own bias
                rows.EndUnit();
            }
        }
    }


    public void Shrink()
    {
        if (_word.Length > KeptUnits) Allocate(512);
    }

    // About 19 bytes a token are kept per tagger between documents up to this length.
    private const int KeptUnits = 1 << 18;

    private void Allocate(int size)
    {
        _word = new uint[size];
        _lower = new uint[size];
        _shape = new uint[size];
        _flags = new byte[size];
        _gazetteerPart = new byte[size];
        _headAhead = new uint[size];
        _headDistance = new byte[size];
    }

    public void Prepare(TextUnits units)
    {
        var n = units.Count;
        if (_word.Length < n) Allocate(Math.Max(n, Math.Min(_word.Length * 2, KeptUnits)));
        var text = units.Text;
        for (var u = 0; u < n; u++)
        {
            var t = units.UnitText(u);
            _word[u] = FeatureHash.Of(t);
            _lower[u] = FeatureHash.OfLower(t) + 16u;
            _shape[u] = Shape(t);
            _flags[u] = WordFlags(t);
        }
        for (var s = 0; s < units.StretchStarts.Count; s++)
        {
            var first = units.StretchStarts[s];
            var end = units.StretchEnd(s);
            var firstWord = first;
            while (firstWord < end && (_flags[firstWord] & HasLetter) == 0) firstWord++;
            if (firstWord < end) _flags[firstWord] |= SentenceStart;
            // A line with no lower-case word is a headline or a table: capitals say nothing there.
            var lower = false;
            var words = 0;
            for (var u = first; u < end; u++)
            {
                if ((_flags[u] & HasLetter) == 0) continue;
                words++;
                if ((_flags[u] & (Capitalised | AllCaps)) == 0) lower = true;
            }
            if (!lower && words >= 2)
                for (var u = first; u < end; u++) _flags[u] |= CapsLine;
        }

        Array.Clear(_gazetteerPart, 0, n);
        var matches = _gazetteer.FindAll(text);
        var unit = 0;
        foreach (var m in matches)
        {
            while (unit < n && units.Starts[unit] < m.Start) unit++;
            var last = unit;
            while (last < n && units.Ends[last] <= m.End) last++;
            if (last == unit || units.Starts[unit] != m.Start || units.Ends[last - 1] != m.End) continue;
            if (last - unit == 1) _gazetteerPart[unit] = 4;
            else
            {
                _gazetteerPart[unit] = 1;
                for (var k = unit + 1; k < last - 1; k++) _gazetteerPart[k] = 2;
                _gazetteerPart[last - 1] = 3;
            }
        }

        HeadsAhead(units);
        Evidence(units);
    }

    /// <summary>For each token of a capitalised run (of, and, &amp;, for, the allowed inside), the run's last word when it is an organisation head, and how far it is.</summary>
    private void HeadsAhead(TextUnits units)
    {
        var n = units.Count;
        Array.Clear(_headDistance, 0, n);
        Array.Clear(_headAhead, 0, n);
        var u = 0;
        while (u < n)
        {
            if (!IsNameWord(u)) { u++; continue; }
            var last = u;
            var k = u + 1;
            while (k < n)
            {
                if (IsNameWord(k)) { last = k++; continue; }
                if (Connector(units.UnitText(k)) && k + 1 < n && IsNameWord(k + 1)) { k++; continue; }
                break;
            }
            if (IsHead(units.UnitText(last)))
                for (var v = u; v <= last; v++)
                    if (last - v + 1 <= 8)
                    {
                        _headDistance[v] = (byte)(last - v + 1);
                        _headAhead[v] = _lower[last];
                    }
            u = last + 1;
        }
    }

    private bool IsNameWord(int u) => (_flags[u] & (Capitalised | AllCaps)) != 0 && (_flags[u] & CapsLine) == 0;

    private static bool Connector(ReadOnlySpan<char> t) => t is "of" or "and" or "&" or "for" or "the" or "de" or "du" or "des" or "der";

    private static bool IsHead(ReadOnlySpan<char> t) =>
        HeadWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t);

    private static readonly HashSet<string> HeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Organization", "Organisation", "Association", "Council", "Forum", "Bank", "University", "Cartel", "Committee",
        "Commission", "Agency", "Institute", "Party", "Department", "Ministry", "Office", "Bureau", "Fund", "Federation",
        "Union", "Court", "Assembly", "Parliament", "Group", "Corporation", "Company", "Inc", "Inc.", "Ltd", "Ltd.", "Corp",
        "Corp.", "Co", "Co.", "Plc", "Foundation", "Authority", "Administration", "Service", "Network", "Alliance",
        "Secretariat", "Center", "Centre", "Police", "Army", "Navy", "Times", "Post", "News", "Journal", "Board", "Society",
        "League", "Coalition", "Movement", "Front", "Guard", "Academy", "College", "Institution", "Cabinet", "Senate",
        "Congress", "Tribunal", "Club", "United", "Rovers", "Airlines", "Airways", "Motors", "Industries", "Holdings",
        "Exchange", "Reserve", "Telegraph", "Herald", "Press", "Television", "Radio", "Broadcasting",
        // Words a company's name ends with (Berlex Laboratories, Niugini Mining, Suedwest LB).
        "Laboratories", "Labs", "Pharmaceuticals", "Pharmaceutical", "Pharma", "Mining", "Resources", "Insurance",
        "Assurance", "Securities", "Bancorp", "Bancshares", "Financial", "Capital", "Partners", "Investments", "Telecom",
        "Telecommunications", "Technologies", "Technology", "Systems", "Communications", "Electronics", "Petroleum",
        "Chemicals", "Steel", "Breweries", "Brewery", "Foods", "Pictures", "Studios", "Restaurants", "Stores", "Hotels",
        "Railways", "Shipping", "Lines", "Energy", "Oil", "Gas", "Enterprises", "Trust", "Brothers", "AG", "SA", "NV",
        "GmbH", "AB", "SpA", "Bhd", "Berhad", "Tbk", "LB",
    };

    private void Evidence(TextUnits units)
    {
        _evidence.Clear();
        var n = units.Count;
        for (var u = 0; u < n; u++)
        {
            var flags = _flags[u];
            if ((flags & HasLetter) == 0) continue;
            byte bits = 0;
            var capitalised = (flags & (Capitalised | AllCaps)) != 0;
            if (!capitalised) bits |= SeenLower;
            else if ((flags & (SentenceStart | CapsLine)) == 0) bits |= SeenCapitalisedInside;
            if (u > 0 && PersonalTitles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(units.UnitText(u - 1))) bits |= SeenAfterTitle;
            if (u + 1 < n && CompanyWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(units.UnitText(u + 1))) bits |= SeenBeforeCompanyWord;
            if (_gazetteerPart[u] != 0) bits |= SeenInGazetteerName;
            if (u > 0 && units.UnitText(u - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) bits |= SeenAfterThe;
            ref var e = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_evidence, _lower[u], out _);
            e |= bits;
        }
    }

    private static byte WordFlags(ReadOnlySpan<char> t)
    {
        int upper = 0, letters = 0;
        foreach (var c in t)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters == 0) return 0;
        byte f = HasLetter;
        if (upper == letters && letters >= 1 && t.Length >= 2) f |= AllCaps;
        else if (char.IsUpper(t[0])) f |= Capitalised;
        else if (upper == letters) f |= Capitalised;
        return f;
    }

    /// <summary>Character kinds with runs collapsed: McDonald → XxXx, U.S. → X.X., 1996-08-22 → d-d-d; plus a length step.</summary>
    private static uint Shape(ReadOnlySpan<char> t)
    {
        var h = 2166136261u;
        var last = '\0';
        foreach (var c in t)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == last) continue;
            h = (h ^ k) * 16777619u;
            last = k;
        }
        var length = t.Length switch { 1 => 1u, 2 => 2u, 3 => 3u, <= 5 => 4u, <= 8 => 5u, _ => 6u };
        return (h ^ length) * 16777619u;
    }
}
