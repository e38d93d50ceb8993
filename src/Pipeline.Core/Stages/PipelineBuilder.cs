using Pipeline.Configuration;
using Pipeline.Model;

namespace Pipeline.Stages;

/// <summary>
/// Collects stages with their options, then <see cref="Build"/> freezes them into one immutable
/// <see cref="ArticlePipeline"/> reused for every article (Markdig's MarkdownPipelineBuilder). Build applies
/// overrides from the command line (`--no-ml`), checks that every stage finds what it requires, and
/// constructs every stage under one guard: whatever goes wrong becomes a configuration error naming the
/// stage (exit code 2), never a stack trace.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<(StageDescriptor Descriptor, object Options)> _stages = [];
    private readonly StageCatalog _catalog;
    private bool _machineLearningDisabled;

    public PipelineBuilder(StageCatalog? catalog = null) => _catalog = catalog ?? StageCatalog.Default;

    /// <summary>The stages of a loaded pipeline.json, in its order, with its options.</summary>
    public static PipelineBuilder From(PipelineConfig config)
    {
        var builder = new PipelineBuilder();
        foreach (var stage in config.Stages) builder.Use(stage.Descriptor, stage.Options);
        return builder;
    }

    /// <summary>Every stage of the catalog in its default order, with default options.</summary>
    public static PipelineBuilder Default()
    {
        var builder = new PipelineBuilder();
        foreach (var d in builder._catalog.DefaultOrder) builder.Use(d);
        return builder;
    }

    public PipelineBuilder Use(StageDescriptor descriptor, object? options = null)
    {
        options ??= descriptor.DefaultOptions;
        if (options.GetType() != descriptor.OptionsType)
            throw new ArgumentException($"stage '{descriptor.Name}' takes {descriptor.OptionsType.Name}, not {options.GetType().Name}");
        _stages.Add((descriptor, options));
        return this;
    }

    public PipelineBuilder Use<TOptions>(StageDescriptor<TOptions> descriptor, TOptions options) where TOptions : class, new() =>
        Use((StageDescriptor)descriptor, options);

    /// <summary>Leaves out a stage (e.g. ingest, for texts that are already in memory).</summary>
    public PipelineBuilder Remove(StageDescriptor descriptor)
    {
        _stages.RemoveAll(s => s.Descriptor == descriptor);
        return this;
    }

    /// <summary>`--no-ml`: every option that switches a model on is turned off, so the rules alone decide.</summary>
    public PipelineBuilder DisableMachineLearning(bool disable = true)
    {
        _machineLearningDisabled = disable;
        return this;
    }

    /// <param name="given">What the articles bring before the first stage (text, for in-memory articles).</param>
    public ArticlePipeline Build(ArticleParts given = ArticleParts.None)
    {
        var errors = OrderProblems(_stages.Select(s => s.Descriptor), _catalog, given).ToList();
        if (errors.Count > 0) throw Problems(errors);

        // Stages are built side by side: the two models load at once, which is most of the start-up of a short run.
        var built = new IStage?[_stages.Count];
        var problems = new string?[_stages.Count];
        var effectiveOptions = _stages.Select(s => _machineLearningDisabled ? OptionBinder.WithoutModels(s.Options) : s.Options).ToArray();
        Parallel.For(0, _stages.Count, i =>
        {
            var descriptor = _stages[i].Descriptor;
            try
            {
                built[i] = descriptor.Construct(effectiveOptions[i]);
            }
            catch (ConfigException e)
            {
                problems[i] = e.Message.StartsWith("stage '", StringComparison.Ordinal) ? e.Message : $"stage '{descriptor.Name}': {e.Message}";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems[i] = $"stage '{descriptor.Name}' could not be built: {e.GetType().Name}: {e.Message}";
            }
        });
        errors.AddRange(problems.OfType<string>());
        var stages = built.Select((stage, i) => (stage!, (object?)effectiveOptions[i])).ToList();
        if (errors.Count > 0) throw Problems(errors);
        return new ArticlePipeline(stages, given);
    }

    /// <summary>
    /// Every stage whose required parts no stage before it assigns, naming the stage that would (so
    /// "add 'segment' before 'timeline'" is one edit).
    /// </summary>
    public static IEnumerable<string> OrderProblems(IEnumerable<StageDescriptor> stages, StageCatalog catalog,
        ArticleParts given = ArticleParts.None)
    {
        var available = given;
        foreach (var stage in stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != ArticleParts.None)
            {
                var providers = catalog.All.Where(d => (d.Assigns & missing) != 0).Select(d => $"'{d.Name}'").Distinct();
                yield return $"stage '{stage.Name}' requires {ArticlePartNames.Describe(missing)}, which no stage before it assigns " +
                             $"(put {string.Join(" or ", providers)} before it)";
            }
            available |= stage.Assigns;
        }
    }

    private static ConfigException Problems(List<string> errors) =>
        new("invalid pipeline:\n  - " + string.Join("\n  - ", errors));
}
