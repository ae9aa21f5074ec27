using RuntimeLab.Lab.Harness;
using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Machine;

namespace RuntimeLab.Lab.Experiments.X86;

/// <summary>
/// The bare-metal machine against the two full-system peers, Bochs (an interpreter, like RuntimeLab's)
/// and qemu-system-i386 (a translator), on CPU-bound multiboot kernels. Bochs cannot load a multiboot
/// ELF, so it boots the same kernel from a floppy whose boot sector starts it as a multiboot loader
/// would. All three print the same on COM1. RuntimeLab counts the guest instructions it runs; the
/// kernel is the same machine code on every engine, so the time ratios are the MIPS ratios (the peers'
/// times include their BIOS, about 0.2 s for Bochs and 0.1 s for QEMU here).
/// </summary>
public sealed class X86MachineExperiment : Experiment
{
    public const string MachineEngine = "runtimelab-machine";
    public const string Bochs = "bochs";
    public const string Qemu = "qemu-system-i386";

    /// <summary>The kernels that compute rather than wait: the timer and echo kernels would measure idling.</summary>
    private static readonly string[] s_kernels = ["sieve"];

    public override string Name => "x86-machine";

    public override string Description => "x86 bare-metal machine: RuntimeLab's interpreter vs Bochs and qemu-system-i386 on CPU-bound multiboot kernels";

    protected override ExperimentPlan CreateDefaultPlan()
    {
        var guests = GuestPrograms.Locate().EnsureBuilt();
        return new ExperimentPlan
        {
            Workloads = s_kernels.Select(name => new Workload(name, $"lab/guests/kernels/{name}.c")
            {
                Parameters = new Dictionary<string, string>
                {
                    ["kernel"] = guests.Kernel(name),
                    ["floppy"] = guests.BochsImage(name),
                },
                // QEMU's isa-debug-exit gives (0 << 1) | 1 for a kernel that succeeds; the Bochs runner gives 1 too.
                ExpectedExitCode = 1,
            }).ToList(),
            Engines =
            [
                new InProcessEngine(MachineEngine, "RuntimeLab's bare-metal PC (x86 boot), interpreter, in-process", (workload, _) => RunMachine(workload)),
                new ProcessEngine(Bochs, "Bochs 2.7 (an interpreting emulator), booting the kernel from a floppy", guests.BochsRunner, ["{param:floppy}"], "apt-get install -y bochs bochsbios"),
                new ProcessEngine(Qemu, "QEMU full-system (dynamic translation through TCG), -kernel", "qemu-system-i386",
                    ["-m", "128", "-display", "none", "-vga", "none", "-monitor", "none", "-serial", "stdio", "-no-reboot",
                     "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-kernel", "{param:kernel}"], "apt-get install -y qemu-system-x86"),
            ],
            BaselineEngine = Bochs,
            Warmups = 1,
            Repetitions = 3,
            RunTimeout = TimeSpan.FromMinutes(5),
        };
    }

    private static EngineOutput RunMachine(Workload workload)
    {
        var serial = new MemoryStream();
        using var machine = new BareMetalMachine(new MachineOptions { Serial = serial, Diagnostics = TextWriter.Null });
        machine.LoadKernel(File.ReadAllBytes(workload.Parameters["kernel"]));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = machine.Run();
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.Stop != MachineStop.DebugExit || result.ExitStatus != 1)
            throw new InvalidOperationException($"{workload.Name} ended with {result.Stop}, status {result.ExitStatus}");
        return new EngineOutput(System.Text.Encoding.UTF8.GetString(serial.ToArray()), new Dictionary<string, double>
        {
            ["guest_minstr"] = result.Instructions / 1e6,
            ["mips"] = result.Instructions / seconds / 1e6,
        });
    }
}
