namespace RuntimeLab.Lab.Harness;

/// <summary>Everything one run of an experiment produced: the setting, every measured run and the verdicts.</summary>
public sealed record ExperimentResult
{
    public required string Experiment { get; init; }
    public required string Description { get; init; }
    public required MachineInfo Machine { get; init; }
    public required PlanDescription Plan { get; init; }
    public required IReadOnlyList<RunRecord> Runs { get; init; }
    public required IReadOnlyList<CellSummary> Cells { get; init; }

    public bool HasMismatch => Cells.Any(cell => cell.Status == CellStatus.Mismatch);
    public bool HasFailure => Cells.Any(cell => cell.Status is CellStatus.Failed or CellStatus.TimedOut);

    /// <summary>Every installed engine ran and agreed; missing engines do not spoil this.</summary>
    public bool Succeeded => !HasMismatch && !HasFailure;
}
