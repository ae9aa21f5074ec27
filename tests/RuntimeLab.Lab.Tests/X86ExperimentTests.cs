using RuntimeLab.Lab.Experiments.X86;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

/// <summary>
/// The x86 experiment's engines on small sizes: the i386 build on RuntimeLab's interpreter prints what
/// the x86-64 build prints natively (a differential check of the emulator on the benchmarks themselves).
/// </summary>
public sealed class X86ExperimentTests
{
    private static readonly Dictionary<string, string> s_smallSizes = new() { ["collatz"] = "20000", ["sieve"] = "100000", ["qsort"] = "5000" };

    [Fact]
    public void InterpreterAndNativeBuildsAgreeOnEveryBenchmark()
    {
        var plan = new X86Experiment().CreatePlan(new ExperimentOptions());
        var interpreter = plan.Engines.Single(e => e.Name == X86Experiment.InterpreterEngine);
        var native = plan.Engines.Single(e => e.Name == X86Experiment.Native);
        Assert.Equal(X86Experiment.Qemu, plan.BaselineEngine);
        Assert.NotEmpty(plan.Workloads);
        foreach (var workload in plan.Workloads)
        {
            var small = workload with
            {
                Parameters = new Dictionary<string, string>(workload.Parameters) { ["size"] = s_smallSizes[workload.Name] },
            };
            var emulated = interpreter.Run(small, CancellationToken.None);
            var reference = native.Run(small, CancellationToken.None);
            Assert.Equal(RunStatus.Ok, reference.Status);
            Assert.True(emulated.Status == RunStatus.Ok, emulated.FailureReason);
            Assert.Equal(reference.Stdout, emulated.Stdout);
            Assert.True(emulated.Metrics["mips"] > 0);
        }
    }
}
