using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Model;
using Pipeline.Agreements;
using Pipeline.Organisations;

namespace Pipeline.Classification;

/// <summary>Where `pipeline train` reads its data and writes the model.</summary>
public sealed record TrainingOptions
{
    /// <summary>pd1998-train.jsonl.gz: real news whose ORG spans label the rule candidates.</summary>
    public required string Pd1998Path { get; init; }

    /// <summary>LABEL&lt;TAB&gt;title files; empty: the files shipped with the library (Classification/Data/*.tsv).</summary>
    public ImmutableArray<string> TitleFiles { get; init; } = [];

    public required string ModelPath { get; init; }

    /// <summary>Share of pd1998 documents (chosen by a hash of the document id) never trained on.</summary>
    public double HeldOutShare { get; init; } = 0.15;

    public int MaxIterations { get; init; } = 30;

    public float L2Regularization { get; init; } = 1e-5f;

    public float L1Regularization { get; init; } = 1e-6f;

    /// <summary>Defaults for a clone: ../shared/data beside it, the model committed inside the library.</summary>
    public static TrainingOptions ForRepository(string repoRoot) => new()
    {
        Pd1998Path = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data", "pd1998-train.jsonl.gz")),
        ModelPath = Path.Combine(repoRoot, "src", "Pipeline.Core", "Classification", "Model", "classifier.bin"),
    };
}

public sealed record ClassScore(string Label, int Support, double Precision, double Recall);

public sealed record TrainingReport(
    string ModelPath,
    int TrainingRows,
    int TestRows,
    int TrainingDocuments,
    int TestDocuments,
    ImmutableArray<ClassScore> HeldOut,
    TimeSpan Elapsed)
{
    /// <summary>Labelled titles held out of training, typed by the title rules alone and by the model.</summary>
    public int HeldOutTitles { get; init; }
    public ImmutableArray<ClassScore> TitlesByRules { get; init; } = [];
    public ImmutableArray<ClassScore> TitlesByModel { get; init; } = [];
    public double TitleAccuracyByRules { get; init; }
    public double TitleAccuracyByModel { get; init; }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"model: {ModelPath} ({new FileInfo(ModelPath).Length / 1024} KB) in {Elapsed.TotalSeconds:F1} s");
        sb.AppendLine($"rows: {TrainingRows} training ({TrainingDocuments} pd1998 documents), {TestRows} held out ({TestDocuments} documents)");
        sb.AppendLine($"{"class",-12} {"support",8} {"P",7} {"R",7}");
        foreach (var c in HeldOut)
            sb.AppendLine($"{c.Label,-12} {c.Support,8} {c.Precision,7:F3} {c.Recall,7:F3}");
        if (HeldOutTitles > 0)
        {
            sb.AppendLine($"held-out labelled titles ({HeldOutTitles} rows: each title in book marks, in a Chinese sentence, " +
                          "English ones also in English text): title rules alone vs model");
            sb.AppendLine($"accuracy: rules {TitleAccuracyByRules:F3}, model {TitleAccuracyByModel:F3}");
            sb.AppendLine($"{"class",-12} {"support",8} {"rules P",8} {"rules R",8} {"model P",8} {"model R",8}");
            foreach (var m in TitlesByModel)
            {
                var r = TitlesByRules.FirstOrDefault(x => x.Label == m.Label) ?? new ClassScore(m.Label, m.Support, 0, 0);
                sb.AppendLine($"{m.Label,-12} {m.Support,8} {r.Precision,8:F3} {r.Recall,8:F3} {m.Precision,8:F3} {m.Recall,8:F3}");
            }
            foreach (var r in TitlesByRules.Where(r => TitlesByModel.All(m => m.Label != r.Label)))
                sb.AppendLine($"{r.Label,-12} {r.Support,8} {r.Precision,8:F3} {r.Recall,8:F3} {0,8:F3} {0,8:F3}");
        }
        return sb.ToString();
    }
}

/// <summary>A pd1998 article: text and gold ORG spans (optional ones are neither right nor wrong).</summary>
public sealed record LabelledDocument(string Id, string Text, ImmutableArray<(int Start, int End, bool Optional)> Orgs);

