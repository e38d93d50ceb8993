using System.Collections.Immutable;

namespace Pipeline.Model;

/// <summary>
/// The one document every stage reads and extends. Stages never call each other:
/// each takes an Article and returns a new one with what it found added.
/// Offsets inside the pipeline are UTF-16 indices into <see cref="Text"/>;
/// they become code points only when written out (see <see cref="TextOffsets"/>).
/// </summary>
public sealed record Article
{
    public required SourceFile Source { get; init; }

    /// <summary>The decoded text, nothing stripped (annotation offsets count into it: docs/annotation.md).</summary>
    public string Text { get; init; } = "";

    public ArticleMetadata Metadata { get; init; } = new();

    /// <summary>Decided once, by ingest (or <see cref="FromText"/>): every stage reads it from here.</summary>
    public DocumentLanguage Language { get; init; }

    public ImmutableArray<TextSpan> Paragraphs { get; init; } = [];
    public ImmutableArray<TextSpan> Sentences { get; init; } = [];

    /// <summary>Decided entities (what `extract` prints and the reports show).</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>Spans proposed by rules whose type the classification stage decides.</summary>
    public ImmutableArray<Candidate> Candidates { get; init; } = [];

    public ImmutableArray<AgreementRecord> Agreements { get; init; } = [];
    public ImmutableArray<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Dated events the timeline stage left off because their dates count from a guessed document date.</summary>
    public int TimelineLeftOff { get; init; }

    /// <summary>Non-fatal findings worth telling the user (e.g. "document date guessed from file time").</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Stages that failed on this article: their findings are missing, the rest stands.</summary>
    public ImmutableArray<StageFailure> Failures { get; init; } = [];

    /// <summary>The parts the pipeline produced for this article (see <see cref="ArticleParts"/>).</summary>
    public ArticleParts Produced { get; init; }

    /// <summary>True when the pipeline produced <paramref name="part"/>: an empty list then means "none found".</summary>
    public bool Has(ArticleParts part) => Produced.HasFlag(part);

    public string Id => Source.FileName;

    public static Article FromFile(string path) => new() { Source = SourceFile.FromPath(path) };

    /// <summary>An article whose text is already in memory (an annotated corpus), its language decided like ingest does.</summary>
    public static Article FromText(string id, string text, string? declaredLanguage = null)
    {
        var (language, code) = Languages.Decide(declaredLanguage, text);
        return new Article
        {
            Source = new SourceFile(id, id),
            Text = text,
            Language = language,
            Metadata = new ArticleMetadata { Language = new Sourced<string>(code, declaredLanguage is null ? "script" : "given") },
            Produced = ArticleParts.Text,
        };
    }

    public Article AddEntities(IEnumerable<Entity> entities) =>
        this with { Entities = Entities.AddRange(entities).Sort(Entity.ByPosition) };

    public Article AddCandidates(IEnumerable<Candidate> candidates) =>
        this with { Candidates = Candidates.AddRange(candidates) };

    public Article AddWarning(string warning) => this with { Warnings = Warnings.Add(warning) };

    public Article AddFailure(StageFailure failure) => this with { Failures = Failures.Add(failure) };

    public IEnumerable<Entity> EntitiesOf(string type) => Entities.Where(e => e.Type == type);

    /// <summary>
    /// The entities of <paramref name="type"/> that lie inside <paramref name="span"/>, in <see cref="Entities"/> order:
    /// found by binary search (entities are sorted by start), so asking once per sentence stays linear overall.
    /// </summary>
    public IEnumerable<Entity> EntitiesWithin(string type, TextSpan span)
    {
        var entities = Entities;
        int lo = 0, hi = entities.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entities[mid].Start < span.Start) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < entities.Length && entities[i].Start <= span.End; i++)
        {
            var e = entities[i];
            if (e.End <= span.End && e.Type == type) yield return e;
        }
    }

    /// <summary>How many sentences end at or before <paramref name="offset"/> (they are the first ones: sentences are sorted and disjoint).</summary>
    public int SentencesEndingBy(int offset)
    {
        int lo = 0, hi = Sentences.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Sentences[mid].End <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The sentence that contains <paramref name="offset"/>, or the whole text when unsegmented.</summary>
    public TextSpan SentenceAt(int offset)
    {
        // Sentences are sorted and disjoint: binary search keeps long articles linear overall.
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return s;
        }
        return new TextSpan(0, Text.Length);
    }
}

