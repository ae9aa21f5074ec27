using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// Runs a static i386 Linux program to its end: loads the ELF, builds the stack, and alternates between
/// the CPU and the system call layer. The result is what a shell would report as $?: the exit status,
/// 128 + signal for a killed guest, or 124 when the instruction limit ran out (like timeout(1)).
/// Faults are not delivered to guest signal handlers yet: any fault ends the run with its signal.
/// </summary>
public static unsafe class UserModeProcess
{
    public const int InstructionLimitStatus = 124;

    /// <summary>Runs the program; throws <see cref="ElfException"/> for a program it cannot load.</summary>
    public static int Run(UserModeOptions options)
    {
        var diagnostics = options.Diagnostics ?? Console.Error;
        var fileSystem = new GuestFileSystem(options.Root, options.ReadOnly);
        var (hostPath, guestPath) = LocateProgram(options.ProgramPath, fileSystem);
        var random = new DeterministicRandom(options.RandomSeed);

        using var memory = new UserAddressSpace();
        var image = ElfLoader.Load(File.ReadAllBytes(hostPath), memory);
        var argv = options.Arguments.Count > 0 ? options.Arguments : [options.ProgramPath];
        var stack = InitialStack.Build(memory, image, argv, options.Environment, guestPath, random);

        var threadArea = new ThreadArea();
        using var cpu = options.CreateCpu(memory, threadArea);
        var state = cpu.State;
        state->Eip = image.Entry;
        state->Regs[Gpr.Esp] = stack.StackPointer;

        using var syscalls = new Syscalls(memory, fileSystem, image.InitialBreak, options.Streams ?? StandardStreams.Console())
        {
            ExecutablePath = guestPath,
            Random = random,
            Strace = options.Strace,
            ThreadArea = threadArea,
            SetSegmentBase = cpu.SetSegmentBase,
        };
        return Loop(cpu, syscalls, options.MaxInstructions, diagnostics);
    }

    private static int Loop(IGuestCpu cpu, Syscalls syscalls, ulong maxInstructions, TextWriter diagnostics)
    {
        var state = cpu.State;
        while (true)
        {
            var executed = state->InstructionCount;
            var remaining = maxInstructions > executed ? maxInstructions - executed : 0;
            var stop = remaining == 0 ? StopReason.InstructionLimit : cpu.Run(remaining);
            switch (stop)
            {
                case StopReason.Syscall:
                    syscalls.Dispatch(state);
                    if (syscalls.Exit is { } exit) return Report(exit, diagnostics, $"eip 0x{state->Eip:x8}");
                    break;
                case StopReason.Fault:
                    return Report(ProcessExit.Killed(SignalFor(state->Fault.Vector)), diagnostics, Describe(cpu, state->Fault, state->Eip));
                case StopReason.Halt:
                    // hlt is privileged: in user mode it raises #GP, which Linux turns into SIGSEGV.
                    return Report(ProcessExit.Killed(Signals.SIGSEGV), diagnostics, $"hlt in user mode, eip 0x{state->Eip:x8}");
                case StopReason.InstructionLimit:
                    diagnostics.WriteLine($"runtimelab: x86: instruction limit of {maxInstructions} reached (eip 0x{state->Eip:x8})");
                    return InstructionLimitStatus;
                default:
                    throw new InvalidOperationException($"the CPU stopped for no reason ({stop}) at eip 0x{state->Eip:x8}");
            }
        }
    }

    /// <summary>A normal exit prints nothing; a killed guest gets the one line a shell would print in its place.</summary>
    private static int Report(ProcessExit exit, TextWriter diagnostics, string detail)
    {
        if (exit.Signal is { } signal) diagnostics.WriteLine($"runtimelab: x86: guest killed by {Signals.Name(signal)} ({detail})");
        return exit.Status;
    }

    /// <summary>The signal Linux sends for each exception (arch/x86/kernel/traps.c).</summary>
    public static int SignalFor(FaultVector vector) => vector switch
    {
        FaultVector.DivideError or FaultVector.FloatingPoint => Signals.SIGFPE,
        FaultVector.InvalidOpcode => Signals.SIGILL,
        FaultVector.Breakpoint or FaultVector.Debug => Signals.SIGTRAP,
        FaultVector.AlignmentCheck => Signals.SIGBUS,
        _ => Signals.SIGSEGV,  // #PF, #GP, #SS, #NP, #OF, #BR and the rest
    };

    private static string Describe(IGuestCpu cpu, GuestFault fault, uint eip) => fault.Vector switch
    {
        FaultVector.PageFault => $"page fault at 0x{fault.Address:x8}, eip 0x{eip:x8}",
        FaultVector.InvalidOpcode when cpu.Unimplemented(eip) is { } instruction =>
            $"'{instruction}' at eip 0x{eip:x8} is not implemented by RuntimeLab's x86 CPU yet",
        _ => $"{fault}, eip 0x{eip:x8}",
    };

    /// <summary>
    /// A path that names a file inside the root is taken as a guest path; otherwise it is a host path,
    /// and the guest sees it as /&lt;file name&gt; (there is no better guest name for a file outside the root).
    /// </summary>
    private static (string HostPath, string GuestPath) LocateProgram(string path, GuestFileSystem fileSystem)
    {
        if (fileSystem.Resolve(path, followFinalLink: true, out var resolved) == 0 && File.Exists(resolved.HostPath))
            return (resolved.HostPath, resolved.GuestPath);
        var host = Path.GetFullPath(path);
        if (!File.Exists(host)) throw new FileNotFoundException($"program not found: {path}", path);
        var relative = Path.GetRelativePath(fileSystem.HostRoot, host);
        return (host, relative.StartsWith("..") || Path.IsPathRooted(relative) ? "/" + Path.GetFileName(host) : "/" + relative.Replace('\\', '/'));
    }
}
