namespace Pipeline.Recognition;

/// <summary>A name the tagger found: UTF-16 offsets into the text, its type and the mean probability of its tags.</summary>
public readonly record struct RecognisedName(int Start, int End, string Type, float Confidence);

/// <summary>
/// One language's tagger at work: cuts the text into units, extracts their features, decodes each stretch.
/// Holds reusable buffers, so one instance serves one thread; <see cref="Recogniser"/> keeps one per thread.
/// </summary>
public sealed class Tagger(TaggerWeights weights, IUnitFeatures features, WordLexicon? lexicon = null)
{
    /// <summary>English: how often words are written in lower case (empty for Chinese).</summary>
    public WordLexicon Lexicon { get; } = lexicon ?? WordLexicon.Empty;

    private readonly TextUnits _units = new();
    private readonly FeatureRows _rows = new();
    private readonly DecodeScratch _scratch = new();
    private readonly List<TaggedSpan> _spans = [];

    public TaggerWeights Weights => weights;

    /// <summary>A tagger for one language of a model, with the shipped gazetteer behind its features.</summary>
    public static Tagger For(string language, LanguageTagger learnt) =>
        new(learnt.Weights, RecogniserTrainer.FeaturesFor(language, Organisations.Gazetteer.Default, learnt.Weights.Bits, learnt.Lexicon),
            learnt.Lexicon);

    // Features are extracted this many units at a time (whole stretches): a few MB however long the document.
    private const int BatchUnits = 1 << 15;

    public List<RecognisedName> Find(string text, CancellationToken cancellation = default)
    {
        features.Cut(text, _units);
        features.Prepare(_units);
        _spans.Clear();
        var stretches = _units.StretchStarts.Count;
        for (var batch = 0; batch < stretches;)
        {
            cancellation.ThrowIfCancellationRequested();
            var batchEnd = batch + 1;
            while (batchEnd < stretches && _units.StretchEnd(batchEnd) - _units.StretchStarts[batch] <= BatchUnits) batchEnd++;
            features.Extract(_units, batch, batchEnd, _rows);
            for (var s = batch; s < batchEnd; s++)
            {
                var first = _units.StretchStarts[s];
                var end = _units.StretchEnd(s);
                var tags = _scratch.TagsFor(end - first);
                weights.Decode(_rows, first, end, tags, _scratch);
                weights.Spans(_rows, first, tags, _spans);
            }
            batch = batchEnd;
        }
        var result = new List<RecognisedName>(_spans.Count);
        foreach (var span in _spans)
            result.Add(new RecognisedName(_units.Starts[span.First], _units.Ends[span.End - 1],
                weights.Tags.Types[span.Type], span.Confidence));
        _units.Shrink();
        features.Shrink();
        _rows.Shrink();
        return result;
    }
}
