using Pipeline.Reports.Document;

namespace Pipeline.Reports.Html;

/// <summary>HTML briefing: article -> BriefingModel -> <see cref="ReportDocument"/> -> one self-contained page.</summary>
public sealed class HtmlReportWriter : ComposedReportWriter
{
    public override string Format => "html";

    /// <summary>The batch page is output/index.html: what a browser opens first in a folder.</summary>
    public override string OverviewFileName => "index.html";

    protected override void Render(ReportDocument document, Stream output) => HtmlRenderer.Render(document, output);
}
