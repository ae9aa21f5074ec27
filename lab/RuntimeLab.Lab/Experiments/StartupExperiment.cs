using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Experiments;

/// <summary>
/// Process start-up cost of the runtimes on this machine, against /bin/true as the native floor.
/// The peers print different things (a version string, nothing, a banner on stderr), so the workload declares its
/// outputs not comparable across engines; each engine's output must still be stable across its repetitions.
/// </summary>
public sealed class StartupExperiment : Experiment
{
    private const string Native = "native";

    public override string Name => "startup";

    public override string Description => "Process start-up time of peer runtimes (dotnet, python3, java) against /bin/true";

    protected override ExperimentPlan CreateDefaultPlan() => new()
    {
        Workloads =
        [
            new Workload("noop", "start the runtime, do nothing, exit") { OutputsComparable = false },
        ],
        Engines =
        [
            new ProcessEngine(Native, "/bin/true: exec and exit, the floor", "/bin/true", [], "sudo apt-get install coreutils"),
            new ProcessEngine("dotnet", "dotnet --version: host start-up, no app", "dotnet", ["--version"], "sudo apt-get install dotnet-sdk-10.0"),
            new ProcessEngine("python3", "python3 -c pass: interpreter start-up", "python3", ["-c", "pass"], "sudo apt-get install python3"),
            new ProcessEngine("java", "java -version: JVM start-up", "java", ["-version"], "sudo apt-get install default-jre-headless"),
        ],
        BaselineEngine = Native,
        Warmups = 2,
        Repetitions = 10,
        RunTimeout = TimeSpan.FromSeconds(30),
    };
}
