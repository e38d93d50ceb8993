using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Model;

namespace Pipeline.Reports.Pdf;

/// <summary>PDF briefing: article -> <see cref="BriefingModel"/> -> <see cref="ReportDocument"/> -> layout -> Skia PDF.</summary>
public sealed class PdfReportWriter : IReportWriter
{
    public string Format => "pdf";

    public void Write(Article article, Stream output) =>
        PdfRenderer.Render(BriefingComposer.Compose(BriefingModelBuilder.Build(article)), output);

    public void WriteOverview(BatchOverview overview, Stream output) =>
        PdfRenderer.Render(OverviewComposer.Compose(OverviewModelBuilder.Build(overview)), output);
}
