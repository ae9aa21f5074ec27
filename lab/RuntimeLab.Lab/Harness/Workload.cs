namespace RuntimeLab.Lab.Harness;

/// <summary>One program or task that every engine of an experiment runs.</summary>
/// <param name="Name">Short identifier, substituted for <c>{workload}</c> in process command lines.</param>
/// <param name="Description">One line for reports.</param>
public sealed record Workload(string Name, string Description)
{
    /// <summary>Named parameters (e.g. "size"), substituted for <c>{param:NAME}</c> in process command lines.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The exit code a process engine must return for the run to count as ok.</summary>
    public int ExpectedExitCode { get; init; }

    /// <summary>
    /// Whether engines must print the same output. Turn it off only when outputs legitimately differ
    /// (e.g. each peer prints its own version); each engine's output must still agree across its own repetitions.
    /// </summary>
    public bool OutputsComparable { get; init; } = true;
}
