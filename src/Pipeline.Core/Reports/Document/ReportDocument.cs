using System.Collections.Immutable;

namespace Pipeline.Reports.Document;

/// <summary>
/// A report as a format-neutral list of blocks: composed once from a briefing or overview model,
/// then laid out by the DOCX and the PDF renderer, so both formats show the same content.
/// </summary>
public sealed record ReportDocument(string Title, ImmutableArray<ReportBlock> Blocks)
{
    /// <summary>Every string the document will show (used to pick the glyphs a PDF embeds).</summary>
    public IEnumerable<string> AllText() => Blocks.SelectMany(b => b.AllText()).Prepend(Title);
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

/// <summary>Label/value pairs shown as a compact metadata list.</summary>
public sealed record MetadataBlock(ImmutableArray<MetadataItem> Items) : ReportBlock
{
    public override IEnumerable<string> AllText() => Items.SelectMany(i => new[] { i.Label, i.Value });
}

public sealed record MetadataItem(string Label, string Value);

/// <summary>A row of headline numbers ("12 Dates").</summary>
public sealed record KeyFiguresBlock(ImmutableArray<KeyFigure> Figures) : ReportBlock
{
    public override IEnumerable<string> AllText() => Figures.SelectMany(f => new[] { f.Value, f.Label });
}

public sealed record KeyFigure(string Value, string Label, string? Detail);

public sealed record HeadingBlock(string Text, int Level) : ReportBlock
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
}

/// <summary>A table with a header row; widths are relative weights.</summary>
public sealed record TableBlock(ImmutableArray<TableColumn> Columns, ImmutableArray<ImmutableArray<Cell>> Rows) : ReportBlock
{
    public override IEnumerable<string> AllText() =>
        Columns.Select(c => c.Header).Concat(Rows.SelectMany(r => r.SelectMany(c => c.Runs.Select(run => run.Text))));
}

public sealed record TableColumn(string Header, float Weight);

public sealed record Cell(ImmutableArray<Run> Runs)
{
    public static Cell Of(string? text, RunStyle style = RunStyle.Plain) => new([new Run(text ?? "", style)]);
    public static readonly Cell Empty = Of("");
}

[Flags]
public enum RunStyle
{
    Plain = 0,
    Bold = 1,
    Muted = 2,
    Small = 4,
}

/// <summary>A piece of text with one style; <see cref="Highlight"/> is an entity type (DATE/ORG/AGREEMENT) or null.</summary>
public sealed record Run(string Text, RunStyle Style = RunStyle.Plain, string? Highlight = null);
