using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Experiments.AppVm;

/// <summary>
/// The application VM against the managed runtimes on the same C# programs (bytecode/benchmarks), each run as a
/// whole process, start-up included: RuntimeLab in its three tiers (<c>runtimelab run --tier interp|jit|tiered</c>), CoreCLR (the baseline),
/// and where installed Mono's JIT and Mono's interpreter on an mcs build of the same source. Two sizes:
/// small (about 0.2 s on CoreCLR, the default, so a run takes a minute or two) and large (1–3 s on CoreCLR).
/// </summary>
public sealed class AppVmExperiment : Experiment
{
    public const string RuntimeLabInterp = "runtimelab-interp";
    public const string RuntimeLabJit = "runtimelab-jit";
    public const string RuntimeLabTiered = "runtimelab-tiered";
    public const string CoreClr = "coreclr";
    public const string MonoJit = "mono-jit";
    public const string MonoInterpreter = "mono-interp";

    public const string Small = "small";
    public const string Large = "large";

    private const string MonoInstallHint = "apt-get install -y mono-runtime mono-mcs";

    /// <summary>
    /// The one place the sizes live: args[0] of each program. Measured on CoreCLR 10 on the lab machine (2 cores):
    /// small ≈ 0.15–0.3 s, large ≈ 1.2–3.5 s (fannkuch-redux has no size between 10 and 11).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SizeTable { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Small] = new Dictionary<string, string>
            {
                ["binary-trees"] = "15",
                ["fannkuch-redux"] = "10",
                ["n-body"] = "2000000",
                ["spectral-norm"] = "1200",
                ["word-frequency"] = "200000",
            },
            [Large] = new Dictionary<string, string>
            {
                ["binary-trees"] = "18",
                ["fannkuch-redux"] = "11",
                ["n-body"] = "25000000",
                ["spectral-norm"] = "5000",
                ["word-frequency"] = "2500000",
            },
        };

    private static readonly IReadOnlyDictionary<string, string> s_descriptions = new Dictionary<string, string>
    {
        ["binary-trees"] = "allocates and walks perfect binary trees (GC)",
        ["fannkuch-redux"] = "permutations and prefix reversals (int arrays)",
        ["n-body"] = "Jovian planets simulation (double arithmetic, fields)",
        ["spectral-norm"] = "power method on an implicit matrix (double, calls)",
        ["word-frequency"] = "generated text split and counted (strings, Dictionary, sorting)",
    };

    public override string Name => "appvm";

    public override string Description =>
        "Application VM: RuntimeLab's interpreter, JIT and tiered modes vs CoreCLR, Mono JIT and Mono's interpreter on C# benchmarks (--size small|large)";

    public override IReadOnlyList<string> Sizes => [Small, Large];

    protected override ExperimentPlan CreateDefaultPlan() => CreateDefaultPlan(Small);

    protected override ExperimentPlan CreateDefaultPlan(string size)
    {
        var programs = BenchmarkPrograms.Locate().EnsureBuilt();
        var sizes = SizeTable[size];
        // Built only where mono itself is installed; otherwise both Mono engines report "not installed".
        string? monoProblem = ExecutableLocator.Find("mono") is null ? null : programs.EnsureMonoBuilt();
        return new ExperimentPlan
        {
            Workloads = programs.Names.Select(name => new Workload(
                name, $"{name} {sizes.GetValueOrDefault(name, "")}: {s_descriptions.GetValueOrDefault(name, $"bytecode/benchmarks/{name}")}")
            {
                Parameters = new Dictionary<string, string>
                {
                    ["dll"] = programs.Assembly(name),
                    ["exe"] = programs.MonoAssembly(name),
                    ["size"] = sizes.GetValueOrDefault(name, ""),
                },
            }).ToList(),
            Engines =
            [
                RuntimeLab(programs, RuntimeLabInterp, "interp", "RuntimeLab's interpreter only"),
                RuntimeLab(programs, RuntimeLabJit, "jit", "RuntimeLab, every method compiled through LLVM before its first call"),
                RuntimeLab(programs, RuntimeLabTiered, "tiered", "RuntimeLab, interpreted first, hot methods compiled in the background"),
                new ProcessEngine(CoreClr, "dotnet: CoreCLR with tiered JIT", "dotnet",
                    ["{param:dll}", "{param:size}"], "the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)"),
                MonoEngine(MonoJit, "mono: Mono's JIT, mcs -optimize+ build", [], monoProblem),
                MonoEngine(MonoInterpreter, "mono --interpreter: Mono's interpreter, mcs -optimize+ build", ["--interpreter"], monoProblem),
            ],
            BaselineEngine = CoreClr,
            Warmups = 1,
            Repetitions = size == Large ? 3 : 5,
            RunTimeout = size == Large ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(2),
        };
    }

    private static Engine RuntimeLab(BenchmarkPrograms programs, string name, string tier, string description) =>
        new ProcessEngine(name, $"runtimelab run --tier {tier}: {description}", "dotnet",
            [programs.RuntimeLabCli, "run", "--tier", tier, "{param:dll}", "{param:size}"], "the .NET 10 SDK, then ./runtimelab version");

    private static Engine MonoEngine(string name, string description, IReadOnlyList<string> options, string? problem) =>
        new GatedEngine(
            new ProcessEngine(name, description, "mono", [.. options, "{param:exe}", "{param:size}"], MonoInstallHint),
            () => problem);
}
