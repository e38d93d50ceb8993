using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pipeline.Fonts;
using Pipeline.Reports.Document;
using ReportRun = Pipeline.Reports.Document.Run;
using RunStyle2 = DocumentFormat.OpenXml.Wordprocessing.RunStyle;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Pipeline.Reports.Charts;
using RunStyle = Pipeline.Reports.Document.RunStyle;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pipeline.Reports.Docx;

/// <summary>Writes a <see cref="ReportDocument"/> as a WordprocessingML package (A4, styles, tables, footer with page numbers).</summary>
public static class DocxRenderer
{
    // Twips (1/20 pt). A4 with 2 cm margins.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134;
    private const int ContentWidth = PageWidth - 2 * Margin;

    // Word has no font for Chinese under a Latin name: East Asian text gets its own font slot,
    // with an alternative Word/LibreOffice know when Noto Sans SC is not installed.
    private const string LatinFont = "Calibri";
    private static readonly string CjkFont = ReportFonts.FamilyName;
    private const string CjkFallback = "Microsoft YaHei";

    public static void Render(ReportDocument report, Stream output)
    {
        using var buffer = new MemoryStream();
        Compose(report, buffer);
        ReproduciblePackage.Copy(buffer, output);
    }

    private static void Compose(ReportDocument report, Stream output)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        // This package is only the input of ReproduciblePackage, which deflates every part again: stored
        // uncompressed here, it costs no deflating and inflating on the way.
        package.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
        package.PackageProperties.Title = ReportText.Clean(report.Title);
        package.PackageProperties.Creator = "Pipeline";
        var main = new Relationships(package.AddMainDocumentPart());
        // Styles, fonts and settings are the same in every document: serialised once per process, copied in.
        main.AddPart<StyleDefinitionsPart>().FeedData(new MemoryStream(StaticParts.Value.Styles, writable: false));
        main.AddPart<FontTablePart>().FeedData(new MemoryStream(StaticParts.Value.Fonts, writable: false));
        main.AddPart<DocumentSettingsPart>().FeedData(new MemoryStream(StaticParts.Value.Settings, writable: false));
        var footerId = AddFooter(main, report.Title);

