using System.Text;
using RuntimeLab.Lab.Experiments;
using RuntimeLab.Lab.Experiments.AppVm;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

/// <summary>
/// The appvm experiment's plan, and its benchmarks at tiny sizes against published or derived values: the
/// SDK build on CoreCLR, and where Mono is installed the mcs build on Mono's JIT and interpreter, must print them.
/// </summary>
public sealed class AppVmExperimentTests
{
    private static readonly string[] s_programs = ["binary-trees", "fannkuch-redux", "n-body", "spectral-norm", "word-frequency"];

    private static readonly Dictionary<string, string> s_tinySizes = new()
    {
        ["binary-trees"] = "6",
        ["fannkuch-redux"] = "7",
        ["n-body"] = "1000",
        ["spectral-norm"] = "100",
        ["word-frequency"] = "10000",
    };

    private static ExperimentPlan Plan(string? size = null) => new AppVmExperiment().CreatePlan(new ExperimentOptions { Size = size });

    private static Workload Tiny(Workload workload) => workload with
    {
        Parameters = new Dictionary<string, string>(workload.Parameters) { ["size"] = s_tinySizes[workload.Name] },
    };

    /// <summary>What binary-trees prints: every check is a node count, 2^(depth+1) − 1 per tree.</summary>
    private static string BinaryTreesOutput(int n)
    {
        static int Nodes(int depth) => (1 << (depth + 1)) - 1;
        const int minDepth = 4;
        int maxDepth = Math.Max(minDepth + 2, n);
        var expected = new StringBuilder($"stretch tree of depth {maxDepth + 1}\t check: {Nodes(maxDepth + 1)}\n");
        for (int depth = minDepth; depth <= maxDepth; depth += 2)
        {
            int iterations = 1 << (maxDepth - depth + minDepth);
            expected.Append($"{iterations}\t trees of depth {depth}\t check: {iterations * Nodes(depth)}\n");
        }
        return expected.Append($"long lived tree of depth {maxDepth}\t check: {Nodes(maxDepth)}\n").ToString();
    }

    /// <summary>The tiny-size output each program must print, from the Benchmarks Game's published values.</summary>
    private static void AssertKnownOutput(string program, string stdout)
    {
        switch (program)
        {
            case "binary-trees":
                Assert.Equal(BinaryTreesOutput(6), stdout);
                break;
            case "fannkuch-redux":
                Assert.Equal("228\nPfannkuchen(7) = 16\n", stdout);
                break;
            case "n-body":
                Assert.Equal("-0.169075164\n-0.169087605\n", stdout);
                break;
            case "spectral-norm":
                Assert.Equal("1.274219991\n", stdout);
                break;
            case "word-frequency":
                var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("words 10000", lines[0]);
                Assert.StartsWith("distinct ", lines[1]);
                // The ten most frequent words, most frequent first.
                var counts = lines[3..13].Select(line => int.Parse(line.Split(' ')[1])).ToList();
                Assert.Equal(counts.OrderDescending(), counts);
                // Pinned from the first run (CoreCLR and Mono agreed): catches a changed generator or count.
                Assert.Equal("checksum 604e4aa8", lines[^1]);
                break;
            default:
                Assert.Fail($"no known output for {program}");
                break;
        }
    }

    [Fact]
    public void PlanHasTheFiveProgramsAndTheSixEnginesAgainstCoreClr()
    {
        var plan = Plan();

        Assert.Equal(s_programs, plan.Workloads.Select(w => w.Name));
        Assert.Equal(
            [AppVmExperiment.RuntimeLabInterp, AppVmExperiment.RuntimeLabJit, AppVmExperiment.RuntimeLabTiered,
             AppVmExperiment.CoreClr, AppVmExperiment.MonoJit, AppVmExperiment.MonoInterpreter],
            plan.Engines.Select(e => e.Name));
        Assert.Equal(AppVmExperiment.CoreClr, plan.BaselineEngine);
        Assert.Same(ExperimentCatalog.Find("appvm")?.GetType(), typeof(AppVmExperiment));
        var runtimelab = Assert.IsType<ProcessEngine>(plan.Engines[0]);
        Assert.Equal(["run", "--tier", "interp", "{param:dll}", "{param:size}"], runtimelab.Arguments.Skip(1));
        Assert.EndsWith("runtimelab.dll", runtimelab.Arguments[0]);
    }

    [Fact]
    public void SizeOptionPicksTheSizesAndRejectsUnknownOnes()
    {
        var small = Plan().Workloads.ToDictionary(w => w.Name, w => long.Parse(w.Parameters["size"]));
        var large = Plan(AppVmExperiment.Large).Workloads.ToDictionary(w => w.Name, w => long.Parse(w.Parameters["size"]));

        Assert.Equal(small, Plan(AppVmExperiment.Small).Workloads.ToDictionary(w => w.Name, w => long.Parse(w.Parameters["size"])));
        Assert.All(s_programs, name => Assert.True(large[name] > small[name], name));
        Assert.Throws<ArgumentException>(() => Plan("huge"));
        Assert.Throws<ArgumentException>(() => ExperimentCatalog.Find("startup")!.CreatePlan(new ExperimentOptions { Size = "small" }));
    }

    [Fact]
    public void EveryProgramPrintsItsKnownOutputOnCoreClr()
    {
        var plan = Plan();
        var coreclr = plan.Engines.Single(e => e.Name == AppVmExperiment.CoreClr);
        foreach (var workload in plan.Workloads.Select(Tiny))
        {
            var result = coreclr.Run(workload, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            Assert.True(result.Status == RunStatus.Ok, $"{workload.Name}: {result.FailureReason} {result.Stderr}");
            AssertKnownOutput(workload.Name, result.Stdout);
        }
    }

    [Fact]
    public void MonoBuildsPrintTheSameAsCoreClrWhereMonoIsInstalled()
    {
        var plan = Plan();
        var monoEngines = plan.Engines.Where(e => e.Name.StartsWith("mono", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, monoEngines.Count);
        if (monoEngines.Any(engine => !engine.CheckAvailability().IsAvailable))
            return; // Mono or mcs is not installed here: the experiment reports it as "not installed".
        foreach (var workload in plan.Workloads.Select(Tiny))
            foreach (var mono in monoEngines)
            {
                var result = mono.Run(workload, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
                Assert.True(result.Status == RunStatus.Ok, $"{workload.Name} on {mono.Name}: {result.FailureReason} {result.Stderr}");
                AssertKnownOutput(workload.Name, result.Stdout);
            }
    }
}