/// <summary>A stage that failed on one article, and why.</summary>
public sealed record StageFailure(string Stage, string Reason)
{
    /// <summary>Where it failed (the exception's stack), for a developer; never shown to users unless asked for.</summary>
    public string? Trace { get; init; }

    public override string ToString() => $"stage '{Stage}' failed: {Reason}";
}

public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    public string Of(string text) => text[Start..End];
}

public sealed record SourceFile(string Path, string FileName)
{
    public static SourceFile FromPath(string path) =>
        new(System.IO.Path.GetFullPath(path), System.IO.Path.GetFileName(path));

    public string Extension => System.IO.Path.GetExtension(FileName).ToLowerInvariant();

    /// <summary>When the file ingest read was last modified (null before ingest, or where the system does not say):
    /// the document date's last resort, taken from the read itself rather than asked of the file again.</summary>
    public DateTime? ModifiedUtc { get; init; }
}

/// <summary>A value and where it came from, so reports can say why the pipeline believes it.</summary>
public sealed record Sourced<T>(T Value, string Origin);

public sealed record ArticleMetadata
{
    public Sourced<string>? Title { get; init; }
    public Sourced<string>? Publisher { get; init; }
    public Sourced<string>? Url { get; init; }
    /// <summary>"zh" or "en" (or what the sidecar says).</summary>
    public Sourced<string>? Language { get; init; }
    /// <summary>The date relative expressions resolve against; Origin is one of <see cref="DateOrigins"/>.</summary>
    public Sourced<DateOnly>? DocumentDate { get; init; }

    /// <summary>
    /// The document date at the precision the text gives it ("2018-07" for 2018年7月) when it was taken from
    /// a date in the text; null when <see cref="DocumentDate"/> is as exact as its source.
    /// </summary>
    public string? DocumentDateAsWritten { get; init; }

    /// <summary>How sure the pipeline is of <see cref="DocumentDate"/>, 0–1 (1 when the metadata gives it).</summary>
    public double? DocumentDateConfidence { get; init; }

    /// <summary>What an inferred <see cref="DocumentDate"/> rests on, in words ("dateline 1月3日; year from 1997-12-31").</summary>
    public string? DocumentDateEvidence { get; init; }
    /// <summary>Encoding the text was decoded from, and the input format.</summary>
    public string? Encoding { get; init; }
    public string? Format { get; init; }
}

public static class DateOrigins
{
    public const string Sidecar = "sidecar";          // NAME.meta.json "date"
    public const string FrontMatter = "front-matter"; // .md front matter / docx core properties / html meta
    public const string Dateline = "dateline";        // 新华社北京9月3日电, "Washington, April 7, 2022"
    public const string LatestInText = "latest-date-in-text";
    /// <summary>Clues in the text that agree on a day: 今天是…, a weekday beside a date, an anniversary's year.</summary>
    public const string TextEvidence = "text-evidence";
    public const string FileTime = "file-modification-time";
    /// <summary>Month and day from the text (a dateline without a year), the year from the file modification time.</summary>
    public const string FileTimeYear = "text-with-file-time-year";

    /// <summary>True when the date, or its year, is only the file's modification time: nothing dated from it is a fact.</summary>
    public static bool IsGuess(string origin) => origin is FileTime or FileTimeYear;

    /// <summary>The word for a confidence: high (0.85 and up), medium (0.6 and up) or low.</summary>
    public static string LevelOf(double confidence) => confidence >= 0.85 ? "high" : confidence >= 0.6 ? "medium" : "low";
    /// <summary>Prefix of a date reference taken from a quoted speech's own date ("speech-date:2016").</summary>
    public const string SpeechPrefix = "speech-date:";
}
