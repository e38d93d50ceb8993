using System.Globalization;
using Pipeline.Fonts;
using Pipeline.Model;
using Pipeline.Reports.Charts;
using Pipeline.Reports.Document;
using Pipeline.Reports.Pdf.Layout;
using SkiaSharp;

namespace Pipeline.Reports.Pdf;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on A4 pages and draws it with Skia's PDF backend:
/// blocks -> elements -> measured slices -> pages -> subset fonts -> drawing -> bookmarks.
/// </summary>
public static class PdfRenderer
{
    private const float PageWidth = 595.28f, PageHeight = 841.89f;
    private const float MarginX = 54, MarginTop = 50, MarginBottom = 64;
    private const float ContentWidth = PageWidth - 2 * MarginX;
    private const float FooterBaseline = PageHeight - 34;
    private const float ChartHeight = 190;

    private static readonly SKColor Accent = Color(ReportPalette.Accent);
    private static readonly SKColor TextColor = Color(ReportPalette.Text);
    private static readonly SKColor Muted = Color(ReportPalette.Muted);
    private static readonly SKColor Grid = Color(ReportPalette.Grid);
    private static readonly SKColor LinkColor = Color(ReportPalette.Link);

    private static readonly TextStyle Body = new(9.5f, TextColor);
    private static readonly TextStyle ArticleText = new(10.5f, TextColor);
    private static readonly TextStyle TableText = new(8.5f, TextColor);
    private static readonly TextStyle Note = new(8.5f, Muted);
    private static readonly TextStyle Footer = new(7.5f, Muted);

    /// <summary>
    /// Loads the Latin and CJK faces every briefing draws with (Skia's typefaces, HarfBuzz's faces of the real and
    /// the placeholder fonts), each piece on a core of its own; Arabic waits until a document needs it.
    /// </summary>
    public static void Prepare()
    {
        var faces = new[] { FontFace.Cjk, FontFace.Latin }.SelectMany(f => new[] { (f, false), (f, true) }).ToList();
        var pieces = faces.SelectMany(f => new Action[]
        {
            () => ReportFonts.Typeface(f.Item1, f.Item2),
            () => FontSubsetter.Prepare(f.Item1, f.Item2, placeholder: false),
            () => FontSubsetter.Prepare(f.Item1, f.Item2, placeholder: true),
        }).ToList();
        Parallel.ForEach(pieces, piece => piece());
    }

    public static void Render(ReportDocument report, Stream output)
    {
        using var ctx = new LayoutContext(ReportFonts.Typeface);
        var chartFont = $"pipeline-chart-{Guid.NewGuid():N}";
        var layout = Layout(ctx, report, () => chartFont);

        // Only the glyphs this document shows go into the PDF: a few hundred instead of 21,000 per CJK face.
        // Skia draws with placeholder subsets (cheap outlines, see PlaceholderFont); the real subsets replace them after.
        var subsets = new Dictionary<(FontFace, bool), SKTypeface>();
        var programs = new List<(byte[] Placeholder, byte[] Real)>();
        try
        {
            foreach (var ((face, bold), codepoints) in ctx.Used)
            {
                var placeholder = FontSubsetter.Subset(face, bold, codepoints, placeholder: true);
                programs.Add((placeholder, FontSubsetter.Subset(face, bold, codepoints)));
                subsets[(face, bold)] = ReportFonts.NewTypeface(placeholder);
            }
            ctx.UseForDrawing(subsets);
            var chartFace = subsets.GetValueOrDefault((FontFace.Cjk, false));
            if (chartFace is not null) ChartFonts.Register(chartFont, () => chartFace);

            var metadata = new SKDocumentPdfMetadata
            {
                Title = ReportText.Clean(report.Title),
                Creator = "Pipeline",
                Producer = "Pipeline (SkiaSharp)",
                Creation = SourceDate.DocumentTime,
                Modified = SourceDate.DocumentTime,
            };
            using var buffer = new MemoryStream();
            using (var document = SKDocument.CreatePdf(buffer, metadata))
            {
                for (var i = 0; i < layout.Pages.Count; i++)
                {
                    // The page's canvas belongs to the document; its wrapper is released with the page, not finalized.
                    using var canvas = document.BeginPage(PageWidth, PageHeight);
                    DrawPage(ctx, canvas, layout, i);
                    document.EndPage();
                }
                document.Close();
            }
            using var pdf = PdfFontPrograms.Replace(buffer, programs);
            PdfOutline.Append(pdf, [.. report.Outline.Select(h => new OutlineItem(ReportText.Clean(h.Text), h.Anchor!, h.Level))]);
            pdf.Position = 0;
            pdf.CopyTo(output);
        }
        finally
        {
            ChartFonts.Forget(chartFont);
            foreach (var s in subsets.Values) s.Dispose();
        }
    }

