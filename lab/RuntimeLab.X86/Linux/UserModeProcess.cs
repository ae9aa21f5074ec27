using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// Runs a static i386 Linux program to its end: loads the ELF, builds the stack, and alternates between
/// the CPU and the system call layer. The result is what a shell would report as $?: the exit status,
/// 128 + signal for a killed guest, or 124 when the instruction limit ran out (like timeout(1)).
/// A fault goes to the guest's signal handler if it has one; otherwise it ends the process as Linux would.
/// The program may fork and exec: <see cref="ProcessTable"/> holds the processes, and this runs them in turn.
/// </summary>
public static unsafe class UserModeProcess
{
    public const int InstructionLimitStatus = 124;
    /// <summary>Every process waits for another (a pipe nobody writes, a wait for a waiting child): the run cannot go on.</summary>
    public const int DeadlockStatus = 125;
    /// <summary>Instructions a process runs before the next one gets its turn.</summary>
    private const ulong TimeSlice = 200_000;

    /// <summary>Runs the program; throws <see cref="ElfException"/> for a program it cannot load.</summary>
    public static int Run(UserModeOptions options)
    {
        var diagnostics = options.Diagnostics ?? Console.Error;
        var fileSystem = new GuestFileSystem(options.Root, options.ReadOnly);
        var (hostPath, guestPath) = LocateProgram(options.ProgramPath, fileSystem);
        var random = new DeterministicRandom(options.RandomSeed);

        var memory = new UserAddressSpace();
        IGuestCpu? cpu = null;
        Syscalls? syscalls = null;
        var processes = new ProcessTable(options.CreateCpu);
        try
        {
            var image = ElfLoader.Load(File.ReadAllBytes(hostPath), memory);
            var argv = options.Arguments.Count > 0 ? options.Arguments : [options.ProgramPath];
            var stack = InitialStack.Build(memory, image, argv, options.Environment, guestPath, random);

            var threadArea = new ThreadArea();
            cpu = options.CreateCpu(memory, threadArea);
            cpu.State->Eip = image.Entry;
            cpu.State->Regs[Gpr.Esp] = stack.StackPointer;
            syscalls = new Syscalls(memory, fileSystem, image.InitialBreak, options.Streams ?? StandardStreams.Console())
            {
                ExecutablePath = guestPath,
                Random = random,
                Strace = options.Strace,
                ThreadArea = threadArea,
                SetSegmentBase = cpu.SetSegmentBase,
            };
        }
        catch
        {
            syscalls?.Dispose();
            cpu?.Dispose();
            memory.Dispose();
            throw;
        }
        var init = processes.Start(memory, cpu, syscalls);
        try
        {
            return Schedule(processes, init, options.MaxInstructions, diagnostics);
        }
        finally
        {
            processes.EndAll(ProcessExit.Killed(Signals.SIGKILL));
        }
    }

    /// <summary>
    /// Round-robin over the run's processes, a time slice each, until the first process ends; its status
    /// is the run's. The instruction limit counts the instructions of all processes together.
    /// </summary>
    private static int Schedule(ProcessTable processes, GuestProcess init, ulong maxInstructions, TextWriter diagnostics)
    {
        ulong total = 0;
        while (true)
        {
            var progressed = false;
            var running = processes.All.Where(p => p.Exit == null).ToList();
            foreach (var process in running) process.Kernel.CheckTimers();
            foreach (var process in running)
            {
                if (process.Exit != null) continue;  // killed by a process that ran before it in this round
                var remaining = maxInstructions > total ? maxInstructions - total : 0;
                if (remaining == 0)
                {
                    diagnostics.WriteLine($"runtimelab: x86: instruction limit of {maxInstructions} reached (eip 0x{process.Cpu.State->Eip:x8})");
                    return InstructionLimitStatus;
                }
                var (ran, progress, detail) = RunSlice(process, Math.Min(TimeSlice, remaining));
                total += ran;
                progressed |= progress;
                if (process.Kernel.Exit is not { } exit) continue;
                if (process == init) Report(exit, diagnostics, detail);
                processes.Ended(process, exit);
                if (process == init) return exit.Status;
            }
            if (progressed) continue;
            // Nothing can run: wait for the first sleep or alarm to end, or give up if there is none.
            var wakeups = processes.All.Where(p => p.Exit == null).Select(p => p.Kernel.NextWakeup).OfType<long>().ToList();
            if (wakeups.Count == 0)
            {
                diagnostics.WriteLine("runtimelab: x86: every guest process is waiting for another (deadlock)");
                return DeadlockStatus;
            }
            Thread.Sleep(TimeSpan.FromTicks(Syscalls.NanosecondsUntil(wakeups.Min()) / 100));
        }
    }

    /// <summary>One turn of one process: the instructions it ran, whether it got anywhere, and what to say if it died.</summary>
    private static (ulong Ran, bool Progress, string Detail) RunSlice(GuestProcess process, ulong budget)
    {
        process.DisposeRetired();
        var cpu = process.Cpu;
        var state = cpu.State;
        var kernel = process.Kernel;
        if (process.Blocked && kernel.InterruptWaitingCall(state)) process.Blocked = false;
        if (kernel.Exit != null) return (0, true, "a signal");

        var before = state->InstructionCount;
        var stop = cpu.Run(budget);
        var ran = state->InstructionCount - before;
        process.InstructionsRun += ran;
        switch (stop)
        {
            case StopReason.Syscall:
                var completed = kernel.Dispatch(state);
                // A waiting call retried runs one instruction (its int 0x80): that is no progress.
                var progress = completed || ran > 1;
                process.Blocked = !completed;
                if (completed) process.Kernel.DeliverSignals(process.Cpu.State);  // after execve, the new image's
                return (ran, progress, $"eip 0x{process.Cpu.State->Eip:x8}");
            case StopReason.Fault:
                var fault = state->Fault;
                kernel.RaiseFault(state);
                return (ran, true, Describe(cpu, fault, state->Eip));
            case StopReason.Halt:
                // hlt is privileged: in user mode it raises #GP, which Linux turns into SIGSEGV.
                state->Fault = new GuestFault(FaultVector.GeneralProtection, 0, 0);
                kernel.RaiseFault(state);
                return (ran, true, $"hlt in user mode, eip 0x{state->Eip:x8}");
            case StopReason.InstructionLimit:
                return (ran, true, "");
            default:
                throw new InvalidOperationException($"the CPU stopped for no reason ({stop}) at eip 0x{state->Eip:x8}");
        }
    }

    /// <summary>A normal exit prints nothing; a killed guest gets the one line a shell would print in its place.</summary>
    private static int Report(ProcessExit exit, TextWriter diagnostics, string detail)
    {
        if (exit.Signal is { } signal) diagnostics.WriteLine($"runtimelab: x86: guest killed by {Signals.Name(signal)} ({detail})");
        return exit.Status;
    }

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
