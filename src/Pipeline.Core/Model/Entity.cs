using System.Collections.Immutable;

namespace Pipeline.Model;

public static class EntityTypes
{
    public const string Date = "DATE";
    public const string Org = "ORG";
    public const string Agreement = "AGREEMENT";
    // Not scored, but emitted so a title in book marks is never silently lost.
    public const string Law = "LAW";
    public const string Event = "EVENT";
    public const string Media = "MEDIA";
    public const string Publication = "PUBLICATION";
    public const string None = "NONE";

    public static readonly ImmutableArray<string> Scored = [Date, Org, Agreement];

    /// <summary>Every type an entity may have, scored ones first.</summary>
    public static readonly ImmutableArray<string> Emitted = [Date, Org, Agreement, Law, Event, Media, Publication];
}

/// <summary>A decided mention. Start/End are UTF-16 indices, End exclusive.</summary>
public sealed record Entity(string Type, int Start, int End, string Text, string Source, double Confidence)
{
    /// <summary>DATE: ISO 8601 prefix ("2014", "2014-10", "2019/2021").</summary>
    public string? Value { get; init; }

    /// <summary>DATE: the reference a relative expression was resolved against (null for absolute dates).</summary>
    public DateReference? Reference { get; init; }

    /// <summary>DATE: true when the text leaves the value uncertain (a month and day with no year).</summary>
    public bool Ambiguous { get; init; }

    /// <summary>ORG and AGREEMENT: one name for all aliases, in the document's language family.</summary>
    public string? Canonical { get; init; }
    public string? CanonicalEn { get; init; }

    /// <summary>AGREEMENT: kind (treaty, convention, declaration, ...).</summary>
    public string? Kind { get; init; }

    public TextSpan Span => new(Start, End);

    public static readonly Comparison<Entity> ByPosition = (a, b) =>
        a.Start != b.Start ? a.Start.CompareTo(b.Start)
        : a.End != b.End ? b.End.CompareTo(a.End)
        : string.CompareOrdinal(a.Type, b.Type);
}

/// <summary>What a relative date was resolved against: the date and where that date came from.</summary>
public sealed record DateReference(DateOnly Date, string Origin)
{
    /// <summary>The reference is the file modification time (or takes its year from it): the value is a guess.</summary>
    public bool Guessed => DateOrigins.IsGuess(Origin);
}

/// <summary>
/// A span a rule proposes without being sure of its type or its end: the classification
/// stage decides (<see cref="ProposedType"/> is the rules' own answer, used with --no-ml).
/// </summary>
public sealed record Candidate(int Start, int End, string Text, string ProposedType, string Source, double RuleConfidence)
{
    public string? Canonical { get; init; }
    public string? CanonicalEn { get; init; }
    public string? Kind { get; init; }
    /// <summary>True when the span sits inside book marks 《》 (the marks are outside the span).</summary>
    public bool InBookMarks { get; init; }
    public TextSpan Span => new(Start, End);
}

/// <summary>An agreement as an analyst wants it: one per distinct instrument in a document.</summary>
public sealed record AgreementRecord(
    string Canonical,
    string Kind,
    string? Date,
    string? Action,
    string? Forum,
    ImmutableArray<string> Parties,
    string Evidence,
    ImmutableArray<TextSpan> Mentions)
{
    public string? CanonicalEn { get; init; }
}

/// <summary>A sentence that states a dated event.</summary>
public sealed record TimelineEntry(
    string Date,
    TextSpan Sentence,
    string Summary,
    ImmutableArray<string> Organisations,
    ImmutableArray<string> Agreements)
{
    /// <summary>
    /// What timelines sort by (ordinally), everywhere: a range by its start, so "2019/2021" comes with 2019,
    /// before "2019-05".
    /// </summary>
    public static string SortKey(string date) => date.Split('/')[0];
}
