namespace RuntimeLab.Lab.Harness;

/// <summary>The verdict on one (workload, engine) cell of the results.</summary>
public enum CellStatus
{
    Ok,

    /// <summary>The engine is missing on this machine; not a failure of the experiment.</summary>
    NotInstalled,

    Failed,
    TimedOut,

    /// <summary>The output disagreed with the reference or with itself; its numbers are withheld.</summary>
    Mismatch,
}
