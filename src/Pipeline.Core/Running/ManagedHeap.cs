namespace Pipeline.Running;

/// <summary>The .NET heap: for the few moments a run must give back what it no longer uses, not wait for the GC to.</summary>
public static class ManagedHeap
{
    /// <summary>A full, compacting collection of every generation, the large-object heap too, that returns what it frees.</summary>
    public static void Compact()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
