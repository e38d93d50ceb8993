namespace Pipeline.Model;

/// <summary>
/// What a stage reads from the shared <see cref="Model.Article"/> and what it adds to it. The builder
/// checks that every part a stage requires is assigned by a stage before it; reports and the database
/// read only the parts the pipeline assigns, and say so when a part was not produced.
/// </summary>
[Flags]
public enum ArticleParts
{
    None = 0,
    /// <summary>Text, language and the metadata the file carries.</summary>
    Text = 1 << 0,
    /// <summary>Paragraphs and sentences.</summary>
    Sentences = 1 << 1,
    /// <summary>DATE entities and the document date relative dates count from.</summary>
    Dates = 1 << 2,
    /// <summary>ORG entities.</summary>
    Organisations = 1 << 3,
    /// <summary>Doubtful spans proposed by rules, for a classifier to decide.</summary>
    Candidates = 1 << 4,
    /// <summary>AGREEMENT entities (and the LAW, MEDIA, EVENT, PUBLICATION titles decided beside them).</summary>
    Agreements = 1 << 5,
    /// <summary>One record per agreement: kind, date, forum, parties.</summary>
    AgreementRecords = 1 << 6,
    /// <summary>Dated events.</summary>
    Timeline = 1 << 7,
}

public static class ArticlePartNames
{
    /// <summary>"sentences, dates": the parts in words, as configuration errors name them.</summary>
    public static string Describe(ArticleParts parts) =>
        string.Join(", ", Enum.GetValues<ArticleParts>().Where(p => p != ArticleParts.None && parts.HasFlag(p))
            .Select(p => Configuration.OptionBinder.EnumName(p)));
}