/// <summary>
/// Trains the candidate classifier: (a) the organisation candidates the rules propose on pd1998, labelled
/// ORG when a gold ORG has exactly their span and NONE otherwise (so the model learns the boundaries too);
/// (b) labelled titles (LABEL&lt;TAB&gt;title) in book marks, in a Chinese sentence and, for English titles, in
/// English running text, each as the rules propose it; (c) labelled sentences with the span in [[ ]].
/// pd1998 is split by document and titles by title: the held-out parts are never trained on.
/// </summary>
public sealed class ClassifierTrainer
{
    private static readonly ImmutableArray<string> ShippedDataFiles = ["titles.tsv", "examples.tsv"];

    public TrainingReport Train(TrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var documents = ReadPd1998(options.Pd1998Path).ToList();
        var (trainDocs, testDocs) = Split(documents, options.HeldOutShare);

        var train = new List<CandidateRow>();
        var test = new List<CandidateRow>();
        train.AddRange(CandidateRows(trainDocs));
        test.AddRange(CandidateRows(testDocs));
        var heldOutTitles = new List<(CandidateRow Row, string RuleLabel)>();
        foreach (var example in ExampleRows(LabelledExamples(options.TitleFiles)))
        {
            if (!IsHeldOut(example.Key, options.HeldOutShare)) train.Add(example.Row);
            else if (example.IsTitle) heldOutTitles.Add((example.Row, example.RuleLabel));
            else test.Add(example.Row);
        }

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(train);
        var labels = ml.Data.LoadFromEnumerable(CandidateLabels.All.Select(l => new LabelValue { Label = l }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(CandidateRow.Label), keyData: labels)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("LabelKey", nameof(CandidateRow.Features),
                l2Regularization: options.L2Regularization, l1Regularization: options.L1Regularization, maximumNumberOfIterations: options.MaxIterations));
        var model = pipeline.Fit(data);

        var classifier = CandidateClassifier.FromTransformer(model);
        classifier.Save(options.ModelPath);
        var scores = Evaluate(test.Select(r => (r.Label, Predicted: classifier.Predict(Indices(r)).Label)));
        var titleRows = heldOutTitles.Select(t => (t.Row.Label, Rule: t.RuleLabel, Model: classifier.Predict(Indices(t.Row)).Label)).ToList();
        var titlesByRules = Evaluate(titleRows.Select(t => (t.Label, t.Rule)));
        var titlesByModel = Evaluate(titleRows.Select(t => (t.Label, t.Model)));
        return new TrainingReport(options.ModelPath, train.Count, test.Count, trainDocs.Count, testDocs.Count, scores, clock.Elapsed)
        {
            HeldOutTitles = titleRows.Count, TitlesByRules = titlesByRules, TitlesByModel = titlesByModel,
            TitleAccuracyByRules = titleRows.Count == 0 ? 0 : titleRows.Count(t => t.Rule == t.Label) / (double)titleRows.Count,
            TitleAccuracyByModel = titleRows.Count == 0 ? 0 : titleRows.Count(t => t.Model == t.Label) / (double)titleRows.Count,
        };
    }

    private sealed class LabelValue
    {
        public string Label { get; set; } = "";
    }

    public static (List<LabelledDocument> Train, List<LabelledDocument> Test) Split(IEnumerable<LabelledDocument> docs, double heldOutShare)
    {
        var train = new List<LabelledDocument>();
        var test = new List<LabelledDocument>();
        foreach (var d in docs) (IsHeldOut(d.Id, heldOutShare) ? test : train).Add(d);
        return (train, test);
    }

    /// <summary>Deterministic: the same documents are held out on every machine and every run.</summary>
    public static bool IsHeldOut(string key, double share)
    {
        var h = 2166136261u;
        foreach (var c in key) h = (h ^ c) * 16777619;
        return h % 1000 < share * 1000;
    }

