using System.Text.Json;
using Pipeline.Classification;
using Pipeline.Evaluation;
using Pipeline.Model;
using Pipeline.Organisations;
using Pipeline.Segmentation;
using Pipeline.Stages;

namespace Pipeline.Tests.Organisations;

/// <summary>A gold or predicted mention as /work/shared/spec/score.py sees it.</summary>
public sealed record Mention(string Doc, string Type, int Start, int End, string Text, bool Optional = false, string? Canonical = null);

public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives, int CanonicalRight, int CanonicalScored,
    List<string> Errors)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double CanonicalAccuracy => CanonicalScored == 0 ? 1 : (double)CanonicalRight / CanonicalScored;
    public override string ToString() =>
        $"P={Precision:F3} R={Recall:F3} F1={F1:F3} tp={TruePositives} fp={FalsePositives} fn={FalseNegatives} canonical={CanonicalAccuracy:F3} ({CanonicalRight}/{CanonicalScored})";
}

/// <summary>One type scored by the project's scorer (a port of score.py, checked against it).</summary>
public static class OrgScorer
{
    public static Score Score(IReadOnlyList<Mention> gold, IReadOnlyList<Mention> predicted, string type, bool relaxed)
    {
        static ScoredEntity Scored(Mention m) => new(m.Doc, m.Type, m.Start, m.End, m.Text, m.Optional, null, m.Canonical);
        var report = Scorer.Score([.. gold.Select(Scored)], [.. predicted.Select(Scored)], [type], relaxed);
        var t = report[type];
        return new Score(t.Tp, t.Fp, t.Fn, t.NormOk, t.NormN,
            [.. report.Errors.Select(e => $"{e.Kind} {e.Doc} {e.Text} {e.Detail}")]);
    }
}

/// <summary>Runs segment → organisations → classify on the shared dev corpus and on the held-out part of pd1998.</summary>
public static class OrgEvaluation
{
    public static ArticlePipeline Pipeline(ClassifyStage classify) =>
        new([new SegmentStage(), new OrganisationsStage(), classify]);

    public static Article Run(ArticlePipeline pipeline, string id, string text, string? language = null) =>
        pipeline.Process(Article.FromText(id, text, language));

    public static IEnumerable<Mention> Predictions(Article article) =>
        article.Entities.Where(e => e.Type == EntityTypes.Org)
            .Select(e => new Mention(article.Id, e.Type, e.Start, e.End, e.Text, Canonical: e.Canonical));

    /// <summary>The dev corpus (shared/corpus) against shared/gold.</summary>
    public static Score ScoreGold(ClassifyStage classify)
    {
        var pipeline = Pipeline(classify);
        var gold = new List<Mention>();
        var predicted = new List<Mention>();
        foreach (var goldFile in Directory.GetFiles(TestPaths.Gold, "*.jsonl").Order())
        {
            foreach (var line in File.ReadLines(goldFile).Where(l => l.Trim().Length > 0))
            {
                using var d = JsonDocument.Parse(line);
                var r = d.RootElement;
                gold.Add(new Mention(r.GetProperty("doc").GetString()!, r.GetProperty("type").GetString()!,
                    r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32(), r.GetProperty("text").GetString()!,
                    r.TryGetProperty("optional", out var o) && o.GetBoolean(),
                    r.TryGetProperty("canonical", out var c) ? c.GetString() : null));
            }
            var doc = Path.GetFileNameWithoutExtension(goldFile) + ".txt";
            var textPath = Path.Combine(TestPaths.Corpus, doc);
            var article = Run(pipeline, doc, File.ReadAllText(textPath), SidecarLanguage(textPath + ".meta.json"));
            predicted.AddRange(Predictions(article));
        }
        return OrgScorer.Score(gold, predicted, EntityTypes.Org, relaxed: false);
    }

    private static string? SidecarLanguage(string path)
    {
        if (!File.Exists(path)) return null;
        using var d = JsonDocument.Parse(File.ReadAllText(path));
        return d.RootElement.TryGetProperty("language", out var l) ? l.GetString() : null;
    }

    /// <summary>The pd1998 documents the trainer holds out, scored with relaxed (overlap) matching.</summary>
    public static Score ScorePd1998HeldOut(string pd1998Path, ClassifyStage classify)
    {
        var pipeline = Pipeline(classify);
        var (_, test) = ClassifierTrainer.Split(ClassifierTrainer.ReadPd1998(pd1998Path), new TrainingOptions
            { Pd1998Path = pd1998Path, ModelPath = "" }.HeldOutShare);
        var gold = new List<Mention>();
        var predicted = new List<Mention>();
        foreach (var doc in test)
        {
            gold.AddRange(doc.Orgs.Select(o => new Mention(doc.Id, EntityTypes.Org, o.Start, o.End, doc.Text[o.Start..o.End], o.Optional)));
            predicted.AddRange(Predictions(Run(pipeline, doc.Id, doc.Text, "zh")));
        }
        return OrgScorer.Score(gold, predicted, EntityTypes.Org, relaxed: true);
    }
}
