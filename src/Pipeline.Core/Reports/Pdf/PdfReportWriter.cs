using Pipeline.Reports.Document;

namespace Pipeline.Reports.Pdf;

/// <summary>PDF briefing: article -> BriefingModel -> <see cref="ReportDocument"/> -> layout -> Skia PDF.</summary>
public sealed class PdfReportWriter : ComposedReportWriter
{
    public override string Format => "pdf";

    protected override void Render(ReportDocument document, Stream output) => PdfRenderer.Render(document, output);

    public override void Prepare()
    {
        base.Prepare();
        PdfRenderer.Prepare();
    }
}
