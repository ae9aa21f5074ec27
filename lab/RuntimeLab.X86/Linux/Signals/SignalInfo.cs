using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// Why a signal was sent, as the guest's siginfo_t tells it (128 bytes): the number, a code, and either
/// the faulting address (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP) or the sender's pid and uid.
/// </summary>
public readonly record struct SignalInfo(int Signal, int Code, uint Address = 0, uint SenderPid = 0, uint SenderUid = 0, int ChildStatus = 0,
    int TrapNumber = 0, uint ErrorCode = 0)
{
    public const int Size = 128;
    public const int User = 0, Kernel = 0x80, ThreadKill = -6;
    public const int SegvMapError = 1, SegvAccessError = 2, FpeIntegerDivide = 1, IllegalOperand = 2, TrapBreakpoint = 1, BusAlignment = 1;
    public const int ChildExited = 1, ChildKilled = 2;

    public static SignalInfo FromUser(int signal, uint pid, bool thread) => new(signal, thread ? ThreadKill : User, SenderPid: pid, SenderUid: GuestIdentity.Uid);

    /// <summary>si_pid, si_uid, si_status of SIGCHLD (CLD_EXITED or CLD_KILLED).</summary>
    public static SignalInfo ChildEnded(uint pid, ProcessExit exit) => exit.Signal is { } killer
        ? new(Signals.SIGCHLD, ChildKilled, SenderPid: pid, SenderUid: GuestIdentity.Uid, ChildStatus: killer)
        : new(Signals.SIGCHLD, ChildExited, SenderPid: pid, SenderUid: GuestIdentity.Uid, ChildStatus: exit.Status);

    /// <summary>
    /// The signal Linux sends for each exception (arch/x86/kernel/traps.c), with the codes and addresses
    /// qemu-i386 gives: a page fault reports CR2, a divide error or invalid opcode the instruction's address.
    /// </summary>
    public static SignalInfo ForFault(GuestFault fault, uint eip)
    {
        var (signal, code, address) = fault.Vector switch
        {
            FaultVector.DivideError => (Signals.SIGFPE, FpeIntegerDivide, eip),
            FaultVector.FloatingPoint => (Signals.SIGFPE, Kernel, eip),
            FaultVector.InvalidOpcode => (Signals.SIGILL, IllegalOperand, eip),
            FaultVector.Breakpoint or FaultVector.Debug => (Signals.SIGTRAP, Kernel, 0u),
            FaultVector.AlignmentCheck => (Signals.SIGBUS, BusAlignment, fault.Address),
            FaultVector.PageFault => (Signals.SIGSEGV, (fault.ErrorCode & 1) != 0 ? SegvAccessError : SegvMapError, fault.Address),
            _ => (Signals.SIGSEGV, Kernel, 0u),  // #GP, #SS, #NP, #OF, #BR and the rest
        };
        return new SignalInfo(signal, code, address, TrapNumber: (int)fault.Vector, ErrorCode: fault.ErrorCode);
    }

    public bool CarriesAddress => Signal is Signals.SIGSEGV or Signals.SIGBUS or Signals.SIGFPE or Signals.SIGILL or Signals.SIGTRAP && Code > 0;

    /// <summary>strace's rendering: {si_signo=SIGSEGV, si_code=1, si_addr=0x1234}.</summary>
    public string Describe() => CarriesAddress
        ? $"{{si_signo={Signals.Name(Signal)}, si_code={Code}, si_addr=0x{Address:x}}}"
        : Signal == Signals.SIGCHLD
            ? $"{{si_signo=SIGCHLD, si_code={Code}, si_pid={SenderPid}, si_status={ChildStatus}}}"
            : $"{{si_signo={Signals.Name(Signal)}, si_code={Code}, si_pid={SenderPid}, si_uid={SenderUid}}}";

    public void Write(UserAddressSpace memory, uint address)
    {
        var bytes = new byte[Size];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), Signal);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), Code);
        if (CarriesAddress) BitConverter.TryWriteBytes(bytes.AsSpan(12), Address);
        else
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(12), SenderPid);
            BitConverter.TryWriteBytes(bytes.AsSpan(16), SenderUid);
            if (Signal == Signals.SIGCHLD) BitConverter.TryWriteBytes(bytes.AsSpan(20), ChildStatus);
        }
        memory.Write(address, bytes);
    }
}
