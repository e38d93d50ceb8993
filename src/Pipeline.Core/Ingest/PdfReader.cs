using System.Text;
using Pipeline.Stages;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Pipeline.Ingest;

/// <summary>.pdf: the text layer of every page, pages separated by a blank line. No text layer, no article.</summary>
public static class PdfReader
{
    public static IngestedText Read(byte[] bytes, CancellationToken cancellation = default)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            throw new ArticleException("not a PDF (no %PDF- header)");
        // A PDF ends with %%EOF; a file cut short loses it (lenient parsers would silently read part of it).
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0) throw new ArticleException("truncated PDF (no %%EOF marker at the end)");
        if (PdfWidthTables.Problem(bytes) is { } damage) throw new ArticleException($"damaged PDF: {damage}");
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (pdf.IsEncrypted) throw new ArticleException("encrypted PDF: no text layer can be read");
            if (PdfFontPrograms.Problem(pdf) is { } font) throw new ArticleException($"damaged PDF: {font}");
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                cancellation.ThrowIfCancellationRequested();
                var pageText = ContentOrderTextExtractor.GetText(page).Trim();
                if (pageText.Length == 0) continue;
                if (text.Length > 0) text.Append("\n\n");
                text.Append(pageText);
            }
            if (text.ToString().Trim().Length == 0)
                throw new ArticleException("no text layer (image-only or scanned PDF)");
            var info = pdf.Information;
            var (date, warning) = CreatedDate(info);
            return new IngestedText(text.ToString(), "pdf", null)
            {
                Title = string.IsNullOrWhiteSpace(info.Title) ? null : info.Title.Trim(),
                Date = date,
                Warnings = warning is null ? [] : [warning],
            };
        }
        catch (ArticleException)
        {
            throw;
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException e)
        {
            throw new ArticleException("encrypted PDF: no text layer can be read", e);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            throw new ArticleException($"damaged PDF: {e.Message}", e);
        }
    }

    /// <summary>The creation date as written; one that does not parse is a warning, not a damaged file.</summary>
    private static (DateOnly? Date, string? Warning) CreatedDate(UglyToad.PdfPig.Content.DocumentInformation info)
    {
        try
        {
            return (info.GetCreatedDateTimeOffset() is { } created ? DateOnly.FromDateTime(created.DateTime) : null, null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return (null, $"PDF property 'CreationDate' is not a date ('{info.CreationDate}'): ignored");
        }
    }
}
