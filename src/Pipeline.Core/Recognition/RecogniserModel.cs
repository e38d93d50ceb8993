using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Pipeline.Model;

namespace Pipeline.Recognition;

/// <summary>One language's learnt tagger: its weights and, for English, the lexicon of lower-case words.</summary>
public sealed record LanguageTagger(TaggerWeights Weights, WordLexicon Lexicon);

/// <summary>A training corpus the model learnt from, known by a digest of its content (never its text or ids).</summary>
public sealed record CorpusSignature(string Name, string Digest);

/// <summary>
/// The recogniser's taggers (one per language) and the corpora they were trained on. Stored in a small binary
/// file of our own: a header, then per language its length in bytes, its tags, the quantisation step, the biases
/// and the non-zero weight rows (feature index as a delta, then one 8-bit weight per tag). Nothing in it depends on
/// the time or the machine, so the same training gives the same bytes. The shipped model reads a language's
/// section when an article of that language first needs it: a batch of Chinese news never spends the start-up
/// time and memory of the English tagger (a weight table of 8 MB), nor the other way round.
/// </summary>
public sealed class RecogniserModel
{
    private const string ResourceName = "Pipeline.Recognition.Model.recogniser.bin";
    private const string Magic = "PIPELINE-NER";
    private const int Version = 4;

    private static readonly Lazy<RecogniserModel?> ShippedModel = new(LoadShipped);

    private readonly ImmutableSortedDictionary<string, Lazy<LanguageTagger>> _languages;

    public RecogniserModel(IEnumerable<KeyValuePair<string, LanguageTagger>> languages, IEnumerable<CorpusSignature> trainedOn)
        : this(languages.Select(l => KeyValuePair.Create(l.Key, new Lazy<LanguageTagger>(l.Value))), trainedOn)
    {
    }

    private RecogniserModel(IEnumerable<KeyValuePair<string, Lazy<LanguageTagger>>> languages, IEnumerable<CorpusSignature> trainedOn)
    {
        _languages = languages.ToImmutableSortedDictionary(StringComparer.Ordinal);
        TrainedOn = [.. trainedOn];
    }

    /// <summary>The languages the model has a tagger for ("en", "zh").</summary>
    public IEnumerable<string> LanguageNames => _languages.Keys;

    /// <summary>The tagger of a language (read from the model the first time it is asked for), or null.</summary>
    public LanguageTagger? Tagger(string language) => _languages.TryGetValue(language, out var tagger) ? tagger.Value : null;

    public ImmutableArray<CorpusSignature> TrainedOn { get; }

    /// <summary>The model shipped inside the library, or null when it was built without one.</summary>
    public static RecogniserModel? Shipped => ShippedModel.Value;

