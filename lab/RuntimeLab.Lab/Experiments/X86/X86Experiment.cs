using RuntimeLab.Lab.Harness;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Guests;

namespace RuntimeLab.Lab.Experiments.X86;

/// <summary>
/// The x86 emulator in its three engines (interpreter, binary translator, tiered) against qemu-i386 on the
/// same static i386 binaries, with the same C built for x86-64 as the native reference (this host cannot run
/// i386 code natively, so that is the closest native figure, and it is labelled as such). RuntimeLab runs
/// in-process; its guest MIPS and, where it translates, the translator's figures are reported. Ratios are
/// taken against qemu-i386 (the baseline and output reference) and against the native build.
/// </summary>
public sealed class X86Experiment : Experiment
{
    public const string InterpreterEngine = "runtimelab-interp";
    public const string DbtEngine = "runtimelab-dbt";
    public const string TieredEngine = "runtimelab-tiered";
    public const string Qemu = "qemu-i386";
    public const string Native = "native-x86-64";

    public const string Full = "full";
    public const string Quick = "quick";
    public const string Long = "long";

    /// <summary>
    /// The one place the sizes live: argv[1] of each benchmark. Full: about a second (1–3 s) on qemu-i386 here,
    /// so that start-up costs little. Quick: a few hundredths of that, for tests and a first look. Long: 6–15 s on
    /// qemu-i386, where RuntimeLab's start-up (a .NET process, about 0.3 s) and tiered mode's compile latency are a
    /// few percent, for the steady-state ratios; the interpreter takes minutes there, so pick the engines
    /// (<c>--engines runtimelab-tiered,qemu-i386,native-x86-64</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SizeTable { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Full] = new Dictionary<string, string>
            {
                ["collatz"] = "1500000",
                ["sieve"] = "16000000",
                ["qsort"] = "1500000",
                ["spectral-norm"] = "500",
            },
            [Long] = new Dictionary<string, string>
            {
                ["collatz"] = "24000000",
                ["sieve"] = "160000000",
                ["qsort"] = "12000000",
                ["spectral-norm"] = "1500",
            },
            [Quick] = new Dictionary<string, string>
            {
                ["collatz"] = "20000",
                ["sieve"] = "100000",
                ["qsort"] = "5000",
                ["spectral-norm"] = "40",
            },
        };

    public override string Name => "x86";

    public override string Description =>
        "x86 emulator: RuntimeLab's interpreter, binary translator and tiered engines vs qemu-i386 (and x86-64 native) on static i386 benchmarks (--size full|quick|long)";

    public override IReadOnlyList<string> Sizes => [Full, Quick, Long];

    protected override ExperimentPlan CreateDefaultPlan() => CreateDefaultPlan(Full);

    protected override ExperimentPlan CreateDefaultPlan(string size)
    {
        var guests = GuestPrograms.Locate().EnsureBuilt();
        var sizes = SizeTable[size];
        return new ExperimentPlan
        {
            Workloads = guests.BenchmarkNames.Select(name => new Workload(name, $"lab/guests/bench/{name}.c {sizes.GetValueOrDefault(name, "")}")
            {
                Parameters = new Dictionary<string, string>
                {
                    ["i386"] = guests.Benchmark(name),
                    ["native"] = guests.NativeBenchmark(name),
                    ["size"] = sizes.GetValueOrDefault(name, ""),
                },
            }).ToList(),
            Engines =
            [
                Emulator(InterpreterEngine, X86Engine.Interp, "RuntimeLab's x86 interpreter, Linux user mode, in-process"),
                Emulator(DbtEngine, X86Engine.Dbt, "RuntimeLab's binary translator: every block compiled through LLVM before its first run, in-process"),
                Emulator(TieredEngine, X86Engine.Tiered,
                    $"RuntimeLab tiered: blocks interpreted until run {EngineOptions.DefaultHotThreshold} times, then compiled in the background, in-process"),
                new ProcessEngine(Qemu, "QEMU user mode (dynamic translation through TCG)", "qemu-i386", ["{param:i386}", "{param:size}"], "apt-get install -y qemu-user"),
                new ProcessEngine(Native, "the same C compiled for x86-64 (native reference; this host cannot run i386)", "env", ["{param:native}", "{param:size}"], "apt-get install -y coreutils"),
            ],
            BaselineEngine = Qemu,
            ReferenceEngines = [Native],
            Warmups = 1,
            Repetitions = 3,
            RunTimeout = TimeSpan.FromMinutes(5),
        };
    }

    private static InProcessEngine Emulator(string name, X86Engine engine, string description) =>
        new(name, description, (workload, _) => UserModeRun.Run(workload, EngineOptions.For(engine)));
}
