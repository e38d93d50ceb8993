using System.Collections.Immutable;

namespace Pipeline.Reports.Model;

/// <summary>
/// Everything one article's briefing shows, already chosen, grouped and sorted: the writers only lay it out.
/// </summary>
public sealed record BriefingModel(
    string Title,
    string? TitleOrigin,
    string FileName,
    string? Publisher,
    string? Url,
    string? Language,
    SourcedDate? DocumentDate,
    ImmutableArray<string> Lead,
    BriefingTimeline Timeline,
    ImmutableArray<OrganisationRow> Organisations,
    BriefingAgreements Agreements,
    ImmutableArray<DateRow> Dates,
    ImmutableArray<HighlightedParagraph> Text,
    ImmutableArray<string> Warnings,
    ImmutableArray<string> Failures)
{
    /// <summary>Chinese articles show canonical English names beside the Chinese ones.</summary>
    public bool Chinese => Language is { } l && l.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A date and where the pipeline got it (sidecar, dateline, ...).</summary>
public sealed record SourcedDate(DateOnly Value, string Origin)
{
    /// <summary>What the report shows: the date as precisely as its source gives it ("2018-07"), else the day.</summary>
    public string? AsWritten { get; init; }

    /// <summary>How sure the pipeline is of the date (0–1), when it inferred it; the briefing shows it as high/medium/low.</summary>
    public double? Confidence { get; init; }

    /// <summary>The date is (or takes its year from) the file modification time.</summary>
    public bool Guessed => Pipeline.Model.DateOrigins.IsGuess(Origin);
}

/// <summary>
/// Timeline rows, as the timeline stage made them; <see cref="Missing"/> says why there are none when the
/// pipeline did not produce a timeline (no such stage, or a stage failed) — never rebuilt here.
/// </summary>
/// <param name="LeftOff">Dated events the stage left off because their dates count from a guessed document date.</param>
public sealed record BriefingTimeline(ImmutableArray<TimelineRow> Rows, string? Missing, int LeftOff = 0);

public sealed record TimelineRow(string Date, string Summary, ImmutableArray<string> Organisations, ImmutableArray<string> Agreements);

public sealed record OrganisationRow(string Canonical, string? CanonicalEn, ImmutableArray<string> Aliases, int Mentions);

/// <summary>Agreement records as the agreement-records stage made them; <see cref="Missing"/> as for the timeline.</summary>
public sealed record BriefingAgreements(ImmutableArray<AgreementRow> Rows, string? Missing);

public sealed record AgreementRow(string Title, string? TitleEn, string? Kind, string? Date, string? Action, string? Forum,
    ImmutableArray<string> Parties, int Mentions);

/// <summary>A DATE mention: its text, resolved value, and the reference a relative date was resolved against.</summary>
public sealed record DateRow(string Text, string? Value, SourcedDate? Reference, bool Ambiguous);

/// <summary>A paragraph of the article cut into plain and highlighted pieces (EntityType null = plain).</summary>
public sealed record HighlightedParagraph(ImmutableArray<TextPiece> Pieces)
{
    public string PlainText => string.Concat(Pieces.Select(p => p.Text));
}

public sealed record TextPiece(string Text, string? EntityType);
