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
}
