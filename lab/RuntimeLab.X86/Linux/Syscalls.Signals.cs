using RuntimeLab.X86.Cpu;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// Signals: actions, the mask, the alternate stack, sending, and delivery to the guest's handlers.
// A signal is delivered when the process next leaves the kernel (after a system call or a fault),
// one handler at a time: the next pending signal goes when that handler's sigreturn ends.
public sealed unsafe partial class Syscalls
{
    private const int SigsetSize = 8;
    private const int SigBlock = 0, SigUnblock = 1, SigSetmask = 2;

    public SignalState SignalState { get; private set; } = new();

    /// <summary>The registers of the call being handled: sigreturn rewrites them, and a signal frame is built from them.</summary>
    private CpuState* _caller;

    /// <summary>The handler the guest installed for a signal (0 default, 1 ignore), for the runner's messages.</summary>
    public uint HandlerOf(int signal) => signal is > 0 and <= Signals.Count ? SignalState.ActionOf(signal).Handler : SignalAction.Default;

    private void RegisterSignals()
    {
        Register(N.RtSigaction, "rt_sigaction", "dxxu", (in SyscallArgs a) => SetAction((int)a.A0, a.A1, a.A2, a.A3));
        Register(N.RtSigprocmask, "rt_sigprocmask", "dxxu", (in SyscallArgs a) => SignalMask((int)a.A0, a.A1, a.A2, a.A3));
        Register(N.RtSigpending, "rt_sigpending", "xu", (in SyscallArgs a) => PendingSignals(a.A0, a.A1));
        Register(N.Sigaltstack, "sigaltstack", "xx", (in SyscallArgs a) => SetAlternateStack(a.A0, a.A1));
        Register(N.Kill, "kill", "dd", (in SyscallArgs a) => Kill((int)a.A0, (int)a.A1, thread: false));
        Register(N.Tgkill, "tgkill", "ddd", (in SyscallArgs a) => Kill((int)a.A1, (int)a.A2, thread: true));
        Register(N.RtSigreturn, "rt_sigreturn", "", (in SyscallArgs _) => SignalReturn(rt: true));
        Register(N.Sigreturn, "sigreturn", "", (in SyscallArgs _) => SignalReturn(rt: false));
        Register(N.Pause, "pause", "", (in SyscallArgs _) => WaitForSignal(null));
        Register(N.RtSigsuspend, "rt_sigsuspend", "xu", (in SyscallArgs a) => a.A1 == SigsetSize ? WaitForSignal(Memory.ReadU64(a.A0)) : -Errno.EINVAL);
    }

    private int SetAction(int signal, uint action, uint oldAction, uint sigsetSize)
    {
        if (sigsetSize != SigsetSize || signal is <= 0 or > Signals.Count) return -Errno.EINVAL;
        SignalAction? requested = action != 0 ? SignalAction.Read(Memory, action) : null;
        if (requested != null && signal is Signals.SIGKILL or Signals.SIGSTOP) return -Errno.EINVAL;
        if (oldAction != 0) SignalState.ActionOf(signal).Write(Memory, oldAction);
        if (requested is { } accepted) SignalState.SetAction(signal, accepted);
        return 0;
    }

    private int SignalMask(int how, uint set, uint oldSet, uint sigsetSize)
    {
        if (sigsetSize != SigsetSize) return -Errno.EINVAL;
        ulong? change = set != 0 ? Memory.ReadU64(set) : null;
        if (change != null && how is not (SigBlock or SigUnblock or SigSetmask)) return -Errno.EINVAL;
        if (oldSet != 0) Memory.WriteU64(oldSet, SignalState.Blocked);
        if (change is { } bits)
            SignalState.Blocked = how switch { SigBlock => SignalState.Blocked | bits, SigUnblock => SignalState.Blocked & ~bits, _ => bits };
        return 0;
    }

    private int PendingSignals(uint set, uint sigsetSize)
    {
        if (sigsetSize > SigsetSize) return -Errno.EINVAL;
        Memory.WriteU64(set, SignalState.PendingMask & SignalState.Blocked);
        return 0;
    }

    /// <summary>sigaltstack: reports the old stack (SS_ONSTACK while a handler runs on it) and installs a new one.</summary>
    private int SetAlternateStack(uint newStack, uint oldStack)
    {
        var current = SignalState.AltStack;
        var onStack = _caller != null && current.Contains(_caller->Regs[Gpr.Esp]);
        AlternateStack? requested = newStack != 0 ? new(Memory.ReadU32(newStack), Memory.ReadU32(newStack + 4), Memory.ReadU32(newStack + 8)) : null;
        if (oldStack != 0)
        {
            Memory.RequireWritable(oldStack, 12);
            Memory.WriteU32(oldStack, current.Base);
            Memory.WriteU32(oldStack + 4, onStack ? AlternateStack.OnStackFlag : current.Flags);
            Memory.WriteU32(oldStack + 8, current.Size);
        }
        if (requested is not { } stack) return 0;
        if (onStack) return -Errno.EPERM;
        if ((stack.Flags & ~AlternateStack.DisableFlag) != 0) return -Errno.EINVAL;
        if (stack.IsEnabled && stack.Size < AlternateStack.MinimumSize) return -Errno.ENOMEM;
        SignalState.AltStack = stack.IsEnabled ? stack : AlternateStack.Disabled;
        return 0;
    }

