using Pipeline.Reports.Document;

namespace Pipeline.Reports.Docx;

/// <summary>Word briefing: article -> BriefingModel -> <see cref="ReportDocument"/> -> WordprocessingML.</summary>
public sealed class DocxReportWriter : ComposedReportWriter
{
    public override string Format => "docx";

    protected override void Render(ReportDocument document, Stream output) => DocxRenderer.Render(document, output);

    public override void Prepare()
    {
        base.Prepare();
        DocxRenderer.Prepare();
    }
}
