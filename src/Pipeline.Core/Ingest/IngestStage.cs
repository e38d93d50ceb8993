using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// The first stage: reads the file named by the article into its text and metadata.
/// Every reason a file cannot be read becomes an <see cref="ArticleException"/> that says why;
/// the batch runner names the file and goes on with the others.
/// </summary>
public sealed class IngestStage(long maxFileBytes = IngestStage.DefaultMaxFileBytes) : IStage
{
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    public static readonly StageDescriptor<IngestOptions> Descriptor = new(
        "ingest", "reads .txt .md .html .docx .pdf files (and NAME.meta.json sidecars) into articles; decides the language",
        ArticleParts.None, ArticleParts.Text,
        o => new IngestStage(o.MaxFileBytes));

    StageDescriptor IStage.Descriptor => Descriptor;

    public long MaxFileBytes { get; } = maxFileBytes;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var path = article.Source.Path;
        var bytes = ReadStable(path);
        var ingested = article.Source.Extension switch
        {
            ".txt" => PlainTextReader.Read(bytes),
            ".md" => MarkdownReader.Read(bytes),
            ".html" or ".htm" => HtmlReader.Read(bytes),
            ".docx" => DocxReader.Read(bytes),
            ".pdf" => PdfReader.Read(bytes),
            var ext => throw new ArticleException($"unsupported file type '{ext}' (supported: {string.Join(" ", ArticleFiles.Extensions)})"),
        };
        var sidecar = Sidecar.ReadFor(path);
        var metadata = Metadata(ingested, sidecar);
        var (language, _) = Languages.Decide(metadata.Language?.Value, ingested.Text);
        return article with { Text = ingested.Text, Metadata = metadata, Language = language };
    }

    private static ArticleMetadata Metadata(IngestedText file, Sidecar? sidecar)
    {
        Sourced<T>? Pick<T>(T? fromSidecar, T? fromFile) where T : class =>
            fromSidecar is not null ? new(fromSidecar, DateOrigins.Sidecar)
            : fromFile is not null ? new(fromFile, DateOrigins.FrontMatter) : null;

        Sourced<DateOnly>? date = sidecar?.Date is { } sd ? new(sd, DateOrigins.Sidecar)
            : file.Date is { } fd ? new(fd, DateOrigins.FrontMatter) : null;

        var language = Pick(sidecar?.Language, file.Language)
                       ?? new Sourced<string>(Languages.CodeOf(Languages.Detect(file.Text)), "script");
        return new ArticleMetadata
        {
            Title = Pick(sidecar?.Title, file.Title)
                    ?? (Headline.FromFirstLine(file.Text) is { } headline ? new Sourced<string>(headline, Headline.Origin) : null),
            Publisher = Pick(sidecar?.Source, file.Publisher),
            Url = Pick(sidecar?.Url, file.Url),
            Language = language,
            DocumentDate = date,
            Encoding = file.Encoding,
            Format = file.Format,
        };
    }

    /// <summary>
    /// Reads the whole file and makes sure it did not change meanwhile (a copy still in progress,
    /// an editor saving): size and modification time must be the same before and after.
    /// </summary>
    private byte[] ReadStable(string path)
    {
        try
        {
            var before = new FileInfo(path);
            if (!before.Exists) throw new ArticleException("file not found (deleted before it could be read)");
            if (before.Length == 0) throw new ArticleException("empty file");
            if (before.Length > MaxFileBytes)
                throw new ArticleException($"file too large ({before.Length:N0} bytes; the limit, maxFileBytes, is {MaxFileBytes:N0})");
            var stamp = (before.Length, before.LastWriteTimeUtc);
            var bytes = File.ReadAllBytes(path);
            var after = new FileInfo(path);
            if (!after.Exists) throw new ArticleException("file deleted while it was being read");
            if (bytes.Length != stamp.Length || (after.Length, after.LastWriteTimeUtc) != stamp)
                throw new ArticleException("file changed while it was being read (still being copied or saved?)");
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArticleException("file not found (deleted before it could be read)", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ArticleException($"file cannot be read: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ArticleException($"file cannot be read: {e.Message}", e);
        }
    }
}

public sealed record IngestOptions
{
    [Option("larger files are refused", Minimum = 1)]
    public long MaxFileBytes { get; init; } = IngestStage.DefaultMaxFileBytes;
}
