using RuntimeLab.Lab.Experiments.X86;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

/// <summary>
/// The x86 experiment's engines at its quick size: the i386 build on each of RuntimeLab's engines prints what the
/// x86-64 build prints natively (a differential check of the emulator on the benchmarks themselves), and each
/// engine reports the figures of the engine it claims to be.
/// </summary>
public sealed class X86ExperimentTests
{
    private static readonly ExperimentPlan s_quick = new X86Experiment().CreatePlan(new ExperimentOptions { Size = X86Experiment.Quick });

    private static Engine EngineNamed(string name) => s_quick.Engines.Single(e => e.Name == name);

    private static RunResult RunOk(string engine, Workload workload)
    {
        var result = EngineNamed(engine).Run(workload, CancellationToken.None);
        Assert.True(result.Status == RunStatus.Ok, $"{workload.Name} on {engine}: {result.FailureReason}");
        return result;
    }

    [Fact]
    public void PlanRunsEveryEngineAgainstQemuWithNativeAsReference()
    {
        Assert.Equal(
            [X86Experiment.InterpreterEngine, X86Experiment.DbtEngine, X86Experiment.TieredEngine, X86Experiment.Qemu, X86Experiment.Native],
            s_quick.Engines.Select(e => e.Name));
        Assert.Equal(X86Experiment.Qemu, s_quick.BaselineEngine);
        Assert.Equal([X86Experiment.Native], s_quick.ReferenceEngines);
        // The x87 benchmark is part of the set, and every benchmark has a size in both modes.
        Assert.Contains("spectral-norm", s_quick.Workloads.Select(w => w.Name));
        Assert.All(s_quick.Workloads, workload => Assert.All(X86Experiment.SizeTable.Values, sizes => Assert.True(sizes.ContainsKey(workload.Name), workload.Name)));
        Assert.Throws<ArgumentException>(() => new X86Experiment().CreatePlan(new ExperimentOptions { Size = "huge" }));
    }

    [Fact]
    public void QuickSizesAreSmallerThanFullOnes() =>
        Assert.All(X86Experiment.SizeTable[X86Experiment.Full], full =>
            Assert.True(long.Parse(X86Experiment.SizeTable[X86Experiment.Quick][full.Key]) * 10 <= long.Parse(full.Value), full.Key));

    [Fact]
    public void InterpreterAndNativeBuildsAgreeOnEveryBenchmark()
    {
        Assert.NotEmpty(s_quick.Workloads);
        foreach (var workload in s_quick.Workloads)
        {
            var emulated = RunOk(X86Experiment.InterpreterEngine, workload);
            var reference = RunOk(X86Experiment.Native, workload);
            Assert.Equal(reference.Stdout, emulated.Stdout);
            Assert.True(emulated.Metrics["mips"] > 0);
            // The interpreter translates nothing, so it must not report translator figures.
            Assert.DoesNotContain("blocks", emulated.Metrics.Keys);
        }
    }

    /// <summary>
    /// One benchmark (the x87 one) on the translating engines, since a dbt run compiles the whole C library's start-up
    /// first. Both must print what the interpreter prints and retire exactly as many guest instructions.
    /// </summary>
    [Fact]
    public void TranslatingEnginesAgreeWithTheInterpreterAndReportTheirTranslation()
    {
        var workload = s_quick.Workloads.Single(w => w.Name == "spectral-norm");
        var interpreted = RunOk(X86Experiment.InterpreterEngine, workload);

        var translated = RunOk(X86Experiment.DbtEngine, workload);
        Assert.Equal(interpreted.Stdout, translated.Stdout);
        Assert.Equal(interpreted.Metrics["guest_minstr"], translated.Metrics["guest_minstr"]);
        Assert.True(translated.Metrics["blocks"] > 0);
        // dbt compiles every block before it first runs, so nearly every instruction ran compiled.
        Assert.InRange(translated.Metrics["jit_pct"], 90, 100);
        Assert.InRange(translated.Metrics["jit_p50_ms"], double.Epsilon, translated.Metrics["jit_p95_ms"]);

        // Tiered compiles in the background, so how much ran compiled depends on the machine; that it translates does not.
        var tiered = RunOk(X86Experiment.TieredEngine, workload);
        Assert.Equal(interpreted.Stdout, tiered.Stdout);
        Assert.Equal(interpreted.Metrics["guest_minstr"], tiered.Metrics["guest_minstr"]);
        Assert.InRange(tiered.Metrics["jit_pct"], 0, 100);
        Assert.True(tiered.Metrics["blocks"] < translated.Metrics["blocks"], "tiered compiled as many blocks as dbt: are the hot-threshold rules applied?");
    }
}
