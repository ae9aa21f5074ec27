namespace RuntimeLab.Lab.Harness;

/// <summary>
/// Runs a plan: warm-up rounds (not recorded), then the measured repetitions. Within each round every available
/// engine runs each workload once, and the engine that goes first rotates from round to round, so slow drift on a
/// noisy machine (thermal, other tenants, page cache) falls on every engine alike instead of on whichever runs last.
/// Runs are strictly sequential: the CPU-time measurement of process engines depends on it.
/// </summary>
public sealed class Runner(IProgress<RunnerProgress>? progress = null)
{
    public ExperimentResult Run(Experiment experiment, ExperimentPlan plan, CancellationToken cancellation = default)
    {
        plan.Validate();
        var engines = plan.Engines
            .Select(engine => new EngineDescription(engine.Name, engine.Description, engine.CheckAvailability()))
            .ToList();
        var available = plan.Engines.Where(engine => engines.Single(e => e.Name == engine.Name).Availability.IsAvailable).ToList();

        var schedule = new Schedule(plan.Warmups + plan.Repetitions, plan.Workloads.Count, available.Count);
        for (int warmup = 0; warmup < plan.Warmups; warmup++)
            RunRound(plan, available, warmup, isWarmup: true, schedule, cancellation);
        var runs = new List<RunRecord>();
        for (int repetition = 0; repetition < plan.Repetitions; repetition++)
            runs.AddRange(RunRound(plan, available, repetition, isWarmup: false, schedule, cancellation));

        return new ExperimentResult
        {
            Experiment = experiment.Name,
            Description = experiment.Description,
            Machine = MachineInfo.Capture(),
            Plan = PlanDescription.Of(plan, engines),
            Runs = runs,
            Cells = CellSummarizer.Summarize(plan, engines, runs),
        };
    }

    private List<RunRecord> RunRound(
        ExperimentPlan plan, IReadOnlyList<Engine> engines, int round, bool isWarmup, Schedule schedule, CancellationToken cancellation)
    {
        var records = new List<RunRecord>();
        foreach (var workload in plan.Workloads)
        {
            for (int order = 0; order < engines.Count; order++)
            {
                var engine = engines[(round + order) % engines.Count];
                progress?.Report(new RunnerProgress(schedule.Completed, schedule.Total, isWarmup, round, workload.Name, engine.Name));
                var result = RunOnce(engine, workload, plan.RunTimeout, cancellation);
                schedule.Completed++;
                records.Add(new RunRecord(workload.Name, engine.Name, round, order, result));
            }
        }
        return records;
    }

    private static RunResult RunOnce(Engine engine, Workload workload, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        RunResult result;
        try
        {
            result = engine.Run(workload, deadline.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            // Engines report failures as results; one that throws anyway is a failed run, not a failed experiment.
            result = RunResult.Failed($"engine threw {exception.GetType().Name}: {exception.Message}", 0);
        }
        // The caller cancelling (Ctrl+C) ends the experiment; only the per-run deadline makes a timed-out run.
        cancellation.ThrowIfCancellationRequested();
        return result;
    }

    private sealed class Schedule(int rounds, int workloads, int engines)
    {
        public int Total { get; } = rounds * workloads * engines;
        public int Completed { get; set; }
    }
}
