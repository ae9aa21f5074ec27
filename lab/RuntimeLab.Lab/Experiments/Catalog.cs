using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Experiments;

/// <summary>The experiments <c>runtimelab lab</c> knows, by name.</summary>
public static class ExperimentCatalog
{
    // To add an experiment: one line here, `new YourExperiment(),`. List order is the order `lab list` shows.
    public static IReadOnlyList<Experiment> All { get; } =
    [
        new Backend.BackendExperiment(),
        new StartupExperiment(),
        new X86.X86Experiment(),
        new X86.X86MachineExperiment(),
        new AppVm.AppVmExperiment(),
    ];

    public static Experiment? Find(string name) => All.FirstOrDefault(experiment => experiment.Name == name);
}