    public static IEnumerable<LabelledDocument> ReadPd1998(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"training data not found: {path}", path);
        return Evaluation.AnnotatedCorpus.Read(path, Evaluation.CorpusSplit.All).Select(d => new LabelledDocument(d.Id, d.Text,
            [.. d.Gold.Where(g => g.Type == EntityTypes.Org).Select(g => (g.Start, g.End, g.Optional))]));
    }

    private static IEnumerable<CandidateRow> CandidateRows(IEnumerable<LabelledDocument> docs)
    {
        var stage = new OrganisationsStage();
        foreach (var doc in docs)
        {
            var article = stage.Process(Article.FromText(doc.Id, doc.Text), CancellationToken.None);
            foreach (var c in article.Candidates)
            {
                var label = EntityTypes.None;
                var skip = false;
                foreach (var (s, e, optional) in doc.Orgs)
                {
                    if (s == c.Start && e == c.End && !optional) { label = EntityTypes.Org; break; }
                    if (optional && s < c.End && c.Start < e) skip = true;
                }
                if (label == EntityTypes.None && skip) continue;
                yield return Row(doc.Text, c, label);
            }
        }
    }

    private static CandidateRow Row(string text, Candidate c, string label)
    {
        var features = new List<int>(64);
        CandidateFeatures.Extract(text, c, features);
        var values = new float[features.Count];
        Array.Fill(values, 1f);
        return new CandidateRow
        {
            Features = new VBuffer<float>(CandidateFeatures.Dimension, features.Count, values, features.ToArray()),
            Label = label,
        };
    }

    private static List<int> Indices(CandidateRow row)
    {
        var list = new List<int>(row.Features.GetValues().Length);
        foreach (var i in row.Features.GetIndices()) list.Add(i);
        return list;
    }

    /// <summary>A labelled example turned into a training row; <see cref="Key"/> decides whether it is held out.</summary>
    private sealed record ExampleRow(string Key, CandidateRow Row, string RuleLabel, bool IsTitle);

    // Frames that put a title into running text. Chosen by a hash of the title, never by its label, so the
    // frame tells the model nothing about the answer; the rules then propose the title as they would in an article.
    private static readonly string[] ChineseFrames =
    [
        "会议通过了《{0}》。", "据《{0}》报道，", "他认真阅读了《{0}》。", "双方签署了《{0}》。", "文章引用了《{0}》中的话。",
        "各方重申遵守《{0}》。", "记者从《{0}》获悉，", "《{0}》于去年发布。",
    ];

    private static readonly string[] EnglishFrames =
    [
        "The leaders signed the {0} on Monday.", "Officials discussed the {0} in Geneva last week.",
        "Under the {0}, both sides agreed to cooperate.", "The {0} was adopted in 2019.",
        "Ministers welcomed progress on the {0}.", "Critics of the {0} said it went too far.",
        "Both governments reaffirmed their commitment to the {0} this year.", "He cited the {0} in his speech.",
    ];

    /// <summary>
    /// Each labelled example as the rules would propose it in an article: titles in book marks (alone and in a
    /// Chinese sentence), Latin titles also in English running text, sentences as written. The candidate the
    /// agreement and organisation rules propose for the labelled span carries their type, source and confidence;
    /// their other candidates overlapping it have wrong boundaries and are NONE.
    /// </summary>
    private static IEnumerable<ExampleRow> ExampleRows(
        IEnumerable<(string Label, string Text, int Start, int End, bool InBook)> examples)
    {
        var organisations = new OrganisationsStage();
        var agreements = new AgreementsStage();
        foreach (var (label, text, start, end, inBook) in examples)
        {
            var title = text[start..end];
            var isTitle = inBook && text.Length == title.Length + 2;
            if (!isTitle)
            {
                foreach (var row in RowsFor(text, start, end, label, title, false, fallback: true)) yield return row;
                continue;
            }
            var h = (int)(StableHash(title) & 0x7fffffff);
            foreach (var row in RowsFor(text, start, end, label, title, true, fallback: true)) yield return row;
            var zh = string.Format(ChineseFrames[h % ChineseFrames.Length], title);
            var zhStart = zh.IndexOf('《') + 1;
            foreach (var row in RowsFor(zh, zhStart, zhStart + title.Length, label, title, true, fallback: false)) yield return row;
            if (!Scripts.HasHan(title))
                for (var k = 0; k < 2; k++)
                {
                    var en = string.Format(EnglishFrames[(h / 7 + k * 3) % EnglishFrames.Length], title);
                    var enStart = en.IndexOf(title, StringComparison.Ordinal);
                    foreach (var row in RowsFor(en, enStart, enStart + title.Length, label, title, true, fallback: false))
                        yield return row;
                }
        }

        IEnumerable<ExampleRow> RowsFor(string text, int start, int end, string label, string key, bool isTitle, bool fallback)
        {
            var article = Article.FromText("example", text);
            article = agreements.Process(organisations.Process(article, CancellationToken.None), CancellationToken.None);
            var exact = article.Candidates.FirstOrDefault(c => c.Start == start && c.End == end);
            if (exact is null && fallback)
                exact = new Candidate(start, end, text[start..end], EntityTypes.Org, "example", 0.5)
                    { InBookMarks = start > 0 && text[start - 1] == '《' };
            if (exact is null) yield break;
            yield return new ExampleRow(key, Row(text, exact, label), RuleLabel(exact), isTitle);
            foreach (var c in article.Candidates)
                if (c != exact && c.Start < end && start < c.End && !(c.Start <= start && end <= c.End))
                    yield return new ExampleRow(key, Row(text, c, EntityTypes.None), RuleLabel(c), false);
        }
    }

    /// <summary>What the rules alone decide (the classify stage without the model).</summary>
    private static string RuleLabel(Candidate c) =>
        c.RuleConfidence >= ClassifyStage.DefaultRuleThreshold ? c.ProposedType : EntityTypes.None;

    private static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619;
        return h;
    }

    /// <summary>
    /// Titles (LABEL&lt;TAB&gt;title, placed in book marks) and sentences (LABEL&lt;TAB&gt;text with the span in [[ ]]).
    /// </summary>
    public static IEnumerable<(string Label, string Text, int Start, int End, bool InBook)> LabelledExamples(
        ImmutableArray<string> files)
    {
        var sources = files.IsDefaultOrEmpty
            ? ShippedDataFiles.Select(f => (Name: f, Lines: ReadShippedLines(f)))
            : files.Select(f => (Name: f, Lines: (IEnumerable<string>)File.ReadAllLines(f)));
        foreach (var (name, lines) in sources)
        {
            foreach (var (n, line) in DataFileLines.Records(lines))
            {
                var tab = line.IndexOf('\t');
                if (tab < 0) throw new FormatException($"{name}:{n}: expected LABEL<TAB>text");
                var label = line[..tab].Trim().ToUpperInvariant();
                if (!CandidateLabels.All.Contains(label))
                    throw new FormatException($"{name}:{n}: unknown label '{label}' (allowed: {string.Join(", ", CandidateLabels.All)})");
                var body = line[(tab + 1)..].Trim();
                var open = body.IndexOf("[[", StringComparison.Ordinal);
                var close = body.IndexOf("]]", StringComparison.Ordinal);
                if (open >= 0 && close > open)
                {
                    var text = body[..open] + body[(open + 2)..close] + body[(close + 2)..];
                    var start = open;
                    var end = close - 2;
                    var inBook = start > 0 && text[start - 1] == '《' && end < text.Length && text[end] == '》';
                    yield return (label, text, start, end, inBook);
                }
                else
                    yield return (label, "《" + body + "》", 1, body.Length + 1, true);
            }
        }
    }

    private static IEnumerable<string> ReadShippedLines(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Classification.Data." + fileName);
        if (stream is null) yield break;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } l) yield return l;
    }

    private static ImmutableArray<ClassScore> Evaluate(IEnumerable<(string Gold, string Predicted)> pairs)
    {
        var tp = new Dictionary<string, int>();
        var predicted = new Dictionary<string, int>();
        var support = new Dictionary<string, int>();
        foreach (var (gold, label) in pairs)
        {
            support[gold] = support.GetValueOrDefault(gold) + 1;
            predicted[label] = predicted.GetValueOrDefault(label) + 1;
            if (label == gold) tp[label] = tp.GetValueOrDefault(label) + 1;
        }
        return [.. CandidateLabels.All.Where(l => support.ContainsKey(l) || predicted.ContainsKey(l)).Select(l =>
        {
            var t = tp.GetValueOrDefault(l);
            var p = predicted.GetValueOrDefault(l);
            var s = support.GetValueOrDefault(l);
            return new ClassScore(l, s, p == 0 ? 0 : (double)t / p, s == 0 ? 0 : (double)t / s);
        })];
    }
}
