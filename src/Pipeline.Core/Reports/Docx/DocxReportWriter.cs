using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Model;

namespace Pipeline.Reports.Docx;

/// <summary>Word briefing: article -> <see cref="BriefingModel"/> -> <see cref="ReportDocument"/> -> WordprocessingML.</summary>
public sealed class DocxReportWriter : IReportWriter
{
    public string Format => "docx";

    public void Write(Article article, Stream output) =>
        DocxRenderer.Render(BriefingComposer.Compose(BriefingModelBuilder.Build(article)), output);

    public void WriteOverview(BatchOverview overview, Stream output) =>
        DocxRenderer.Render(OverviewComposer.Compose(OverviewModelBuilder.Build(overview)), output);
}
