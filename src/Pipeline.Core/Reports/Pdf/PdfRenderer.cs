using System.Globalization;
using Pipeline.Fonts;
using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Pdf.Layout;
using SkiaSharp;

namespace Pipeline.Reports.Pdf;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on A4 pages and draws it with Skia's PDF backend:
/// blocks -> elements -> measured slices -> pages -> subset font -> drawing.
/// </summary>
public static class PdfRenderer
{
    private const float PageWidth = 595.28f, PageHeight = 841.89f;
    private const float MarginX = 54, MarginTop = 50, MarginBottom = 64;
    private const float ContentWidth = PageWidth - 2 * MarginX;
    private const float FooterBaseline = PageHeight - 34;

    private static readonly SKColor Accent = Color(ReportPalette.Accent);
    private static readonly SKColor TextColor = Color(ReportPalette.Text);
    private static readonly SKColor Muted = Color(ReportPalette.Muted);
    private static readonly SKColor Grid = Color(ReportPalette.Grid);

    private static readonly TextStyle Body = new(9.5f, TextColor);
    private static readonly TextStyle ArticleText = new(10.5f, TextColor);
    private static readonly TextStyle TableText = new(8.5f, TextColor);
    private static readonly TextStyle Note = new(8.5f, Muted);
    private static readonly TextStyle Footer = new(7.5f, Muted);

    // Loaded once: each is 7.5 MB, and SKTypeface is immutable and safe to share between threads.
    private static readonly Lazy<SKTypeface> FullRegular = new(() => Load(ReportFonts.Regular));
    private static readonly Lazy<SKTypeface> FullBold = new(() => Load(ReportFonts.Bold));

    public static void Render(ReportDocument report, Stream output)
    {
        using var ctx = new LayoutContext(FullRegular.Value, FullBold.Value);

        var slices = new ColumnElement(report.Blocks.SelectMany(Elements)).Measure(ctx, ContentWidth);
        var pages = Paginator.Paginate(slices, MarginTop, PageHeight - MarginTop - MarginBottom);
        var footers = Enumerable.Range(1, pages.Count).Select(n => FooterText(ReportText.Clean(report.Title).Replace('\n', ' '), n, pages.Count)).ToList();
        foreach (var (left, right) in footers) { ctx.Register(left, Footer.Bold); ctx.Register(right, Footer.Bold); }

        // Only the glyphs this document shows go into the PDF: a few hundred instead of 21,000 per face.
        var regular = FontSubsetter.Subset(ReportFonts.Regular, ctx.UsedCodepoints(bold: false));
        var bold = FontSubsetter.Subset(ReportFonts.Bold, ctx.UsedCodepoints(bold: true));
        using var regularSubset = Load(regular);
        using var boldSubset = Load(bold);
        ctx.UseForDrawing(regularSubset, boldSubset);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = ReportText.Clean(report.Title),
            Creator = "Pipeline",
            Producer = "Pipeline (SkiaSharp)",
            Creation = SourceDate.DocumentTime,
            Modified = SourceDate.DocumentTime,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            foreach (var placed in pages[i])
                placed.Slice.Draw(ctx, canvas, MarginX, placed.Y, ContentWidth);
            DrawFooter(ctx, canvas, footers[i]);
            document.EndPage();
        }
        document.Close();
    }

    private static (string Left, string Right) FooterText(string title, int page, int pages)
    {
        var left = title.Length > 60 ? title[..59] + "…" : title;
        return (left, string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages}"));
    }

    private static void DrawFooter(LayoutContext ctx, SKCanvas canvas, (string Left, string Right) text)
    {
        using var rule = new SKPaint { Color = Grid, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(MarginX, FooterBaseline - 12, PageWidth - MarginX, FooterBaseline - 12, rule);
        ctx.DrawText(canvas, text.Left, MarginX, FooterBaseline, Footer);
        ctx.DrawText(canvas, text.Right, PageWidth - MarginX - ctx.Measure(text.Right, Footer), FooterBaseline, Footer);
    }

    private static IEnumerable<IElement> Elements(ReportBlock block)
    {
        switch (block)
        {
            case TitleBlock t:
                yield return new RuleElement(Accent, 3, 10);
                yield return new TextElement([new StyledRun(t.Kicker, new TextStyle(8, Muted, Bold: true))], 1.3f, 2);
                yield return new TextElement([new StyledRun(t.Title, new TextStyle(20, Accent, Bold: true))], 1.3f, 3);
                if (t.Subtitle is not null) yield return new TextElement([new StyledRun(t.Subtitle, new TextStyle(9, Muted))], 1.4f);
                yield return new SpacerElement(8);
                break;
            case MetadataBlock m:
                foreach (var item in m.Items)
                    yield return new TextElement([new StyledRun(item.Label + ":  ", Body.With(bold: true, color: Muted, size: 8.5f)),
                        new StyledRun(item.Value, Body.With(size: 8.5f))], 1.5f);
                yield return new SpacerElement(10);
                break;
            case KeyFiguresBlock k:
                yield return new KeyFiguresElement([.. k.Figures.Select(f => (f.Value, f.Label, f.Detail))],
                    new TextStyle(18, Accent, Bold: true), new TextStyle(8.5f, TextColor, Bold: true), new TextStyle(7.5f, Muted),
                    Color(ReportPalette.FigureFill));
                yield return new SpacerElement(6);
                break;
            case HeadingBlock h:
                yield return new HeadingElement(h.Text, new TextStyle(h.Level <= 1 ? 14 : 12, Accent, Bold: true),
                    h.Level <= 1 ? Accent : Grid, h.Level <= 1 ? 16 : 10);
                break;
            case ParagraphBlock p:
                var (style, spacing, after) = p.Role switch
                {
                    ParagraphRole.Note => (Note, 1.4f, 5f),
                    ParagraphRole.Article => (ArticleText, 1.75f, 7f),
                    _ => (Body, 1.45f, 5f),
                };
                yield return new TextElement(Styled(p.Runs, style), spacing, after,
                    keepWithNext: p.Role == ParagraphRole.Note, justify: p.Role == ParagraphRole.Article);
                break;
            case TableBlock t:
                yield return new TableElement([.. t.Columns.Select(c => c.Weight)],
                    [.. t.Columns.Select(c => (IReadOnlyList<StyledRun>)[new StyledRun(c.Header, TableText.With(bold: true, color: Accent))])],
                    [.. t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<StyledRun>>)[.. r.Select(c => Styled(c.Runs, TableText))])],
                    new TableStyle(Grid, Color(ReportPalette.HeaderFill)));
                yield return new SpacerElement(8);
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    private static IReadOnlyList<StyledRun> Styled(IEnumerable<Document.Run> runs, TextStyle baseStyle) =>
        [.. runs.Where(r => r.Text.Length > 0).Select(r => new StyledRun(r.Text, baseStyle with
        {
            Bold = baseStyle.Bold || r.Style.HasFlag(RunStyle.Bold),
            Color = r.Style.HasFlag(RunStyle.Muted) ? Muted : baseStyle.Color,
            Size = r.Style.HasFlag(RunStyle.Small) ? baseStyle.Size * 0.88f : baseStyle.Size,
            Background = r.Highlight is null ? null : Color(ReportPalette.HighlightFill(r.Highlight)),
        }))];

    private static SKColor Color(string hex) => SKColor.Parse(hex);

    private static SKTypeface Load(byte[] font) =>
        SKTypeface.FromData(SKData.CreateCopy(font)) ?? throw new InvalidOperationException("Skia could not load the report font");
}
