namespace RuntimeLab.X86.Linux;

/// <summary>
/// One process's signal disposition: the action for each signal, the blocked mask, the pending set
/// (one instance of each signal, as for Linux's standard signals) and the alternate stack.
/// fork copies it; execve keeps the mask and pending set but resets handled signals to the default.
/// </summary>
public sealed class SignalState
{
    private readonly SignalAction[] _actions = new SignalAction[Signals.Count + 1];
    private readonly SignalInfo?[] _pending = new SignalInfo?[Signals.Count + 1];

    /// <summary>Bit (n - 1) blocks signal n. SIGKILL and SIGSTOP can never be blocked.</summary>
    public ulong Blocked
    {
        get => _blocked;
        set => _blocked = value & ~(Bit(Signals.SIGKILL) | Bit(Signals.SIGSTOP));
    }
    private ulong _blocked;

    public AlternateStack AltStack { get; set; } = AlternateStack.Disabled;

    public static ulong Bit(int signal) => 1ul << (signal - 1);

    public SignalAction ActionOf(int signal) => _actions[signal];

    public void SetAction(int signal, SignalAction action)
    {
        _actions[signal] = action;
        // Setting a pending signal to be ignored discards it, as POSIX requires.
        if (WouldIgnore(signal)) _pending[signal] = null;
    }

    /// <summary>True when delivery would do nothing: SIG_IGN, or SIG_DFL of a signal whose default is to ignore.</summary>
    public bool WouldIgnore(int signal) => _actions[signal].IsIgnore || (_actions[signal].IsDefault && Signals.IgnoredByDefault(signal));

    /// <summary>Makes a signal pending, unless it would be ignored. A second instance of a pending signal merges with the first.</summary>
    public void Post(SignalInfo info)
    {
        if (WouldIgnore(info.Signal) && (Blocked & Bit(info.Signal)) == 0) return;
        _pending[info.Signal] ??= info;
    }

    /// <summary>
    /// A synchronous signal from a fault cannot be blocked or ignored: like Linux's force_sig, a blocked
    /// or ignored one is unblocked and reset to the default action (which then ends the process).
    /// </summary>
    public void Force(SignalInfo info)
    {
        var signal = info.Signal;
        if ((Blocked & Bit(signal)) != 0 || _actions[signal].IsIgnore)
        {
            _actions[signal] = default;
            _blocked &= ~Bit(signal);
        }
        _pending[signal] = info;
    }

    /// <summary>The signal <see cref="Take"/> would take next, or 0.</summary>
    public int NextDeliverable => Deliverable();

    /// <summary>Takes the lowest-numbered pending signal that is not blocked, or null. Synchronous faults come first.</summary>
    public SignalInfo? Take()
    {
        var signal = Deliverable();
        if (signal == 0) return null;
        var info = _pending[signal];
        _pending[signal] = null;
        return info;
    }

    public ulong PendingMask
    {
        get
        {
            ulong mask = 0;
            for (var signal = 1; signal <= Signals.Count; signal++) if (_pending[signal] != null) mask |= Bit(signal);
            return mask;
        }
    }

    private int Deliverable()
    {
        foreach (var signal in (ReadOnlySpan<int>)[Signals.SIGSEGV, Signals.SIGBUS, Signals.SIGILL, Signals.SIGTRAP, Signals.SIGFPE])
            if (_pending[signal] != null && (Blocked & Bit(signal)) == 0) return signal;
        for (var signal = 1; signal <= Signals.Count; signal++)
            if (_pending[signal] != null && (Blocked & Bit(signal)) == 0) return signal;
        return 0;
    }

    private readonly List<(uint Frame, Fpu.FpuState Fpu)> _savedFpu = [];

    /// <summary>
    /// The x87 state of an interrupted context, keyed by its signal frame. A handler that leaves by
    /// longjmp never returns its frame, so the list is bounded and sigreturn drops frames above its own.
    /// </summary>
    public void SaveFpu(uint frame, Fpu.FpuState fpu)
    {
        if (_savedFpu.Count == SavedFpuLimit) _savedFpu.RemoveAt(0);
        _savedFpu.Add((frame, fpu));
    }

    public Fpu.FpuState? RestoreFpu(uint frame)
    {
        for (var i = _savedFpu.Count - 1; i >= 0; i--)
        {
            if (_savedFpu[i].Frame != frame) continue;
            var fpu = _savedFpu[i].Fpu;
            _savedFpu.RemoveRange(i, _savedFpu.Count - i);
            return fpu;
        }
        return null;
    }

    private const int SavedFpuLimit = 64;

    /// <summary>The state a fork child starts with: the same actions, mask and alternate stack, and nothing pending.</summary>
    public SignalState CopyForChild()
    {
        var copy = new SignalState { _blocked = _blocked, AltStack = AltStack };
        _actions.CopyTo(copy._actions, 0);
        copy._savedFpu.AddRange(_savedFpu);
        return copy;
    }

    /// <summary>execve: handlers point into the old image, so they revert to the default; ignored signals stay ignored.</summary>
    public void ResetForExec()
    {
        for (var signal = 1; signal <= Signals.Count; signal++)
            if (_actions[signal].IsHandler) _actions[signal] = default;
        AltStack = AlternateStack.Disabled;
    }
}

/// <summary>stack_t of sigaltstack: base, flags (SS_ONSTACK 1, SS_DISABLE 2) and size.</summary>
public readonly record struct AlternateStack(uint Base, uint Flags, uint Size)
{
    public const uint OnStackFlag = 1, DisableFlag = 2;
    public const uint MinimumSize = 2048;
    public static readonly AlternateStack Disabled = new(0, DisableFlag, 0);

    public bool IsEnabled => (Flags & DisableFlag) == 0;
    public bool Contains(uint address) => IsEnabled && address - Base < Size;
}
