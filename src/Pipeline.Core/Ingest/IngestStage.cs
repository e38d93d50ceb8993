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
    SymlinkPolicy symlinks = SymlinkPolicy.InsideFolder) : IStage, ICancellableStage
{
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    public static readonly StageDescriptor Descriptor = new(
        "ingest", "reads .txt .md .html .docx .pdf files (and NAME.meta.json sidecars) into articles",
        [
            // An article is held in memory whole: one array, so never more than .NET's largest.
            new OptionSpec("maxFileBytes", OptionKind.Integer, DefaultMaxFileBytes, "larger files are refused")
                { Minimum = 1, Maximum = Array.MaxLength - 1 },
            new OptionSpec("symlinks", OptionKind.String, SymlinkPolicies.Names[0],
                "which symlinks are followed: inside-folder (to a regular file in the same folder), anywhere, never")
                { AllowedValues = [.. SymlinkPolicies.Names] },
        ],
        s => new IngestStage(s.GetLong("maxFileBytes"), SymlinkPolicies.Parse(s.GetString("symlinks"))));

    public string Name => "ingest";

    public long MaxFileBytes { get; } = maxFileBytes;

    public SymlinkPolicy Symlinks { get; } = symlinks;

    public Article Process(Article article) => Process(article, CancellationToken.None);

    public Article Process(Article article, CancellationToken cancellation)
    {
        var path = article.Source.Path;
        var bytes = InputFile.ReadAll(path, MaxFileBytes, Symlinks, cancellation);
        var ingested = FormatReaders.Read(article.Source.Extension, bytes, cancellation);
        var sidecar = Sidecar.ReadFor(path, Symlinks, cancellation);
        article = article with { Text = ingested.Text, Metadata = Metadata(ingested, sidecar) };
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

        var language = Pick(sidecar?.Language, file.Language) ?? new Sourced<string>(LanguageOf(file.Text), "script");
        return new ArticleMetadata
        {
            Title = Pick(sidecar?.Title, file.Title),
            Publisher = Pick(sidecar?.Source, file.Publisher),
            Url = Pick(sidecar?.Url, file.Url),
            Language = language,
            DocumentDate = date,
            Encoding = file.Encoding,
            Format = file.Format,
        };
    }

    /// <summary>"zh" when at least a fifth of the letters are Chinese characters, else "en".</summary>
    public static string LanguageOf(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                cjk++;
                letters++;
            }
            else if (char.IsLetter(c)) letters++;
        }
        return letters > 0 && cjk * 5 >= letters ? "zh" : "en";
    }
}
