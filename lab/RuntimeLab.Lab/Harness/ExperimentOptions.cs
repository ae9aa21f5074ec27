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

    public ExperimentPlan ApplyTo(ExperimentPlan plan) => plan with
    {
        Repetitions = Repetitions ?? plan.Repetitions,
        Warmups = Warmups ?? plan.Warmups,
        BaselineEngine = BaselineEngine ?? plan.BaselineEngine,
        RunTimeout = RunTimeout ?? plan.RunTimeout,
    };
}
