namespace RuntimeLab.Lab.Harness;

/// <summary>Everything the runner needs: what to run, on what, how often, and what to compare against.</summary>
public sealed record ExperimentPlan
{
    public required IReadOnlyList<Workload> Workloads { get; init; }
    public required IReadOnlyList<Engine> Engines { get; init; }

    /// <summary>The engine ratios are taken against, and whose output is the reference.</summary>
    public required string BaselineEngine { get; init; }

    /// <summary>
    /// Further engines each cell's ratio is also taken against, in a column of its own (e.g. a native build next to
    /// an emulator baseline). The baseline stays the output reference and the chart's axis.
    /// </summary>
    public IReadOnlyList<string> ReferenceEngines { get; init; } = [];

    /// <summary>A <see cref="Metric"/> name or an engine's own metric (e.g. "exec_ms").</summary>
    public string RatioMetric { get; init; } = Metric.WallMs;

    /// <summary>Unrecorded rounds first, so caches, page cache and tiered JIT settle before measuring.</summary>
    public int Warmups { get; init; } = 1;

    public int Repetitions { get; init; } = 5;
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <exception cref="ArgumentException">The plan cannot be run as it stands.</exception>
    public void Validate()
    {
        if (Workloads.Count == 0 || Engines.Count == 0)
            throw new ArgumentException("a plan needs at least one workload and one engine");
        var duplicate = Engines.GroupBy(engine => engine.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"engine name '{duplicate.Key}' is used twice");
        if (Engines.All(engine => engine.Name != BaselineEngine))
            throw new ArgumentException(
                $"baseline '{BaselineEngine}' is not an engine of this plan; engines: {string.Join(", ", Engines.Select(e => e.Name))}");
        var unknownReference = ReferenceEngines.FirstOrDefault(reference => Engines.All(engine => engine.Name != reference));
        if (unknownReference is not null)
            throw new ArgumentException($"reference engine '{unknownReference}' is not an engine of this plan");
        if (Repetitions < 1 || Warmups < 0)
            throw new ArgumentException("repetitions must be at least 1 and warm-ups at least 0");
        if (RunTimeout <= TimeSpan.Zero)
            throw new ArgumentException("the run timeout must be positive");
    }
}
