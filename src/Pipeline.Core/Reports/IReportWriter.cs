using Pipeline.Model;

namespace Pipeline.Reports;

/// <summary>Renders one article's briefing to a file (DOCX, PDF). Writers never see each other.</summary>
public interface IReportWriter
{
    /// <summary>"docx" or "pdf": also the file extension.</summary>
    string Format { get; }

    /// <summary>Writes the briefing to <paramref name="output"/>; the caller makes the write atomic.</summary>
    void Write(Article article, Stream output);

    /// <summary>Writes the batch overview.</summary>
    void WriteOverview(BatchOverview overview, Stream output);
}
