namespace RuntimeLab.Lab.Harness;

/// <summary>A named set of workloads × engines. Register new ones in Experiments/Catalog.cs.</summary>
public abstract class Experiment
{
    /// <summary>The name researchers type: <c>runtimelab lab run NAME</c>.</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>The experiment's own workloads, engines, baseline, ratio metric and default counts.</summary>
    protected abstract ExperimentPlan CreateDefaultPlan();

    /// <exception cref="ArgumentException">The options make the plan invalid (e.g. an unknown baseline).</exception>
    public ExperimentPlan CreatePlan(ExperimentOptions options)
    {
        var plan = options.ApplyTo(CreateDefaultPlan());
        plan.Validate();
        return plan;
    }
}
