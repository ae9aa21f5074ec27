using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

/// <summary>An experiment whose plan the test hands in, with no warm-ups unless the test asks for them.</summary>
internal sealed class TestExperiment(ExperimentPlan plan) : Experiment
{
    public override string Name => "test";
    public override string Description => "built by a test";
    protected override ExperimentPlan CreateDefaultPlan() => plan;

    public static ExperimentResult Run(ExperimentPlan plan) => new Runner().Run(new TestExperiment(plan), plan);

    public static ExperimentPlan Plan(string baseline, params Engine[] engines) => new()
    {
        Workloads = [new Workload("w", "test workload")],
        Engines = engines,
        BaselineEngine = baseline,
        Warmups = 0,
        Repetitions = 3,
    };

    public static InProcessEngine Printing(string name, string stdout) =>
        new(name, "prints a fixed text", (_, _) => new EngineOutput(stdout));
}
