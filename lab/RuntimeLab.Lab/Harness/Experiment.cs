namespace RuntimeLab.Lab.Harness;

/// <summary>A named set of workloads × engines. Register new ones in Experiments/Catalog.cs.</summary>
public abstract class Experiment
{
    /// <summary>The name researchers type: <c>runtimelab lab run NAME</c>.</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>
    /// The workload sizes a researcher can pick with <c>--size</c>, the default first; empty when the
    /// experiment has one fixed size. An experiment with sizes overrides <see cref="CreateDefaultPlan(string)"/>.
    /// </summary>
    public virtual IReadOnlyList<string> Sizes => [];

    /// <summary>The experiment's own workloads, engines, baseline, ratio metric and default counts.</summary>
    protected abstract ExperimentPlan CreateDefaultPlan();

    /// <summary>The default plan at one of <see cref="Sizes"/>.</summary>
    protected virtual ExperimentPlan CreateDefaultPlan(string size) => CreateDefaultPlan();

    /// <exception cref="ArgumentException">The options make the plan invalid (e.g. an unknown baseline or size).</exception>
    public ExperimentPlan CreatePlan(ExperimentOptions options)
    {
        var plan = options.ApplyTo(CreateSizedPlan(options.Size));
        plan.Validate();
        return plan;
    }

    private ExperimentPlan CreateSizedPlan(string? size)
    {
        if (size is null)
            return Sizes.Count == 0 ? CreateDefaultPlan() : CreateDefaultPlan(Sizes[0]);
        if (Sizes.Count == 0)
            throw new ArgumentException($"experiment '{Name}' has one fixed size; --size does not apply");
        if (!Sizes.Contains(size))
            throw new ArgumentException($"unknown size '{size}' for experiment '{Name}'; sizes: {string.Join(", ", Sizes)}");
        return CreateDefaultPlan(size);
    }
}
