namespace RuntimeLab.Lab.Harness;

/// <summary>
/// The statistics of one (workload, engine) cell. Numbers are given only for <see cref="CellStatus.Ok"/> cells,
/// so a failing or mismatching engine is never averaged into a figure that looks valid.
/// </summary>
public sealed record CellSummary
{
    public required string Workload { get; init; }
    public required string Engine { get; init; }
    public required CellStatus Status { get; init; }

    /// <summary>Why the cell is not ok: the install hint, failure reason or first differing line.</summary>
    public string? Detail { get; init; }

    /// <summary>Measured runs of this cell (warm-ups excluded).</summary>
    public int Runs { get; init; }

    public double? MedianWallMs { get; init; }
    public Spread? WallSpread { get; init; }
    public double? MedianCpuMs { get; init; }

    /// <summary>Largest peak RSS over the runs, in bytes; null where the engine gives no per-run figure.</summary>
    public long? PeakMemoryBytes { get; init; }

    public IReadOnlyDictionary<string, double> MedianMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// This engine's ratio metric divided by the baseline's (2.0 = twice the baseline's), as the median of the
    /// per-repetition ratios: each pair comes from the same repetition, so both sides saw the same machine state.
    /// </summary>
    public double? RatioToBaseline { get; init; }

    /// <summary>
    /// The same ratio against each of the plan's <see cref="ExperimentPlan.ReferenceEngines"/>, by engine name;
    /// a reference that did not run cleanly on this workload is absent.
    /// </summary>
    public IReadOnlyDictionary<string, double> RatiosToReferences { get; init; } = new Dictionary<string, double>();
}