        // The body is written element by element (a table row by row) and never held whole: the overview of a
        // batch of 10,000 documents is a 30 MB document part, several hundred MB as a tree of elements.
        var writer = new BodyWriter(main);
        using (var xml = OpenXmlWriter.Create(main.Part))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(new W.Document(), [], Namespaces);
            xml.WriteStartElement(new Body());
            foreach (var block in report.Blocks) writer.Write(block, report, xml);
            xml.WriteElement(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 }));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
    }

    // Declared once on the root rather than on every hyperlink and picture.
    private static readonly KeyValuePair<string, string>[] Namespaces =
    [
        new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        new("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        new("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ];

    /// <summary>
    /// The main part's relationships, named rId1, rId2… in the order they are made. The SDK would name them at
    /// random; chosen here, the document part needs no renaming afterwards (see <see cref="ReproduciblePackage"/>),
    /// which for the overview of a large batch meant holding its XML as text several times over.
    /// </summary>
    private sealed class Relationships(MainDocumentPart main)
    {
        private int _count;

        public MainDocumentPart Part => main;

        private string Next() => $"rId{++_count}";

        public T AddPart<T>() where T : OpenXmlPart, IFixedContentTypePart => main.AddNewPart<T>(Next());

        public ImagePart AddPng() => main.AddImagePart(ImagePartType.Png, Next());

        public string AddHyperlink(Uri target) => main.AddHyperlinkRelationship(target, true, Next()).Id;
    }

    /// <summary>Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters.</summary>
    public static string BookmarkName(string anchor)
    {
        var name = new string([.. anchor.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) name = "b" + name;
        return name.Length <= 40 ? name : name[..40];
    }

    /// <summary>Turns blocks into body elements; holds what must be unique in the package (bookmark and drawing ids).</summary>
    private sealed class BodyWriter(Relationships main)
    {
        private uint _nextId = 1;

        /// <summary>Writes the block's elements; a table is written a row at a time.</summary>
        public void Write(ReportBlock block, ReportDocument report, OpenXmlWriter xml)
        {
            if (block is TableBlock table)
            {
                WriteTable(table, xml);
                xml.WriteElement(Paragraph("Spacer", []));
                return;
            }
            foreach (var element in Render(block, report)) xml.WriteElement(element);
        }

        private IEnumerable<OpenXmlElement> Render(ReportBlock block, ReportDocument report) => block switch
        {
            TitleBlock t => TitleParagraphs(t),
            MetadataBlock m => m.Items.Select(i => Paragraph("Metadata",
                [new ReportRun(i.Label + ":  ", RunStyle.Bold | RunStyle.Muted), new ReportRun(i.Value, Link: i.Link)])),
            KeyFiguresBlock k => [KeyFigures(k), Paragraph("Spacer", [])],
            HeadingBlock h => [Heading(h)],
            ParagraphBlock p => [Paragraph(p.Role switch
            {
                ParagraphRole.Note => "Note", ParagraphRole.Article => "ArticleText", ParagraphRole.Bullet => "Bullet", _ => "Normal",
            }, p.Role == ParagraphRole.Bullet ? p.Runs.Insert(0, new ReportRun("•\t")) : p.Runs)],
            ContentsBlock c => TableOfContents(c, report),
            ChartsBlock c => [Charts(c), Paragraph("Spacer", [])],
            FilterBlock => [],
            _ => throw new NotSupportedException(block.GetType().Name),
        };

        private IEnumerable<OpenXmlElement> TitleParagraphs(TitleBlock t)
        {
            yield return Paragraph("Kicker", [new ReportRun(t.Kicker)]);
            yield return Paragraph("Title", [new ReportRun(t.Title)]);
            if (t.Subtitle is not null) yield return Paragraph("Subtitle", [new ReportRun(t.Subtitle)]);
        }

        private Paragraph Heading(HeadingBlock h)
        {
            var p = Paragraph(h.Level <= 1 ? "Heading1" : "Heading2", [new ReportRun(h.Text)]);
            if (h.Anchor is not null) Bookmark(p, h.Anchor);
            return p;
        }

        /// <summary>Wraps the paragraph's content in a bookmark, the target of TOC entries and internal links.</summary>
        private void Bookmark(Paragraph p, string anchor)
        {
            var id = (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            p.InsertAfter(new BookmarkStart { Name = BookmarkName(anchor), Id = id }, p.ParagraphProperties);
            p.Append(new BookmarkEnd { Id = id });
        }

        /// <summary>
        /// A Word table of contents field (TOC \o "1-2" \h \n: headings 1–2, hyperlinked, no page numbers) whose
        /// entries are already filled in, so it reads right before Word updates its fields.
        /// </summary>
        private IEnumerable<OpenXmlElement> TableOfContents(ContentsBlock c, ReportDocument report)
        {
            var entries = c.Entries.ToList();
            Paragraph? p = null;
            for (var i = 0; i < entries.Count; i++)
            {
                if (!c.Inline || p is null) p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }));
                else AppendRun(p, new ReportRun("  ·  ", RunStyle.Muted));
                if (i == 0)
                    p.Append(new W.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                        new W.Run(new FieldCode(" TOC \\o \"1-2\" \\h \\n ") { Space = SpaceProcessingModeValues.Preserve }),
                        new W.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                AppendRun(p, new ReportRun(entries[i].Text, Link: "#" + entries[i].Anchor), main);
                if (entries[i].Detail is not null) AppendRun(p, new ReportRun("  " + entries[i].Detail, RunStyle.Muted | RunStyle.Small), main);
                if (i == entries.Count - 1) p.Append(new W.Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                if (!c.Inline || i == entries.Count - 1) yield return p;
            }
            yield return Paragraph("Spacer", []);
        }

        private Paragraph Paragraph(string style, IEnumerable<ReportRun> runs)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            foreach (var run in runs) AppendRun(p, run, main);
            return p;
        }

        /// <summary>Charts as PNG pictures side by side in one paragraph (Word has no vector chart we could fill without Office).</summary>
        private Paragraph Charts(ChartsBlock block)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }));
            var widthTwips = (ContentWidth - 200 * (block.Charts.Length - 1)) / Math.Max(1, block.Charts.Length);
            foreach (var chart in block.Charts)
            {
                var (png, pxWidth, pxHeight) = ChartImages.Png(chart, widthTwips / 20f);
                var image = main.AddPng();
                using (var stream = new MemoryStream(png)) image.FeedData(stream);
                const long EmuPerTwip = 635;
                var cx = widthTwips * EmuPerTwip;
                var cy = cx * pxHeight / pxWidth;
                p.Append(new W.Run(Picture.Inline(main.Part.GetIdOfPart(image), _nextId++, chart.Title, chart.Description, cx, cy)));
                if (chart != block.Charts[^1]) p.Append(new W.Run(new Text("  ") { Space = SpaceProcessingModeValues.Preserve }));
            }
            return p;
        }

        private Table KeyFigures(KeyFiguresBlock block)
        {
            var width = ContentWidth / Math.Max(1, block.Figures.Length);
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = ContentWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                        new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                        new InsideHorizontalBorder { Val = BorderValues.None },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 24, Color = "FFFFFF" }),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(block.Figures.Select(_ => new GridColumn { Width = width.ToString() })));
            var row = new TableRow();
            foreach (var f in block.Figures)
            {
                var cell = new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa },
                    new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = ReportPalette.FigureFill }));
                cell.Append(Paragraph("FigureValue", [new ReportRun(f.Value)]));
                cell.Append(Paragraph("FigureLabel", [new ReportRun(f.Label, RunStyle.Bold)]));
                if (f.Detail is not null) cell.Append(Paragraph("FigureLabel", [new ReportRun(f.Detail, RunStyle.Muted | RunStyle.Small)]));
                row.Append(cell);
            }
            table.Append(row);
            return table;
        }

        private void WriteTable(TableBlock block, OpenXmlWriter xml)
        {
            var widths = ColumnWidths(block);
            xml.WriteStartElement(new Table());
            xml.WriteElement(new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Width = ContentWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }));
            xml.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

            // tblHeader repeats the header row on every page the table spans.
            var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
            for (var i = 0; i < block.Columns.Length; i++)
                header.Append(Cell(widths[i], ReportPalette.HeaderFill, [new ReportRun(block.Columns[i].Header, RunStyle.Bold)], block.Columns[i].Numeric));
            xml.WriteElement(header);

            foreach (var data in block.Rows)
            {
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                for (var i = 0; i < block.Columns.Length; i++)
                {
                    var cell = Cell(widths[i], null, i < data.Cells.Length ? data.Cells[i].Runs : [], block.Columns[i].Numeric);
                    if (i == 0 && data.Anchor is not null) Bookmark(cell.GetFirstChild<Paragraph>()!, data.Anchor);
                    row.Append(cell);
                }
                xml.WriteElement(row);
            }
            xml.WriteEndElement();
        }

        private TableCell Cell(int width, string? fill, IEnumerable<ReportRun> runs, bool numeric)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
            if (fill is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            var p = Paragraph("TableText", runs);
            if (numeric) p.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
            return new TableCell(props, p);
        }
    }

    /// <summary>Left and right cell margins of the report table style, in twips.</summary>
    private const int CellMargin = 90;

    /// <summary>
    /// The columns' shares of the width, each widened to its longest word: a fixed Word column breaks a word that does
    /// not fit letter by letter ("communiqu|e"). The room is taken from columns wider than their own longest word.
    /// </summary>
    public static int[] ColumnWidths(TableBlock block)
    {
        var total = block.Columns.Sum(c => c.Weight);
        var widths = block.Columns.Select(c => (int)(ContentWidth * c.Weight / total)).ToArray();
        using var fonts = new WordMeasure();
        var needed = new int[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var longest = fonts.LongestWord(new ReportRun(block.Columns[i].Header, RunStyle.Bold));
            foreach (var row in block.Rows)
                if (i < row.Cells.Length)
                    foreach (var run in row.Cells[i].Runs) longest = Math.Max(longest, fonts.LongestWord(run));
            needed[i] = (int)Math.Ceiling(longest) + 2 * CellMargin;
        }
        var missing = widths.Select((w, i) => Math.Max(0, needed[i] - w)).Sum();
        var spare = widths.Select((w, i) => Math.Max(0, w - needed[i])).Sum();
        if (missing == 0 || spare == 0) return widths;
        // When the spare room is not enough, every short column gets the same share of what it lacks.
        var given = Math.Min(missing, spare);
        return [.. widths.Select((w, i) => needed[i] > w
            ? w + (int)((long)(needed[i] - w) * given / missing)
            : w - (int)((long)(w - needed[i]) * given / spare))];
    }

    /// <summary>Widths of what Word cannot break inside table text (9 pt, small 8 pt).</summary>
    private sealed class WordMeasure : IDisposable
    {
        // Measured with the PDF's Noto Sans, then widened: Word shows Calibri (narrower), but a reader without it gets a
        // substitute such as DejaVu Sans (up to a quarter wider than Noto Sans in bold digits: "2026-11-30", "#10").
        private const float SubstituteAllowance = 1.25f;
        private readonly SkiaSharp.SKFont[] _fonts =
            [.. from bold in new[] { false, true } from size in new[] { 9f, 8f }
                select new SkiaSharp.SKFont(ReportFonts.Typeface(FontFace.Latin, bold), size)];

        /// <summary>The widest piece of the run, in twips: Word breaks at spaces, around ideographs and, outside dates, after a hyphen or slash.</summary>
        public float LongestWord(ReportRun run)
        {
            var font = _fonts[(run.Style.HasFlag(RunStyle.Bold) ? 2 : 0) + (run.Style.HasFlag(RunStyle.Small) ? 1 : 0)];
            var text = run.Text;
            var hyphens = !run.Style.HasFlag(RunStyle.NoBreak);
            var longest = 0f;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var before = i == text.Length || char.IsWhiteSpace(text[i]) || IsCjk(text[i]);
                var after = !before && hyphens && text[i] is '-' or '/';
                if (!before && !after) continue;
                var end = after ? i + 1 : i;
                if (end > start) longest = Math.Max(longest, font.MeasureText(text.AsSpan(start, end - start)));
                start = i + 1;
            }
            return longest * 20 * SubstituteAllowance;
        }

        public void Dispose()
        {
            foreach (var f in _fonts) f.Dispose();
        }
    }

    private static void AppendRun(OpenXmlCompositeElement parent, ReportRun run, Relationships? main = null)
    {
        var lines = ReportText.Clean(run.Text).Split('\n');
        var r = new W.Run(RunProperties(run));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) r.Append(new Break());
            if (run.Style.HasFlag(RunStyle.NoBreak)) AppendUnbroken(r, lines[i]);
            else if (lines[i].Length > 0) r.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        var target = main is null ? null : ReportLinks.Resolve(run.Link, "docx");
        if (target is null) { parent.Append(r); return; }
        if (target.StartsWith('#'))
            parent.Append(new Hyperlink(r) { Anchor = BookmarkName(target[1..]), History = true });
        else
            parent.Append(new Hyperlink(r)
            {
                Id = main!.AddHyperlink(new Uri(target, ReportLinks.IsRelative(target) ? UriKind.Relative : UriKind.Absolute)),
                History = true,
            });
    }

    /// <summary>Word breaks a line after a hyphen; its non-breaking hyphen keeps "2026-11-30" whole and shows the same.</summary>
    private static void AppendUnbroken(W.Run r, string line)
    {
        var parts = line.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) r.Append(new NoBreakHyphen());
            if (parts[i].Length > 0) r.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    private static RunProperties RunProperties(ReportRun run)
    {
        var props = new RunProperties();
        if (ReportLinks.Resolve(run.Link, "docx") is not null) props.Append(new RunStyle2 { Val = "Hyperlink" });
        // The hint makes Word pick the East Asian font for shared characters (quotes, dashes) inside Chinese text.
        if (HasCjk(run.Text)) props.Append(new RunFonts { Hint = FontTypeHintValues.EastAsia });
        if (run.Style.HasFlag(RunStyle.Bold)) props.Append(new Bold());
        if (run.Style.HasFlag(RunStyle.Muted)) props.Append(new Color { Val = ReportPalette.Muted });
        if (run.Style.HasFlag(RunStyle.Small)) props.Append(new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" });
        if (run.Highlight is not null)
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = ReportPalette.HighlightFill(run.Highlight) });
        return props;
    }

    private static string AddFooter(Relationships main, string title)
    {
        var part = main.AddPart<FooterPart>();
        var p = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = "Footer" },
            new Tabs(new TabStop { Val = TabStopValues.Right, Position = ContentWidth })));
        AppendRun(p, new ReportRun(title, RunStyle.Muted));
        p.Append(new W.Run(new TabChar()));
        AppendRun(p, new ReportRun("Page ", RunStyle.Muted));
        p.Append(Field("PAGE"));
        AppendRun(p, new ReportRun(" of ", RunStyle.Muted));
        p.Append(Field("NUMPAGES"));
        part.Footer = new Footer(p);
        part.Footer.Save();
        return main.Part.GetIdOfPart(part);
    }

    private static SimpleField Field(string name) =>
        new(new W.Run(new RunProperties(new Color { Val = ReportPalette.Muted }), new Text("1"))) { Instruction = $" {name} " };

    /// <summary>Serialises the parts every document shares (styles, fonts, settings) now rather than for the first one.</summary>
    public static void Prepare() => _ = StaticParts.Value;

    private static readonly Lazy<(byte[] Styles, byte[] Fonts, byte[] Settings)> StaticParts = new(() =>
        (Serialize(Styles()), Serialize(FontTable()), Serialize(DocumentSettings())));

    private static byte[] Serialize(OpenXmlPartRootElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
            root.WriteTo(writer);
        return stream.ToArray();
    }

    private static Settings DocumentSettings()
    {
        return new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new ThemeFontLanguages { Val = "en-GB", EastAsia = "zh-CN" });
    }

    private static W.Fonts FontTable()
    {
        return new W.Fonts(
            new W.Font(new AltName { Val = CjkFallback }, new FontCharSet { Val = "86" },
                new FontFamily { Val = FontFamilyValues.Swiss }, new Pitch { Val = FontPitchValues.Variable }) { Name = CjkFont },
            new W.Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Swiss },
                new Pitch { Val = FontPitchValues.Variable }) { Name = LatinFont });
    }

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = CjkFont, ComplexScript = LatinFont },
                    new Color { Val = ReportPalette.Text },
                    new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" },
                    new Languages { Val = "en-GB", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "80", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, new StyleParagraphProperties(), new StyleRunProperties(), isDefault: true),
            ParagraphStyle("Kicker", "Kicker", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "40" }),
                new StyleRunProperties(new Bold(), new Color { Val = ReportPalette.Muted }, new Spacing { Val = 20 }, new FontSize { Val = "16" })),
            ParagraphStyle("Title", "Title", "Normal",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new Bold(), new Color { Val = ReportPalette.Accent }, new FontSize { Val = "40" }, new FontSizeComplexScript { Val = "40" })),
            ParagraphStyle("Subtitle", "Subtitle", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "160" }),
                new StyleRunProperties(new Color { Val = ReportPalette.Muted }, new FontSize { Val = "18" })),
            ParagraphStyle("Metadata", "Metadata", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "20" }),
                new StyleRunProperties(new FontSize { Val = "18" })),
            ParagraphStyle("Heading1", "heading 1", "Normal",
                new StyleParagraphProperties(new KeepNext(), new KeepLines(),
                    new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 2, Color = ReportPalette.Accent }),
                    new SpacingBetweenLines { Before = "280", After = "120" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new Color { Val = ReportPalette.Accent }, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            ParagraphStyle("Heading2", "heading 2", "Normal",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "80" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new Color { Val = ReportPalette.Accent }, new FontSize { Val = "24" })),
            ParagraphStyle("Note", "Note", "Normal",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "100" }),
                new StyleRunProperties(new Italic(), new Color { Val = ReportPalette.Muted }, new FontSize { Val = "17" })),
            ParagraphStyle("ArticleText", "Article Text", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "140", Line = "320", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Both }),
                new StyleRunProperties(new FontSize { Val = "21" })),
            ParagraphStyle("TableText", "Table Text", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "252", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            ParagraphStyle("FigureValue", "Figure Value", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "80", After = "0" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new Bold(), new Color { Val = ReportPalette.Accent }, new FontSize { Val = "36" })),
            ParagraphStyle("FigureLabel", "Figure Label", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "40" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "17" })),
            ParagraphStyle("Bullet", "Bullet", "Normal",
                new StyleParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Left, Position = 284 }),
                    new SpacingBetweenLines { After = "80" }, new Indentation { Left = "284", Hanging = "284" }),
                new StyleRunProperties(new FontSize { Val = "20" })),
            ParagraphStyle("TOC1", "toc 1", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "20" }),
                new StyleRunProperties(new FontSize { Val = "19" })),
            new Style(new StyleName { Val = "Hyperlink" }, new UIPriority { Val = 99 },
                new StyleRunProperties(new Color { Val = ReportPalette.Link }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" },
            ParagraphStyle("Spacer", "Spacer", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "160", LineRule = LineSpacingRuleValues.Exact }),
                new StyleRunProperties(new FontSize { Val = "8" })),
            ParagraphStyle("Footer", "footer", "Normal",
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new FontSize { Val = "16" })),
            new Style(
                new StyleName { Val = "Report Table" },
                new UIPriority { Val = 59 },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = ReportPalette.Grid },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = ReportPalette.Grid },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = ReportPalette.Grid },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = ReportPalette.Grid },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = ReportPalette.Grid },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = ReportPalette.Grid }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "50", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 90, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "50", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 90, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "ReportTable" });
        return styles;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleParagraphProperties pPr, StyleRunProperties rPr, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new PrimaryStyle(), pPr, rPr);
        return style;
    }

    internal static bool HasCjk(string s)
    {
        foreach (var c in s)
            if (IsCjk(c)) return true;
        return false;
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
