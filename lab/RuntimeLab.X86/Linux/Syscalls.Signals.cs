using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// Signals, recorded but not delivered: handlers and the mask are remembered for the guest to read back;
// a signal sent to the process itself takes its default action (which for most ends the process).
public sealed partial class Syscalls
{
    private const uint SigDefault = 0, SigIgnore = 1;
    private const int SigsetSize = 8, SigactionSize = 20;
    private const int SigBlock = 0, SigUnblock = 1, SigSetmask = 2;

    private readonly uint[] _handlers = new uint[Signals.Count + 1];
    private readonly byte[][] _actions = new byte[Signals.Count + 1][];
    private ulong _signalMask;

    /// <summary>The handler the guest installed for a signal (0 default, 1 ignore), for the runner's messages.</summary>
    public uint HandlerOf(int signal) => signal is > 0 and <= Signals.Count ? _handlers[signal] : SigDefault;

    private void RegisterSignals()
    {
        Register(N.RtSigaction, "rt_sigaction", "dxxu", (in SyscallArgs a) => SignalAction((int)a.A0, a.A1, a.A2, a.A3));
        Register(N.RtSigprocmask, "rt_sigprocmask", "dxxu", (in SyscallArgs a) => SignalMask((int)a.A0, a.A1, a.A2, a.A3));
        Register(N.Sigaltstack, "sigaltstack", "xx", (in SyscallArgs a) => AlternateStack(a.A1));
        Register(N.Kill, "kill", "dd", (in SyscallArgs a) => SendSignal((int)a.A0, (int)a.A1));
        Register(N.Tgkill, "tgkill", "ddd", (in SyscallArgs a) => SendSignal((int)a.A1, (int)a.A2));
    }

    /// <summary>The kernel's struct sigaction: handler, flags, restorer, 64-bit mask (20 bytes), kept verbatim.</summary>
    private int SignalAction(int signal, uint action, uint oldAction, uint sigsetSize)
    {
        if (sigsetSize != SigsetSize || signal is <= 0 or > Signals.Count) return -Errno.EINVAL;
        var requested = action != 0 ? Memory.ReadBytes(action, SigactionSize) : null;
        if (requested != null && signal is Signals.SIGKILL or Signals.SIGSTOP) return -Errno.EINVAL;
        if (oldAction != 0) Memory.Write(oldAction, _actions[signal] ?? new byte[SigactionSize]);
        if (requested != null)
        {
            _actions[signal] = requested;
            _handlers[signal] = BitConverter.ToUInt32(requested, 0);
        }
        return 0;
    }

    private int SignalMask(int how, uint set, uint oldSet, uint sigsetSize)
    {
        if (sigsetSize != SigsetSize) return -Errno.EINVAL;
        ulong? change = set != 0 ? Memory.ReadU64(set) : null;
        if (change != null && how is not (SigBlock or SigUnblock or SigSetmask)) return -Errno.EINVAL;
        if (oldSet != 0) Memory.WriteU64(oldSet, _signalMask);
        if (change is { } bits)
        {
            _signalMask = how switch { SigBlock => _signalMask | bits, SigUnblock => _signalMask & ~bits, _ => bits };
            _signalMask &= ~((1ul << (Signals.SIGKILL - 1)) | (1ul << (Signals.SIGSTOP - 1)));
        }
        return 0;
    }

    /// <summary>sigaltstack: report "disabled" (SS_DISABLE, 2) as the old stack; a new one is accepted and unused.</summary>
    private int AlternateStack(uint oldStack)
    {
        if (oldStack == 0) return 0;
        Memory.RequireWritable(oldStack, 12);
        Memory.WriteU32(oldStack, 0);
        Memory.WriteU32(oldStack + 4, 2);
        Memory.WriteU32(oldStack + 8, 0);
        return 0;
    }

    /// <summary>
    /// kill/tgkill: only this process exists. Signal 0 probes; an ignored signal does nothing; otherwise the
    /// default action ends the process with 128 + signal (abort()'s SIGABRT gives 134). Installed handlers are
    /// not run yet (signal delivery is future work), so a handled signal also ends the process.
    /// </summary>
    private int SendSignal(int pid, int signal)
    {
        if (pid != GuestIdentity.Pid && pid != 0 && pid != -1) return -Errno.ESRCH;
        if (signal is < 0 or > Signals.Count) return -Errno.EINVAL;
        if (signal == 0) return 0;
        if (HandlerOf(signal) == SigIgnore || (HandlerOf(signal) == SigDefault && Signals.IgnoredByDefault(signal))) return 0;
        return Terminate(ProcessExit.Killed(signal));
    }
}
