using System.Collections.Immutable;

namespace Pipeline.Reports.Document;

/// <summary>
/// A report as a format-neutral list of blocks: composed once from a briefing or overview model,
/// then laid out by the DOCX, PDF and HTML renderers, so every format shows the same content.
/// </summary>
public sealed record ReportDocument(string Title, ImmutableArray<ReportBlock> Blocks)
{
    /// <summary>BCP 47 language of the document's own text ("zh", "en"), for the HTML lang attribute.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Characters the report fonts cannot draw (emoji, unsupported scripts): each becomes a visible mark.</summary>
    public int MissingGlyphs { get; init; }

    /// <summary>Every string the document will show (used to pick the glyphs a PDF embeds).</summary>
    public IEnumerable<string> AllText() => Blocks.SelectMany(b => b.AllText()).Prepend(Title);

    /// <summary>The headings that carry an anchor: PDF bookmarks, the Word table of contents, the HTML navigation.</summary>
    public IEnumerable<HeadingBlock> Outline => Blocks.OfType<HeadingBlock>().Where(h => h.Anchor is not null);
}

public abstract record ReportBlock
{
    public abstract IEnumerable<string> AllText();
}

/// <summary>The title block: kicker ("Briefing"), title and a muted subtitle line.</summary>
public sealed record TitleBlock(string Kicker, string Title, string? Subtitle) : ReportBlock
{
    public override IEnumerable<string> AllText() => [Kicker, Title, Subtitle ?? ""];
}

/// <summary>Label/value pairs shown as a compact metadata list; a value may be a link.</summary>
public sealed record MetadataBlock(ImmutableArray<MetadataItem> Items) : ReportBlock
{
    public override IEnumerable<string> AllText() => Items.SelectMany(i => new[] { i.Label, i.Value });
}

public sealed record MetadataItem(string Label, string Value, string? Link = null);

/// <summary>A row of headline numbers ("12 Dates").</summary>
public sealed record KeyFiguresBlock(ImmutableArray<KeyFigure> Figures) : ReportBlock
{
    public override IEnumerable<string> AllText() => Figures.SelectMany(f => new[] { f.Value, f.Label, f.Detail ?? "" });
}

public sealed record KeyFigure(string Value, string Label, string? Detail);

/// <summary>A section heading; with an <see cref="Anchor"/> it is a bookmark, a contents entry and a link target.</summary>
public sealed record HeadingBlock(string Text, int Level, string? Anchor = null) : ReportBlock
{
    public override IEnumerable<string> AllText() => [Text];
}

public sealed record ParagraphBlock(ImmutableArray<Run> Runs, ParagraphRole Role = ParagraphRole.Body) : ReportBlock
{
    public ParagraphBlock(string text, ParagraphRole role = ParagraphRole.Body) : this([new Run(text)], role) { }
    public override IEnumerable<string> AllText() => Runs.Select(r => r.Text);
}

public enum ParagraphRole
{
    Body,
    /// <summary>Smaller grey text explaining where something came from.</summary>
    Note,
    /// <summary>Article text: slightly larger line spacing for reading.</summary>
    Article,
    /// <summary>One item of a bulleted list (the key sentences of a briefing, the changes of a batch).</summary>
    Bullet,
}

/// <summary>Links to the sections of the document (anchors of <see cref="HeadingBlock"/>s).</summary>
public sealed record ContentsBlock(ImmutableArray<ContentsEntry> Entries) : ReportBlock
{
    /// <summary>All entries on one line ("Agreements · Timeline · …") rather than one a line.</summary>
    public bool Inline { get; init; }

    public override IEnumerable<string> AllText() => Entries.SelectMany(e => new[] { e.Text, e.Detail ?? "" });
}

public sealed record ContentsEntry(string Text, string Anchor, string? Detail = null);

/// <summary>Charts side by side (a single one takes the full width).</summary>
public sealed record ChartsBlock(ImmutableArray<ChartSpec> Charts) : ReportBlock
{
    public override IEnumerable<string> AllText() => Charts.SelectMany(c => c.Labels.Prepend(c.Title).Append(c.ValueAxis));
}

public enum ChartKind
{
    /// <summary>Horizontal bars, one per label, largest first (a ranking).</summary>
    Ranking,
    /// <summary>Vertical bars in label order (counts over time).</summary>
    Histogram,
}

/// <summary>A bar chart as data: each renderer draws it (vector in the PDF, an image in Word, SVG in HTML).</summary>
public sealed record ChartSpec(ChartKind Kind, string Title, ImmutableArray<string> Labels, ImmutableArray<double> Values,
    string ValueAxis, string Description);

/// <summary>
/// Filters of the interactive (HTML) view: each option names the documents it selects. Print formats skip it.
/// </summary>
public sealed record FilterBlock(ImmutableArray<FilterOption> Organisations, ImmutableArray<FilterOption> Agreements) : ReportBlock
{
    public override IEnumerable<string> AllText() => [];
}

public sealed record FilterOption(string Label, ImmutableArray<string> Documents);

/// <summary>A table with a header row; widths are relative weights.</summary>
public sealed record TableBlock(ImmutableArray<TableColumn> Columns, ImmutableArray<TableRow> Rows) : ReportBlock
{
    /// <summary>A name for the table (HTML caption and the filter's target), e.g. "documents".</summary>
    public string? Name { get; init; }

    public override IEnumerable<string> AllText() =>
        Columns.Select(c => c.Header).Concat(Rows.SelectMany(r => r.Cells.SelectMany(c => c.Runs.Select(run => run.Text))));
}

/// <param name="Numeric">Right-aligned, sorted as numbers in the HTML view.</param>
public sealed record TableColumn(string Header, float Weight, bool Numeric = false);

/// <summary>A table row; <see cref="Anchor"/> makes it a link target, <see cref="Facets"/> let the HTML filters find it.</summary>
public sealed record TableRow(ImmutableArray<Cell> Cells)
{
    public string? Anchor { get; init; }
    public RowFacets? Facets { get; init; }

    public static implicit operator TableRow(ImmutableArray<Cell> cells) => new(cells);
}

/// <summary>
/// What a row is about, for filtering: the documents (their anchors) it belongs to and its date ("" when the row is
/// of a dated kind but its date is unknown; null when dates do not apply to it).
/// </summary>
public sealed record RowFacets(ImmutableArray<string> Documents, string? Date);

public sealed record Cell(ImmutableArray<Run> Runs)
{
    public static Cell Of(string? text, RunStyle style = RunStyle.Plain) => new([new Run(text ?? "", style)]);
    public static Cell Link(string text, string link, RunStyle style = RunStyle.Plain) => new([new Run(text, style, Link: link)]);
    public static readonly Cell Empty = Of("");
}

[Flags]
public enum RunStyle
{
    Plain = 0,
    Bold = 1,
    Muted = 2,
    Small = 4,
    /// <summary>
    /// Not broken inside a word (dates: "2026-11-30" never split at a hyphen). HTML keeps the run on one line; Word,
    /// whose table columns cannot grow, keeps the hyphens and may still break at a space ("week 34 of 1996").
    /// </summary>
    NoBreak = 8,
}

/// <summary>
/// A piece of text with one style; <see cref="Highlight"/> is an entity type (DATE/ORG/AGREEMENT) or null;
/// <see cref="Link"/> is a URL, "#anchor" of a heading or row in the same document, or a briefing (<see cref="ReportLinks"/>).
/// </summary>
public sealed record Run(string Text, RunStyle Style = RunStyle.Plain, string? Highlight = null, string? Link = null);
