using System.Buffers;
using System.Collections.Immutable;
using Pipeline.Configuration;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Segmentation;

/// <summary>Splits the text into paragraphs (line breaks) and sentences (Chinese and English rules).</summary>
public sealed class SegmentStage : IStage
{
    public static readonly StageDescriptor<NoOptions> Descriptor = new(
        "segment", "paragraphs and sentences", ArticleParts.Text, ArticleParts.Sentences, _ => new SegmentStage());

    StageDescriptor IStage.Descriptor => Descriptor;

    public Article Process(Article article, CancellationToken cancellation = default)
    {
        var paragraphs = Paragraphs(article.Text);
        var sentences = paragraphs.SelectMany(p =>
        {
            cancellation.ThrowIfCancellationRequested();
            return SentenceSplitter.Split(article.Text, p);
        }).ToImmutableArray();
        return article with { Paragraphs = paragraphs, Sentences = sentences };
    }

    /// <summary>Each non-blank line is a paragraph; its span excludes surrounding white space.</summary>
    public static ImmutableArray<TextSpan> Paragraphs(string text)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            var lineEnd = text.IndexOf('\n', i);
            if (lineEnd < 0) lineEnd = text.Length;
            var s = i;
            var e = lineEnd;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) result.Add(new TextSpan(s, e));
            i = lineEnd + 1;
        }
        return result.ToImmutable();
    }
}

/// <summary>Sentence boundaries inside one paragraph.</summary>
public static class SentenceSplitter
{
    private const string ChineseEnds = "。！？!?；";
    private const string Closers = "”’」』）)\"'》";
    private static readonly SearchValues<char> Enders = SearchValues.Create(ChineseEnds + "….");

    // Abbreviations after which a full stop does not end an English sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr", "sr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vol", "pp", "fig", "inc", "ltd", "co", "corp", "dept", "univ", "vs", "etc", "e.g", "i.e",
        "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "approx", "est", "mt", "ft", "ave", "blvd",
    };

    public static IEnumerable<TextSpan> Split(string text, TextSpan paragraph)
    {
        var start = paragraph.Start;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            // Only these characters can end a sentence: jump to the next one (a vectorised search).
            var skip = text.AsSpan(i, paragraph.End - i).IndexOfAny(Enders);
            if (skip < 0) break;
            i += skip;
            var c = text[i];
            bool boundary;
            if (ChineseEnds.Contains(c) || c == '…' && i + 1 < paragraph.End && text[i + 1] == '…' && IsChineseAround(text, i))
                boundary = true;
            else if (c == '.')
                boundary = EndsEnglishSentence(text, i, paragraph);
            else
                boundary = false;
            if (!boundary) continue;

            var end = i + 1;
            while (end < paragraph.End && (ChineseEnds.Contains(text[end]) || text[end] == '…' || text[end] == '.')) end++;
            while (end < paragraph.End && Closers.Contains(text[end])) end++;
            // A closing quote followed by more of the same quotation is still one sentence in Chinese.
            if (end < paragraph.End && end > start)
            {
                yield return Trim(text, start, end);
                start = end;
                while (start < paragraph.End && char.IsWhiteSpace(text[start])) start++;
            }
            i = end - 1;
        }
        if (start < paragraph.End) yield return Trim(text, start, paragraph.End);
    }

    private static bool IsChineseAround(string text, int i) => i > 0 && text[i - 1] > 0x2E80;

    private static bool EndsEnglishSentence(string text, int i, TextSpan paragraph)
    {
        if (i + 1 >= paragraph.End) return true;
        var next = text[i + 1];
        if (char.IsDigit(next) || char.IsLetter(next) && next < 0x2E80) return false; // 3.5, U.S.
        // Find the next non-space, non-quote char: a new sentence starts with an upper-case letter, a digit or CJK.
        var j = i + 1;
        while (j < paragraph.End && (char.IsWhiteSpace(text[j]) || Closers.Contains(text[j]))) j++;
        if (j >= paragraph.End) return true;
        if (!char.IsWhiteSpace(text[i + 1]) && !Closers.Contains(text[i + 1])) return false;
        var first = text[j];
        if (char.IsLower(first)) return false;
        var wordStart = i;
        while (wordStart > paragraph.Start && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..i];
        if (Abbreviations.Contains(word)) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return false; // an initial: "John F. Kennedy"
        return true;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
