using Pipeline.Model;
using Pipeline.Reports.Document;
using Pipeline.Reports.Model;

namespace Pipeline.Reports;

/// <summary>
/// Every format shows the same content: article → report model → one <see cref="ReportDocument"/>;
/// a format only decides how that document is drawn.
/// </summary>
public abstract class ComposedReportWriter : IReportWriter
{
    public abstract string Format { get; }

    public virtual string OverviewFileName => $"overview.{Format}";

    protected abstract void Render(ReportDocument document, Stream output);

    public void Write(Article article, Stream output) =>
        Render(BriefingComposer.Compose(BriefingModelBuilder.Build(article)), output);

    public void WriteOverview(BatchOverview overview, Stream output) =>
        Render(OverviewComposer.Compose(OverviewModelBuilder.Build(overview)), output);

    /// <summary>Every format checks each character against the shipped faces; a format adds what it loads itself.</summary>
    public virtual void Prepare() => Fonts.FontCoverage.Prepare();
}
