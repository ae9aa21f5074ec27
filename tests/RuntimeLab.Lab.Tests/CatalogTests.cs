using RuntimeLab.Lab.Experiments;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class CatalogTests
{
    [Fact]
    public void ExperimentNamesAreUnique() =>
        Assert.Equal(ExperimentCatalog.All.Count, ExperimentCatalog.All.Select(e => e.Name).Distinct().Count());

    [Fact]
    public void EveryExperimentHasAValidPlan() =>
        Assert.All(ExperimentCatalog.All, experiment => experiment.CreatePlan(new ExperimentOptions()));

    [Fact]
    public void StartupIsRegisteredWithNativeBaseline() =>
        Assert.Equal("native", ExperimentCatalog.Find("startup")?.CreatePlan(new ExperimentOptions()).BaselineEngine);

    [Fact]
    public void OptionsOverrideThePlanAndAnUnknownBaselineIsRejected()
    {
        var startup = ExperimentCatalog.Find("startup")!;

        var plan = startup.CreatePlan(new ExperimentOptions { Repetitions = 2, Warmups = 0, BaselineEngine = "dotnet" });

        Assert.Equal((2, 0, "dotnet"), (plan.Repetitions, plan.Warmups, plan.BaselineEngine));
        Assert.Throws<ArgumentException>(() => startup.CreatePlan(new ExperimentOptions { BaselineEngine = "nope" }));
    }

    [Fact]
    public void EnginesAndWorkloadsCanBeNarrowedButNotInvented()
    {
        var appvm = ExperimentCatalog.Find("appvm")!;
        var all = appvm.CreatePlan(new ExperimentOptions());

        var plan = appvm.CreatePlan(new ExperimentOptions { Engines = ["coreclr", "runtimelab-jit"], Workloads = ["n-body"] });

        Assert.Equal(all.Engines.Select(e => e.Name).Where(n => n is "coreclr" or "runtimelab-jit"), plan.Engines.Select(e => e.Name));
        Assert.Equal(["n-body"], plan.Workloads.Select(w => w.Name));
        var unknown = Assert.Throws<ArgumentException>(() => appvm.CreatePlan(new ExperimentOptions { Engines = ["coreclr", "hotspot"] }));
        Assert.Contains("runtimelab-tiered", unknown.Message);
        Assert.Throws<ArgumentException>(() => appvm.CreatePlan(new ExperimentOptions { Workloads = ["nbody"] }));
        // Without its baseline (CoreCLR) the plan has nothing to compare against.
        Assert.Throws<ArgumentException>(() => appvm.CreatePlan(new ExperimentOptions { Engines = ["runtimelab-jit"] }));
    }

    [Fact]
    public void NarrowingEnginesDropsAReferenceLeftOutButKeepsOneLeftIn()
    {
        var x86 = ExperimentCatalog.Find("x86")!;

        var without = x86.CreatePlan(new ExperimentOptions { Engines = ["qemu-i386", "runtimelab-interp"] });
        var with = x86.CreatePlan(new ExperimentOptions { Engines = ["qemu-i386", "native-x86-64"] });

        Assert.Empty(without.ReferenceEngines);
        Assert.Equal(["native-x86-64"], with.ReferenceEngines);
    }
}
