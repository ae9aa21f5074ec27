namespace RuntimeLab.Runtime.Gc;

/// <summary>Settings fixed when a <see cref="GcHeap"/> is made. Limits that a run may change later are properties of the heap.</summary>
public sealed record GcHeapOptions
{
    /// <summary>
    /// Address space reserved for the heap (half for small-object blocks, half for large objects).
    /// Only touched pages cost memory. Raised to cover <see cref="HeapLimit"/>; lowered if the OS refuses.
    /// </summary>
    public long ReserveBytes { get; init; } = 32L << 30;

    /// <summary>Young bytes allocated between collections before a minor collection runs.</summary>
    public long NurseryBytes { get; init; } = 4L << 20;

    /// <summary>Collections an object must survive to become old (1–3; the header has two age bits).</summary>
    public int PromotionAge { get; init; } = 2;

    /// <summary>A full collection runs when the heap has grown by this factor since the last one.</summary>
    public double FullGrowthFactor { get; init; } = 2.0;

    /// <summary>… and by at least this many bytes, so that a small heap is not fully collected over and over.</summary>
    public long MinFullHeadroom { get; init; } = 16L << 20;

    public long HeapLimit { get; init; }
    public int GcStress { get; init; }
    public TextWriter? Trace { get; init; }
}