    public void Save(string path) => Running.AtomicFile.Write(path, Write);

    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(TrainedOn.Length);
        foreach (var c in TrainedOn)
        {
            w.Write(c.Name);
            w.Write(c.Digest);
        }
        w.Write(_languages.Count);
        foreach (var language in _languages.Keys)
        {
            w.Write(language);
            using var section = new MemoryStream();
            WriteLanguage(section, Tagger(language)!);
            w.Write(checked((int)section.Length));
            w.Flush();
            section.WriteTo(stream);
        }
    }

    private static void WriteLanguage(Stream stream, LanguageTagger tagger)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var weights = tagger.Weights;
        w.Write(weights.Tags.Types.Length);
        foreach (var t in weights.Tags.Types) w.Write(t);
        w.Write(weights.Bits);
        w.Write(weights.Scale);
        foreach (var b in weights.Bias) w.Write(b);
        SparseRows.Write(w, 1 << weights.Bits, weights.Row);
        w.Write(tagger.Lexicon.Count);
        foreach (var (hash, step) in tagger.Lexicon.Entries)
        {
            w.Write(hash);
            w.Write(step);
        }
    }

    /// <summary>A model file, every language read at once: a file that is not a whole model is refused here, at start.</summary>
    public static RecogniserModel Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var model = Read(() => new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), path);
        foreach (var language in model.LanguageNames) model.Tagger(language);
        return model;
    }

    /// <summary>The corpora a model file was trained on, read from its header alone.</summary>
    public static ImmutableArray<CorpusSignature> ReadTrainedOn(string? path)
    {
        using var stream = path is null ? Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName) : File.OpenRead(path);
        if (stream is null) return [];
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return [.. ReadHeader(r, path ?? "shipped recogniser model")];
    }

    private static List<CorpusSignature> ReadHeader(BinaryReader r, string origin)
    {
        try
        {
            if (r.ReadString() != Magic) throw new InvalidDataException($"{origin}: not a recogniser model");
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new InvalidDataException($"{origin}: not a recogniser model");
        }
        var version = r.ReadInt32();
        if (version != Version) throw new InvalidDataException($"{origin}: model version {version}, expected {Version}");
        var corpora = new List<CorpusSignature>();
        for (var n = r.ReadInt32(); n > 0; n--) corpora.Add(new CorpusSignature(r.ReadString(), r.ReadString()));
        return corpora;
    }

    /// <summary>
    /// The header and where each language's section lies; a section is read the first time its tagger is asked for,
    /// from a stream of its own (<paramref name="open"/> gives a new one over the same bytes each time).
    /// </summary>
    public static RecogniserModel Read(Func<Stream> open, string origin)
    {
        using var stream = open();
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var corpora = ReadHeader(r, origin);
            var languages = new List<KeyValuePair<string, Lazy<LanguageTagger>>>();
            for (var n = r.ReadInt32(); n > 0; n--)
            {
                var language = r.ReadString();
                var length = r.ReadInt32();
                var start = stream.Position;
                if (length < 0 || start + length > stream.Length) throw new EndOfStreamException();
                stream.Position = start + length;
                languages.Add(KeyValuePair.Create(language, new Lazy<LanguageTagger>(() => ReadLanguage(open, start, length, origin))));
            }
            return new RecogniserModel(languages, corpora);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{origin}: the model file is truncated");
        }
    }

    private static LanguageTagger ReadLanguage(Func<Stream> open, long start, int length, string origin)
    {
        // The rows are read straight from memory into the weight table: a few MB, parsed in milliseconds. The shipped
        // model is read where it lies in the library's image; a model file, from its bytes read once.
        using var memory = SparseRows.Section(open(), start, length);
        using var r = new BinaryReader(memory, Encoding.UTF8, leaveOpen: true);
        try
        {
            var types = new List<string>();
            for (var t = r.ReadInt32(); t > 0; t--) types.Add(r.ReadString());
            var tags = new TagScheme(types);
            var bits = r.ReadInt32();
            if (bits is < 10 or > 24) throw new InvalidDataException($"{origin}: {bits} feature bits is out of range");
            var scale = r.ReadSingle();
            var bias = new float[tags.Count];
            for (var t = 0; t < bias.Length; t++) bias[t] = r.ReadSingle();
            var table = ReadRows(memory, tags.Count, bits, origin);
            var entries = r.ReadInt32();
            var steps = new Dictionary<uint, byte>(Math.Clamp(entries, 0, 1 << 22));
            for (; entries > 0; entries--) steps[r.ReadUInt32()] = r.ReadByte();
            if (memory.Position != length) throw new InvalidDataException($"{origin}: a language section has {length - memory.Position} bytes too many");
            return new LanguageTagger(TaggerWeights.FromPadded(tags, bits, table, scale, bias), new WordLexicon(steps));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{origin}: the model file is truncated");
        }
    }

    /// <summary>The non-zero rows (one 8-bit weight per tag) into a table padded to the tagger's stride.</summary>
    private static ArraySegment<sbyte> ReadRows(Stream memory, int k, int bits, string origin)
    {
        var stride = TaggerWeights.StrideFor(k);
        var table = LargeTables.Zeroed<sbyte>((1 << bits) * stride);
        SparseRows.Read(memory, SparseRows.ReadCount(memory, 1 << bits, origin), 1 << bits, k, origin,
            (feature, _, values) => MemoryMarshal.Cast<byte, sbyte>(values).CopyTo(table.AsSpan(feature * stride, k)));
        return table;
    }

    private static RecogniserModel? LoadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        if (assembly.GetManifestResourceInfo(ResourceName) is null) return null;
        // Each read maps the resource anew: the library's own image, never copied whole.
        return Read(() => assembly.GetManifestResourceStream(ResourceName)!, "shipped recogniser model");
    }
}
