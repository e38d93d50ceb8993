using Pipeline.Model;

namespace Pipeline.Reports.Document;

/// <summary>Colours shared by both renderers (hex RRGGBB, as DOCX wants them) so DOCX and PDF look alike.</summary>
public static class ReportPalette
{
    public const string Accent = "1F3A5F";
    public const string Link = "1A56A8";
    public const string Text = "1A1A1A";
    public const string Muted = "5F6B7A";
    public const string Grid = "C5CCD6";
    public const string HeaderFill = "E6ECF3";
    public const string FigureFill = "F3F6FA";

    public static string HighlightFill(string entityType) => entityType switch
    {
        EntityTypes.Date => "CFE2FF",
        EntityTypes.Org => "CDEFD3",
        EntityTypes.Agreement => "FFE1A6",
        _ => "EEEEEE",
    };
}
