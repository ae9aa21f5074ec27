namespace RuntimeLab.Lab.Harness;

/// <summary>The plan as it was run, in a form that serializes (engines hold code, their descriptions do not).</summary>
public sealed record PlanDescription(
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<EngineDescription> Engines,
    string BaselineEngine,
    IReadOnlyList<string> ReferenceEngines,
    string RatioMetric,
    int Warmups,
    int Repetitions,
    TimeSpan RunTimeout)
{
    public static PlanDescription Of(ExperimentPlan plan, IReadOnlyList<EngineDescription> engines) =>
        new(plan.Workloads, engines, plan.BaselineEngine, plan.ReferenceEngines, plan.RatioMetric, plan.Warmups, plan.Repetitions, plan.RunTimeout);
}
