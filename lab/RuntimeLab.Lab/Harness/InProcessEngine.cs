using System.Diagnostics;

namespace RuntimeLab.Lab.Harness;

/// <summary>
/// Runs a workload by calling a delegate in this process.
/// Wall time: Stopwatch around the call. CPU time: the whole process's CPU delta, so work the engine hands to
/// other threads counts too (as do GC and the harness's own progress thread, which are small next to a run).
/// Peak memory: not reported, because the process peak is not a per-run figure.
/// Timeout: cooperative; the delegate gets the deadline token, and a run that ends after it is timed out.
/// </summary>
public sealed class InProcessEngine(
    string name,
    string description,
    Func<Workload, CancellationToken, EngineOutput> run) : Engine(name, description)
{
    public override Availability CheckAvailability() => Availability.Available;

    public override RunResult Run(Workload workload, CancellationToken deadline)
    {
        var cpuBefore = ResourceUsage.Self();
        var clock = Stopwatch.StartNew();
        EngineOutput output;
        try
        {
            output = run(workload, deadline);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return TimedOut(clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception)
        {
            return RunResult.Failed($"{exception.GetType().Name}: {exception.Message}", clock.Elapsed.TotalMilliseconds);
        }
        double wallMs = clock.Elapsed.TotalMilliseconds;
        if (deadline.IsCancellationRequested)
            return TimedOut(wallMs);
        return new RunResult
        {
            Status = RunStatus.Ok,
            Stdout = output.Stdout,
            WallMs = wallMs,
            CpuMs = (ResourceUsage.Self() - cpuBefore)?.TotalMilliseconds,
            Metrics = output.Metrics ?? new Dictionary<string, double>(),
        };
    }

    private static RunResult TimedOut(double wallMs) =>
        new() { Status = RunStatus.TimedOut, FailureReason = "exceeded the run timeout", WallMs = wallMs };
}
