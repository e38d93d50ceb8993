using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// The reader of each article format, by file extension. Each one takes bytes already read (and
/// bounded by maxFileBytes) and either returns the text or throws an <see cref="ArticleException"/>
/// that says why not; none recurses over the document's own nesting, so no input can overflow the stack.
/// </summary>
public static class FormatReaders
{
    public static IngestedText Read(string extension, byte[] bytes, CancellationToken cancellation = default) => extension switch
    {
        ".txt" => PlainTextReader.Read(bytes),
        ".md" => MarkdownReader.Read(bytes),
        ".html" or ".htm" => HtmlReader.Read(bytes, cancellation),
        ".docx" => DocxReader.Read(bytes, cancellation),
        ".pdf" => PdfReader.Read(bytes, cancellation),
        var ext => throw new ArticleException($"unsupported file type '{ext}' (supported: {string.Join(" ", ArticleFiles.Extensions)})"),
    };
}
