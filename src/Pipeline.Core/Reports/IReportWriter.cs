using Pipeline.Model;

namespace Pipeline.Reports;

/// <summary>Renders one article's briefing to a file (DOCX, PDF, HTML). Writers never see each other.</summary>
public interface IReportWriter
{
    /// <summary>"docx", "pdf" or "html": also the file extension.</summary>
    string Format { get; }

    /// <summary>The batch overview's file name in the output folder.</summary>
    string OverviewFileName => $"overview.{Format}";

    /// <summary>Writes the briefing to <paramref name="output"/>; the caller makes the write atomic.</summary>
    void Write(Article article, Stream output);

    /// <summary>Writes the batch overview.</summary>
    void WriteOverview(BatchOverview overview, Stream output);

    /// <summary>
    /// Loads what every document of this format needs (fonts, fixed parts) ahead of the first one, so a run can do
    /// it beside its first articles' extraction instead of in front of their briefings. Any thread, any number of times.
    /// </summary>
    void Prepare()
    {
    }
}
