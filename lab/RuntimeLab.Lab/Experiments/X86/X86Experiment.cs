using System.Globalization;
using RuntimeLab.Lab.Harness;
using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.Lab.Experiments.X86;

/// <summary>
/// The x86 emulator against qemu-i386 on the same static i386 binaries, with the same C built for
/// x86-64 as the native reference (this host cannot run i386 code natively, so that is the closest
/// native figure, and it is labelled as such). RuntimeLab runs in-process; its guest MIPS are reported.
/// </summary>
public sealed class X86Experiment : Experiment
{
    public const string InterpreterEngine = "runtimelab-interp";
    public const string Qemu = "qemu-i386";
    public const string Native = "native-x86-64";

    /// <summary>Sizes that take qemu-i386 about a second here, so that start-up costs little.</summary>
    private static readonly IReadOnlyDictionary<string, string> s_sizes = new Dictionary<string, string>
    {
        ["collatz"] = "1500000",
        ["sieve"] = "16000000",
        ["qsort"] = "1500000",
    };

    public override string Name => "x86";

    public override string Description => "x86 emulator: RuntimeLab's interpreter vs qemu-i386 (and x86-64 native) on static i386 benchmarks";

    protected override ExperimentPlan CreateDefaultPlan()
    {
        var guests = GuestPrograms.Locate().EnsureBuilt();
        return new ExperimentPlan
        {
            Workloads = guests.BenchmarkNames.Select(name => new Workload(name, $"lab/guests/bench/{name}.c")
            {
                Parameters = new Dictionary<string, string>
                {
                    ["i386"] = guests.Benchmark(name),
                    ["native"] = guests.NativeBenchmark(name),
                    ["size"] = s_sizes.GetValueOrDefault(name, ""),
                },
            }).ToList(),
            Engines =
            [
                new InProcessEngine(InterpreterEngine, "RuntimeLab's x86 interpreter, Linux user mode, in-process", (workload, _) => RunInterpreter(workload)),
                new ProcessEngine(Qemu, "QEMU user mode (dynamic translation through TCG)", "qemu-i386", ["{param:i386}", "{param:size}"], "apt-get install -y qemu-user"),
                new ProcessEngine(Native, "the same C compiled for x86-64 (native reference; this host cannot run i386)", "env", ["{param:native}", "{param:size}"], "apt-get install -y coreutils"),
            ],
            BaselineEngine = Qemu,
            Warmups = 1,
            Repetitions = 3,
            RunTimeout = TimeSpan.FromMinutes(5),
        };
    }

    private static EngineOutput RunInterpreter(Workload workload)
    {
        var program = workload.Parameters["i386"];
        var size = workload.Parameters["size"];
        var output = new MemoryStream();
        Interpreter? cpu = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = program,
            Arguments = size.Length > 0 ? [program, size] : [program],
            Root = Path.GetDirectoryName(program)!,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(), output, new MemoryStream()),
            CreateCpu = (memory, threadArea) => cpu = Interpreter.ForUserMode(memory, threadArea),
        });
        var seconds = clock.Elapsed.TotalSeconds;
        if (status != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} exited with status {status} on the interpreter");
        var instructions = (double)cpu!.InstructionsRetired;
        return new EngineOutput(System.Text.Encoding.UTF8.GetString(output.ToArray()), new Dictionary<string, double>
        {
            ["guest_minstr"] = instructions / 1e6,
            ["mips"] = instructions / seconds / 1e6,
        });
    }
}
