namespace RuntimeLab.Lab.Harness;

/// <summary>Anything that runs a workload: a RuntimeLab engine in-process or as a child process, or a peer command.</summary>
public abstract class Engine(string name, string description)
{
    public string Name { get; } = name;
    public string Description { get; } = description;

    public abstract Availability CheckAvailability();

    /// <summary>
    /// Runs the workload once and measures it. Never throws for a failing workload: failures come back as a
    /// <see cref="RunResult"/>. Cancellation of <paramref name="deadline"/> means the run's time is up, so the
    /// run is stopped and reported as <see cref="RunStatus.TimedOut"/>.
    /// </summary>
    public abstract RunResult Run(Workload workload, CancellationToken deadline);
}
