using System.Globalization;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>
/// The shared backend's compile cost and code quality: the same hand-built IR kernels compiled at
/// O0, the lean tier, O1 and O2, against the same algorithms in C# on CoreCLR, all in this process.
/// Every run compiles afresh (compile_ms) and then runs once (exec_ms); ratios are on exec_ms, so
/// they compare generated code, not compile cost.
/// </summary>
public sealed class BackendExperiment : Experiment
{
    public const string CoreClr = "coreclr";
    public const string ExecMs = "exec_ms";

    private static readonly OptLevel[] s_levels = [OptLevel.O0, OptLevel.Lean, OptLevel.O1, OptLevel.O2];
    private readonly Lazy<JitSession> _session = new(() => new JitSession());

    public override string Name => "backend";

    public override string Description => "LLVM backend: compile time and generated-code speed at O0/lean/O1/O2 vs the same C# on CoreCLR";

    protected override ExperimentPlan CreateDefaultPlan()
    {
        var engines = new List<Engine>();
        foreach (var level in s_levels)
            engines.Add(new InProcessEngine(EngineName(level), $"hand-built IR compiled by LLVM at {level}", (workload, _) => RunCompiled(workload, level)));
        engines.Add(new InProcessEngine(CoreClr, "the same algorithm in C#, JIT-compiled by CoreCLR (after warm-up)", (workload, _) => RunManaged(workload)));
        return new ExperimentPlan
        {
            Workloads = BackendKernel.All.Select(k => new Workload(k.Name, k.Description)
            {
                Parameters = new Dictionary<string, string> { ["n"] = k.BenchmarkSize.ToString(CultureInfo.InvariantCulture) },
            }).ToList(),
            Engines = engines,
            BaselineEngine = CoreClr,
            RatioMetric = ExecMs,
            Warmups = 1,
            Repetitions = 5,
            RunTimeout = TimeSpan.FromSeconds(60),
        };
    }

    public static string EngineName(OptLevel level) => $"llvm-{level.ToString().ToLowerInvariant()}";

    private static (BackendKernel Kernel, long N) Resolve(Workload workload) =>
        (BackendKernel.All.Single(k => k.Name == workload.Name), long.Parse(workload.Parameters["n"], CultureInfo.InvariantCulture));

    private EngineOutput RunCompiled(Workload workload, OptLevel level)
    {
        var (kernel, n) = Resolve(workload);
        using var compiled = CompiledKernel.Compile(_session.Value, kernel, CompileOptions.At(level));
        var run = compiled.Run(n);
        var stats = compiled.Module.Stats;
        return new EngineOutput(Checksum(run), new Dictionary<string, double>
        {
            ["compile_ms"] = stats.TotalTime.TotalMilliseconds,
            ["passes_ms"] = stats.PassTime.TotalMilliseconds,
            ["codegen_ms"] = stats.CodegenTime.TotalMilliseconds,
            [ExecMs] = run.Elapsed.TotalMilliseconds,
            ["ir_instrs"] = stats.IrInstructionsAfter,
            ["code_bytes"] = stats.CodeBytes,
        });
    }

    private static EngineOutput RunManaged(Workload workload)
    {
        var (kernel, n) = Resolve(workload);
        var run = CompiledKernel.RunManaged(kernel, n);
        return new EngineOutput(Checksum(run), new Dictionary<string, double> { [ExecMs] = run.Elapsed.TotalMilliseconds });
    }

    private static string Checksum(KernelRun run) => run.Checksum.ToString(CultureInfo.InvariantCulture) + "\n";
}