    /// <summary>
    /// The first <paramref name="maxPages"/> pages drawn onto bitmaps at <paramref name="dpi"/> with the same layout
    /// and fonts as the PDF (for looking at pages and comparing them with references, with no PDF tool).
    /// </summary>
    public static List<SKBitmap> RenderPages(ReportDocument report, float dpi, int maxPages)
    {
        using var ctx = new LayoutContext(ReportFonts.Typeface);
        var layout = Layout(ctx, report, () => ChartPlots.FullFontName);
        var scale = dpi / 72f;
        var bitmaps = new List<SKBitmap>();
        for (var i = 0; i < Math.Min(maxPages, layout.Pages.Count); i++)
        {
            var bitmap = new SKBitmap((int)Math.Ceiling(PageWidth * scale), (int)Math.Ceiling(PageHeight * scale));
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            DrawPage(ctx, canvas, layout, i);
            bitmaps.Add(bitmap);
        }
        return bitmaps;
    }

    private sealed record PageLayout(List<List<PlacedSlice>> Pages, List<(string Left, string Right)> Footers);

    private static PageLayout Layout(LayoutContext ctx, ReportDocument report, Func<string> chartFont)
    {
        var slices = new ColumnElement(report.Blocks.SelectMany(b => Elements(b, chartFont))).Measure(ctx, ContentWidth);
        var pages = Paginator.Paginate(slices, MarginTop, PageHeight - MarginTop - MarginBottom);
        var title = FontCoverage.ReplaceMissing(ReportText.Clean(report.Title).Replace('\n', ' '));
        var footers = Enumerable.Range(1, pages.Count).Select(n => FooterText(title, n, pages.Count)).ToList();
        foreach (var (left, right) in footers) { ctx.RegisterString(left, Footer); ctx.RegisterString(right, Footer); }
        return new PageLayout(pages, footers);
    }

    private static void DrawPage(LayoutContext ctx, SKCanvas canvas, PageLayout layout, int page)
    {
        foreach (var placed in layout.Pages[page])
            placed.Slice.Draw(ctx, canvas, MarginX, placed.Y, ContentWidth);
        DrawFooter(ctx, canvas, layout.Footers[page]);
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
        ctx.DrawString(canvas, text.Left, MarginX, FooterBaseline, Footer);
        ctx.DrawString(canvas, text.Right, PageWidth - MarginX - ctx.Measure(text.Right, Footer), FooterBaseline, Footer);
    }

    private static IEnumerable<IElement> Elements(ReportBlock block, Func<string> chartFont)
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
                        new StyledRun(item.Value, ReportLinks.Resolve(item.Link, "pdf") is not { } link ? Body.With(size: 8.5f) : Body.With(size: 8.5f, color: LinkColor) with { Link = link })], 1.5f);
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
                    h.Level <= 1 ? Accent : Grid, h.Level <= 1 ? 16 : 10, h.Anchor);
                break;
            case ParagraphBlock { Role: ParagraphRole.Bullet } p:
                yield return new BulletElement(new StyledRun("•", Body.With(color: Accent, bold: true)), Styled(p.Runs, Body), 12, 1.45f, 4);
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
            case ContentsBlock { Inline: true } c:
                yield return new TextElement([new StyledRun("Contents:  ", Note.With(bold: true)),
                    .. c.Entries.SelectMany((e, i) => i == 0
                        ? new[] { new StyledRun(e.Text, Note.With(color: LinkColor) with { Link = "#" + e.Anchor }) }
                        : [new StyledRun("  ·  ", Note), new StyledRun(e.Text, Note.With(color: LinkColor) with { Link = "#" + e.Anchor })])], 1.5f, 6);
                break;
            case ContentsBlock c:
                foreach (var e in c.Entries)
                {
                    var runs = new List<StyledRun> { new(e.Text, Body.With(color: LinkColor) with { Link = "#" + e.Anchor }) };
                    if (e.Detail is not null) runs.Add(new StyledRun("  " + e.Detail, Note));
                    yield return new TextElement(runs, 1.5f);
                }
                yield return new SpacerElement(8);
                break;
            case ChartsBlock c:
                yield return new ChartsElement(c.Charts, ChartHeight, chartFont);
                yield return new SpacerElement(8);
                break;
            case FilterBlock:
                break; // interactive only
            case TableBlock t:
                yield return new TableElement([.. t.Columns.Select(c => c.Weight)],
                    [.. t.Columns.Select(c => (IReadOnlyList<StyledRun>)[new StyledRun(c.Header, TableText.With(bold: true, color: Accent))])],
                    [.. t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<StyledRun>>)[.. r.Cells.Select(c => Styled(c.Runs, TableText))])],
                    new TableStyle(Grid, Color(ReportPalette.HeaderFill)),
                    [.. t.Rows.Select(r => r.Anchor)],
                    [.. t.Columns.Select(c => c.Numeric)]);
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
            Color = ReportLinks.Resolve(r.Link, "pdf") is not null ? LinkColor : r.Style.HasFlag(RunStyle.Muted) ? Muted : baseStyle.Color,
            Size = r.Style.HasFlag(RunStyle.Small) ? baseStyle.Size * 0.88f : baseStyle.Size,
            Background = r.Highlight is null ? null : Color(ReportPalette.HighlightFill(r.Highlight)),
            Link = ReportLinks.Resolve(r.Link, "pdf"),
            NoBreak = r.Style.HasFlag(RunStyle.NoBreak),
        }))];

    private static SKColor Color(string hex) => SKColor.Parse(hex);
}
