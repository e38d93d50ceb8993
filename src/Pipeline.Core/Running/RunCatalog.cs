using Pipeline.Configuration;

namespace Pipeline.Running;

/// <summary>
/// The stage catalog `run` and `watch` load pipeline.json with: the default catalog, with the
/// ingest stage in front until the catalog lists it itself (a run without ingest reads nothing).
/// </summary>
public static class RunCatalog
{
    public static StageCatalog Default { get; } =
        StageCatalog.Default.Find(Ingest.IngestStage.Descriptor.Name) is not null
            ? StageCatalog.Default
            : new StageCatalog([Ingest.IngestStage.Descriptor, .. StageCatalog.Default.All]);
}
