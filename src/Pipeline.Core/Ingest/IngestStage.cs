using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Ingest;

/// <summary>
/// The first stage: reads the file named by the article into its text and metadata.
/// Every reason a file cannot be read becomes an <see cref="ArticleException"/> that says why;
/// the batch runner names the file and goes on with the others.
/// </summary>
public sealed class IngestStage(long maxFileBytes = IngestStage.DefaultMaxFileBytes,
    SymlinkPolicy symlinks = SymlinkPolicy.InsideFolder) : IStage
{
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    public static readonly StageDescriptor<IngestOptions> Descriptor = new(
        "ingest", "reads .txt .md .html .docx .pdf files (and NAME.meta.json sidecars) into articles; decides the language",
        ArticleParts.None, ArticleParts.Text,
        o => new IngestStage(o.MaxFileBytes, o.Symlinks));

    StageDescriptor IStage.Descriptor => Descriptor;

    public long MaxFileBytes { get; } = maxFileBytes;

    public SymlinkPolicy Symlinks { get; } = symlinks;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var path = article.Source.Path;
        var file = InputFile.Read(path, MaxFileBytes, Symlinks, cancellation);
        var ingested = FormatReaders.Read(article.Source.Extension, file.Bytes, cancellation);
        var sidecar = Sidecar.ReadFor(path, Symlinks, cancellation);
        var metadata = Metadata(ingested, sidecar);
        var (language, _) = Languages.Decide(metadata.Language?.Value, ingested.Text);
        article = article with
        {
            Source = article.Source with { ModifiedUtc = file.ModifiedUtc },
            Text = ingested.Text, Metadata = metadata, Language = language,
        };
        foreach (var warning in ingested.Warnings) article = article.AddWarning(warning);
        return article;
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
}

public sealed record IngestOptions
{
    [Option("larger files are refused (counted on the bytes read, not on the size a file claims)", Minimum = 1)]
    public long MaxFileBytes { get; init; } = IngestStage.DefaultMaxFileBytes;

    [Option("which symlinks among the article files are followed: inside-folder (to a regular file in the same folder), anywhere, never")]
    public SymlinkPolicy Symlinks { get; init; } = SymlinkPolicy.InsideFolder;
}
