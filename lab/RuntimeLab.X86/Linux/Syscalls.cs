using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// The i386 Linux system call layer: <see cref="Dispatch"/> takes the number from EAX and the arguments
/// from EBX, ECX, EDX, ESI, EDI, EBP and leaves the result (or a negative errno) in EAX. Handlers live
/// in one partial file per area. A guest pointer that faults inside a handler makes the call return
/// -EFAULT, as in Linux; the guest is not signalled.
/// </summary>
public sealed unsafe partial class Syscalls : IDisposable
{
    private delegate int Handler(in SyscallArgs args);

    private sealed record Entry(string Name, string Format, Handler Handler, bool HexResult);

    private readonly Dictionary<int, Entry> _table = [];

    public UserAddressSpace Memory { get; }
    public GuestFileSystem FileSystem { get; }
    public FileTable Files { get; private init; } = new();
    /// <summary>The TLS descriptors set_thread_area fills; shared with the CPU, whose GS loads read them.</summary>
    public ThreadArea ThreadArea { get; init; } = new();

    /// <summary>Set by exit, exit_group or a fatal signal; the runner stops when it is.</summary>
    public ProcessExit? Exit { get; private set; }

    /// <summary>The guest path of the program, for readlink("/proc/self/exe") and AT_EXECFN.</summary>
    public string ExecutablePath { get; init; } = "/a.out";
    /// <summary>Feeds getrandom: shared with AT_RANDOM so one seed makes a run reproducible.</summary>
    public DeterministicRandom Random { get; init; } = new(0);
    /// <summary>Receives one strace-style line per system call, if set.</summary>
    public TextWriter? Strace { get; init; }
    /// <summary>How set_thread_area reaches the CPU's segment cache (the interpreter's SetSegmentBase).</summary>
    public Action<int, uint>? SetSegmentBase { get; init; }

    /// <summary>The process this is the kernel side of; null when a test drives the calls alone.</summary>
    public GuestProcess? Process { get; internal set; }
    /// <summary>The run's processes, for fork, execve, wait4 and kill; null for a lone process.</summary>
    public ProcessTable? Processes { get; internal set; }
    public uint Pid => Process?.Pid ?? GuestIdentity.Pid;
    public uint ParentPid => Process?.Parent?.Pid ?? GuestIdentity.ParentPid;

    public Syscalls(UserAddressSpace memory, GuestFileSystem fileSystem, uint initialBreak, StandardStreams? streams = null)
    {
        Memory = memory;
        FileSystem = fileSystem;
        _breakStart = _break = initialBreak;
        if (streams != null)
        {
            Files.Add(new StreamFile(streams.Input, OpenFlags.ReadOnly, streams.InputIsTerminal, "stdin").Initialize());
            Files.Add(new StreamFile(streams.Output, OpenFlags.WriteOnly, streams.OutputIsTerminal, "stdout").Initialize());
            Files.Add(new StreamFile(streams.Error, OpenFlags.WriteOnly, streams.ErrorIsTerminal, "stderr").Initialize());
        }
        RegisterFiles();
        RegisterFileStatus();
        RegisterMemory();
        RegisterProcess();
        RegisterSignals();
        RegisterFork();
        RegisterTime();
    }

    /// <summary>A copy of this process's kernel state for a fork child, over the child's copied memory.</summary>
    public Syscalls CopyForChild(UserAddressSpace memory, ThreadArea threadArea, Action<int, uint> setSegmentBase) =>
        new(memory, FileSystem.Copy(), _breakStart)
        {
            Files = Files.Copy(forExec: false), SignalState = SignalState.CopyForChild(), ThreadArea = threadArea,
            SetSegmentBase = setSegmentBase, ExecutablePath = ExecutablePath, Random = Random, Strace = Strace,
            Processes = Processes, _break = _break, Limits = Limits,
        };

    /// <summary>The kernel state of a new image in this process (execve): same files but the close-on-exec ones, same mask.</summary>
    public Syscalls CopyForExec(UserAddressSpace memory, ThreadArea threadArea, Action<int, uint> setSegmentBase, uint initialBreak, string guestPath)
    {
        SignalState.ResetForExec();
        return new(memory, FileSystem, initialBreak)
        {
            Files = Files.Copy(forExec: true), SignalState = SignalState, ThreadArea = threadArea,
            SetSegmentBase = setSegmentBase, ExecutablePath = guestPath, Random = Random, Strace = Strace,
            Processes = Processes, Limits = Limits,
        };
    }

    /// <summary>
    /// Handles the system call the guest made with int 0x80; EIP is already past the instruction.
    /// False when the call has to wait: the guest is then back at its int 0x80, to make the call again.
    /// </summary>
    public bool Dispatch(CpuState* state)
    {
        var regs = state->Regs;
        var args = new SyscallArgs(regs[Gpr.Ebx], regs[Gpr.Ecx], regs[Gpr.Edx], regs[Gpr.Esi], regs[Gpr.Edi], regs[Gpr.Ebp]);
        _caller = state;
        try
        {
            var result = Invoke((int)regs[Gpr.Eax], args);
            if (result == Errno.Restart)
            {
                state->Eip -= IntInstructionLength;
                return false;
            }
            regs[Gpr.Eax] = (uint)result;
            return true;
        }
        finally
        {
            _caller = null;
        }
    }

    /// <summary>int 0x80 is two bytes (CD 80).</summary>
    private const uint IntInstructionLength = 2;

    /// <summary>Runs one system call: its result, or a negative errno.</summary>
    public int Invoke(int number, SyscallArgs args)
    {
        if (!_table.TryGetValue(number, out var entry))
        {
            Strace?.WriteLine($"syscall_{number}({args.A0:x}, {args.A1:x}, {args.A2:x}, ...) = {Errno.Describe(Errno.ENOSYS)}");
            return -Errno.ENOSYS;
        }
        int result;
        try { result = entry.Handler(args); }
        catch (GuestFaultException) { result = -Errno.EFAULT; }
        catch (IOException) { result = -Errno.EIO; }  // the host file or stream failed (disk full, closed pipe)
        catch (UnauthorizedAccessException) { result = -Errno.EACCES; }
        if (result == Errno.Restart) return result;  // it will be made again; strace shows the call that completes
        // Linux sends SIGPIPE with every EPIPE from a write to a pipe without readers.
        if (result == -Errno.EPIPE) Post(new SignalInfo(Signals.SIGPIPE, SignalInfo.Kernel));
        if (Strace != null) StraceLine(StraceFormatter.Format(entry.Name, entry.Format, args, Exit == null ? result : null, entry.HexResult, Memory));
        return result;
    }

    /// <summary>One line of --strace. Like strace -f, the lines of every process but the first carry its pid.</summary>
    public void StraceLine(string line) => Strace?.WriteLine((Pid == GuestIdentity.Pid ? "" : $"[pid {Pid}] ") + line);

    private void Register(int number, string name, string format, Handler handler, bool hexResult = false) =>
        _table[number] = new Entry(name, format, handler, hexResult);

    public void Dispose() => Files.CloseAll();
}
