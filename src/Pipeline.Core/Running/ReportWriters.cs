using Pipeline.Configuration;
using Pipeline.Reports;

namespace Pipeline.Running;

/// <summary>Every report writer the product has; a run uses those whose format pipeline.json asks for.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new Reports.Docx.DocxReportWriter(),
        new Reports.Pdf.PdfReportWriter(),
        new Reports.Html.HtmlReportWriter(),
    ];

    public static IReadOnlyList<IReportWriter> For(ReportOptions options, IEnumerable<IReportWriter>? writers = null) =>
        [.. (writers ?? All).Where(w => options.Wants(w.Format))];
}