    /// <summary>kill/tgkill. Signal 0 only probes. The signal is delivered when the target next leaves the kernel.</summary>
    private int Kill(int pid, int signal, bool thread)
    {
        if (signal is < 0 or > Signals.Count) return -Errno.EINVAL;
        IReadOnlyList<Syscalls> targets = Processes is { } processes
            ? [.. processes.Targets(pid).Select(p => p.Kernel)]
            : pid == Pid || pid is 0 or -1 ? [this] : [];
        if (targets.Count == 0) return -Errno.ESRCH;
        if (signal == 0) return 0;
        foreach (var target in targets) target.Post(SignalInfo.FromUser(signal, Pid, thread));
        return 0;
    }

    /// <summary>
    /// pause, and rt_sigsuspend with its temporary mask: wait until a handler runs. They never restart;
    /// sigsuspend's handler frame saves the mask from before the call, so sigreturn puts it back.
    /// </summary>
    private int WaitForSignal(ulong? temporaryMask)
    {
        _waitEndsWithHandler = true;
        if (temporaryMask is { } mask)
        {
            _maskBeforeSuspend ??= SignalState.Blocked;
            SignalState.Blocked = mask;
        }
        return Errno.Restart;
    }

    /// <summary>Set by pause and sigsuspend: a handler ends the wait with EINTR even under SA_RESTART.</summary>
    private bool _waitEndsWithHandler;
    /// <summary>The mask sigsuspend replaced, for the handler's frame to save and sigreturn to restore.</summary>
    private ulong? _maskBeforeSuspend;

    private int SignalReturn(bool rt)
    {
        if (_caller == null) return -Errno.ENOSYS;
        if (SignalFrame.Return(_caller, Memory, SignalState, rt) is { } eax) return (int)eax;
        SignalState.Force(new SignalInfo(Signals.SIGSEGV, SignalInfo.Kernel));
        return (int)_caller->Regs[Gpr.Eax];
    }

    /// <summary>Sends a signal to this process (from another process, or from the kernel: SIGPIPE, SIGCHLD).</summary>
    public void Post(SignalInfo info) => SignalState.Post(info);

    /// <summary>A fault the CPU stopped on becomes its signal, forced as Linux forces it (it cannot be blocked away).</summary>
    public void RaiseFault(CpuState* state)
    {
        SignalState.Force(SignalInfo.ForFault(state->Fault, state->Eip));
        DeliverSignals(state);
    }

    /// <summary>
    /// A process waiting in a call (at its int 0x80) with a signal to take: a handler without
    /// SA_RESTART makes the call fail with EINTR; with SA_RESTART the call is made again after the
    /// handler. A signal that is ignored leaves the call waiting. True when the process can run on.
    /// </summary>
    public bool InterruptWaitingCall(CpuState* state)
    {
        var signal = SignalState.NextDeliverable;
        if (signal == 0) return false;
        var action = SignalState.ActionOf(signal);
        if (action.IsHandler && (!action.Has(SignalAction.Restart) || _waitEndsWithHandler))
        {
            state->Eip += IntInstructionLength;
            state->Regs[Gpr.Eax] = unchecked((uint)-Errno.EINTR);
            _sleepUntil = null;
        }
        DeliverSignals(state);
        if (!action.IsHandler) return Exit != null;
        _waitEndsWithHandler = false;
        return true;
    }

    /// <summary>
    /// Delivers the next deliverable signal: runs its default action, or enters its handler. Set
    /// <see cref="Exit"/> when the signal ends the process (or when its handler's frame cannot be written).
    /// </summary>
    public void DeliverSignals(CpuState* state)
    {
        while (Exit == null && SignalState.Take() is { } info)
        {
            var action = SignalState.ActionOf(info.Signal);
            if (SignalState.WouldIgnore(info.Signal)) continue;
            StraceLine($"--- {Signals.Name(info.Signal)} {info.Describe()} ---");
            if (action.IsDefault) { Terminate(ProcessExit.Killed(info.Signal)); return; }
            if (!SignalFrame.Enter(state, Memory, SignalState, info, _maskBeforeSuspend)) Terminate(ProcessExit.Killed(Signals.SIGSEGV));
            _maskBeforeSuspend = null;
            return;
        }
    }
}
