using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Pipeline.Model;
using Pipeline.Stages;

namespace Pipeline.Configuration;

/// <summary>
/// What a stage is called in pipeline.json, what it requires from the article and assigns to it, its
/// typed options record, and how to build it from those options (spaCy's factories, with Markdig's
/// builder around them: see <see cref="PipelineBuilder"/>).
/// </summary>
public abstract class StageDescriptor(string name, string description, ArticleParts requires, ArticleParts assigns)
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public ArticleParts Requires { get; } = requires;
    public ArticleParts Assigns { get; } = assigns;

    [DynamicallyAccessedMembers(OptionBinder.OptionMembers)]
    public abstract Type OptionsType { get; }

    public ImmutableArray<OptionSpec> Options => OptionBinder.Specs(OptionsType);

    /// <summary>The options record a stage listed without options gets.</summary>
    public object DefaultOptions => Activator.CreateInstance(OptionsType)!;

    /// <summary>Binds pipeline.json's values for this stage; problems go to <paramref name="errors"/>.</summary>
    public object BindOptions(IReadOnlyDictionary<string, JsonElement> values, string baseDirectory, List<string> errors) =>
        OptionBinder.Bind(OptionsType, values, baseDirectory, Name, errors);

    /// <summary>Builds the stage; only <see cref="PipelineBuilder"/> calls this, under its guard.</summary>
    internal abstract IStage Construct(object options);

    public override string ToString() => Name;
}

/// <summary>A stage whose options are the immutable record <typeparamref name="TOptions"/>.</summary>
public sealed class StageDescriptor<[DynamicallyAccessedMembers(OptionBinder.OptionMembers)] TOptions>(string name, string description, ArticleParts requires, ArticleParts assigns,
    Func<TOptions, IStage> create) : StageDescriptor(name, description, requires, assigns)
    where TOptions : class, new()
{
    [DynamicallyAccessedMembers(OptionBinder.OptionMembers)]
    public override Type OptionsType => typeof(TOptions);

    internal override IStage Construct(object options) => create((TOptions)options);

    /// <summary>Builds the stage from options given in code (tests, benchmarks), outside any pipeline.</summary>
    public IStage Create(TOptions? options = null) => create(options ?? new TOptions());
}

/// <summary>The options record of a stage that has none.</summary>
public sealed record NoOptions;
