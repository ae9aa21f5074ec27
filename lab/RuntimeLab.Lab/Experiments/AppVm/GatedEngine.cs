using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Experiments.AppVm;

/// <summary>
/// An engine that needs more than its own executable: available only when <paramref name="inner"/> is and the
/// extra condition holds (e.g. Mono needs mcs to build its copy of the benchmarks). Runs are the inner engine's.
/// </summary>
/// <param name="missing">Null when the engine can run; else why not, shown as its availability reason.</param>
internal sealed class GatedEngine(Engine inner, Func<string?> missing) : Engine(inner.Name, inner.Description)
{
    public override Availability CheckAvailability()
    {
        var availability = inner.CheckAvailability();
        if (!availability.IsAvailable) return availability;
        return missing() is { } reason ? new Availability(false, reason) : availability;
    }

    public override RunResult Run(Workload workload, CancellationToken deadline) => inner.Run(workload, deadline);
}
