using System.Collections.Immutable;

namespace Pipeline.Configuration;

/// <summary>Every stage pipeline.json may name, in the order a default configuration runs them.</summary>
public sealed class StageCatalog(IEnumerable<StageDescriptor> stages)
{
    public ImmutableArray<StageDescriptor> All { get; } = [.. stages];

    public ImmutableArray<StageDescriptor> DefaultOrder => All;

    public StageDescriptor? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    public static StageCatalog Default { get; } = new(
    [
        Ingest.IngestStage.Descriptor,
        Segmentation.SegmentStage.Descriptor,
        Dates.DatesStage.Descriptor,
        Organisations.OrganisationsStage.Descriptor,
        Agreements.AgreementsStage.Descriptor,
        Classification.ClassifyStage.Descriptor,
        Recognition.RecogniseStage.Descriptor,
        Agreements.AgreementRecordsStage.Descriptor,
        Timeline.TimelineStage.Descriptor,
    ]);
}
