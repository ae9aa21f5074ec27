namespace RuntimeLab.Lab.Harness;

/// <summary>What a researcher overrides for one run of an experiment; null keeps the experiment's default.</summary>
public sealed record ExperimentOptions
{
    public int? Repetitions { get; init; }
    public int? Warmups { get; init; }
    public string? BaselineEngine { get; init; }
    public TimeSpan? RunTimeout { get; init; }

    /// <summary>One of the experiment's <see cref="Experiment.Sizes"/>; null for its default.</summary>
    public string? Size { get; init; }

    /// <summary>Only these of the experiment's engines (the baseline must be one); null for all.</summary>
    public IReadOnlyList<string>? Engines { get; init; }

    /// <summary>Only these of the experiment's workloads; null for all.</summary>
    public IReadOnlyList<string>? Workloads { get; init; }

    /// <exception cref="ArgumentException">An engine or workload named that the experiment does not have.</exception>
    public ExperimentPlan ApplyTo(ExperimentPlan plan)
    {
        var engines = Select(plan.Engines, Engines, engine => engine.Name, "engine");
        return plan with
        {
            Repetitions = Repetitions ?? plan.Repetitions,
            Warmups = Warmups ?? plan.Warmups,
            BaselineEngine = BaselineEngine ?? plan.BaselineEngine,
            RunTimeout = RunTimeout ?? plan.RunTimeout,
            Engines = engines,
            // A reference left out by --engines has no column, rather than making the subset invalid.
            ReferenceEngines = plan.ReferenceEngines.Where(reference => engines.Any(engine => engine.Name == reference)).ToList(),
            Workloads = Select(plan.Workloads, Workloads, workload => workload.Name, "workload"),
        };
    }

    private static IReadOnlyList<T> Select<T>(IReadOnlyList<T> all, IReadOnlyList<string>? names, Func<T, string> nameOf, string kind)
    {
        if (names is null) return all;
        var unknown = names.FirstOrDefault(name => all.All(item => nameOf(item) != name));
        if (unknown is not null)
            throw new ArgumentException($"unknown {kind} '{unknown}'; this experiment's {kind}s: {string.Join(", ", all.Select(nameOf))}");
        return all.Where(item => names.Contains(nameOf(item))).ToList();
    }
}
