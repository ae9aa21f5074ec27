using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// Builds the frame a signal handler runs on, and takes it down again at sigreturn, in the layout of
/// i386 Linux (arch/x86/kernel/signal_32.c): a handler installed with SA_SIGINFO gets the rt frame
/// (siginfo and ucontext), any other the old sigframe. The sigcontext inside either is the kernel's
/// field for field, so a handler may read or change the interrupted registers. The x87 state is kept
/// by the emulator rather than written into the frame (fpstate is 0): glibc never reads it.
/// </summary>
public static unsafe class SignalFrame
{
    public const int RtSigreturnNumber = SyscallNumbers.RtSigreturn, SigreturnNumber = SyscallNumbers.Sigreturn;
    private const int SigcontextSize = 88, RtFrameSize = 268, OldFrameSize = 108;
    private const int RtInfo = 16, RtContext = 144, ContextStack = 8, ContextMcontext = 20, ContextMask = 108, RtRetcode = 260;
    private const int OldContext = 8, OldExtraMask = 96, OldRetcode = 100;
    /// <summary>The EFLAGS bits a handler may change through the sigcontext (the kernel's FIX_EFLAGS).</summary>
    private const uint RestorableFlags = EflagsBits.Arithmetic | EflagsBits.TF | EflagsBits.DF | EflagsBits.AC | EflagsBits.RF;

    /// <summary>
    /// Points the CPU at the handler of <paramref name="info"/>'s signal, on a new frame. False when the
    /// frame cannot be written (the stack is unmapped): Linux then kills the process with SIGSEGV.
    /// </summary>
    /// <param name="savedMask">The mask sigreturn restores, when it is not the current one (sigsuspend's caller's).</param>
    public static bool Enter(CpuState* s, UserAddressSpace memory, SignalState signals, SignalInfo info, ulong? savedMask = null)
    {
        var restoredMask = savedMask ?? signals.Blocked;
        var action = signals.ActionOf(info.Signal);
        var rt = action.Has(SignalAction.SigInfo);
        var sp = s->Regs[Gpr.Esp];
        var onAltStack = signals.AltStack.Contains(sp);
        if (action.Has(SignalAction.OnStack) && signals.AltStack.IsEnabled && !onAltStack) sp = signals.AltStack.Base + signals.AltStack.Size;
        var size = rt ? RtFrameSize : OldFrameSize;
        // Linux's align_sigframe: at the handler's first instruction, (esp + 4) is 16-byte aligned.
        var frame = ((sp - (uint)size + 4) & ~15u) - 4;

        var bytes = new byte[size];
        var context = rt ? RtContext + ContextMcontext : OldContext;
        WriteContext(s, bytes.AsSpan(context, SigcontextSize), info, (uint)restoredMask);
        var retcode = rt ? RtRetcode : OldRetcode;
        // Without SA_RESTORER the handler returns into code in the frame, as it did before the vDSO.
        byte[] code = rt ? [0xB8, RtSigreturnNumber, 0, 0, 0, 0xCD, 0x80] : [0x58, 0xB8, SigreturnNumber, 0, 0, 0, 0xCD, 0x80];
        code.CopyTo(bytes, retcode);
        var returnAddress = action.Has(SignalAction.RestorerGiven) ? action.Restorer : frame + (uint)retcode;
        Put(bytes, 0, returnAddress);
        Put(bytes, 4, (uint)info.Signal);
        if (rt)
        {
            Put(bytes, 8, frame + RtInfo);
            Put(bytes, 12, frame + RtContext);
            var stack = signals.AltStack;
            Put(bytes, RtContext + ContextStack, stack.Base);
            Put(bytes, RtContext + ContextStack + 4, onAltStack ? AlternateStack.OnStackFlag : stack.Flags);
            Put(bytes, RtContext + ContextStack + 8, stack.Size);
            BitConverter.TryWriteBytes(bytes.AsSpan(RtContext + ContextMask), restoredMask);
        }
        else Put(bytes, OldExtraMask, (uint)(restoredMask >> 32));

        try
        {
            memory.Write(frame, bytes);
            if (rt) info.Write(memory, frame + RtInfo);
        }
        catch (GuestFaultException)
        {
            return false;
        }

        signals.SaveFpu(frame, s->Fpu);
        s->Fpu.Initialize();
        s->Regs[Gpr.Esp] = frame;
        s->Eip = action.Handler;
        s->Regs[Gpr.Eax] = (uint)info.Signal;
        // The i386 handler takes its arguments on the stack; regparm(3) callers find them in eax, edx, ecx too.
        s->Regs[Gpr.Edx] = rt ? frame + RtInfo : 0;
        s->Regs[Gpr.Ecx] = rt ? frame + RtContext : 0;
        s->SetEflags(s->Eflags & ~(EflagsBits.DF | EflagsBits.TF | EflagsBits.RF));

        signals.Blocked |= action.Mask | (action.Has(SignalAction.NoDefer) ? 0 : SignalState.Bit(info.Signal));
        if (action.Has(SignalAction.ResetHandler)) signals.SetAction(info.Signal, default);
        return true;
    }

    /// <summary>
    /// sigreturn and rt_sigreturn: the registers, flags and mask saved in the frame below ESP. Returns the
    /// restored EAX (the system call's result), or null when the frame is unreadable.
    /// </summary>
    public static uint? Return(CpuState* s, UserAddressSpace memory, SignalState signals, bool rt)
    {
        var frame = s->Regs[Gpr.Esp] - (rt ? 4u : 8u);
        var size = rt ? RtFrameSize : OldFrameSize;
        byte[] bytes;
        try { bytes = memory.ReadBytes(frame, size); }
        catch (GuestFaultException) { return null; }

        var context = bytes.AsSpan(rt ? RtContext + ContextMcontext : OldContext, SigcontextSize);
        for (var (offset, reg) = (16, 0); offset <= 44; offset += 4, reg++) s->Regs[ContextOrder[reg]] = Get(context, offset);
        s->Eip = Get(context, 56);
        s->SetEflags((s->Eflags & ~RestorableFlags) | (Get(context, 64) & RestorableFlags));
        signals.Blocked = rt ? BitConverter.ToUInt64(bytes, RtContext + ContextMask) : Get(context, 80) | (ulong)Get(bytes, OldExtraMask) << 32;
        if (signals.RestoreFpu(frame) is { } fpu) s->Fpu = fpu;
        return s->Regs[Gpr.Eax];
    }

    /// <summary>The general registers in sigcontext order, from offset 16: edi, esi, ebp, esp, ebx, edx, ecx, eax.</summary>
    private static readonly int[] ContextOrder = [Gpr.Edi, Gpr.Esi, Gpr.Ebp, Gpr.Esp, Gpr.Ebx, Gpr.Edx, Gpr.Ecx, Gpr.Eax];

    private static void WriteContext(CpuState* s, Span<byte> context, SignalInfo info, uint oldMask)
    {
        Put(context, 0, s->Selectors[Seg.Gs]);
        Put(context, 4, s->Selectors[Seg.Fs]);
        Put(context, 8, s->Selectors[Seg.Es]);
        Put(context, 12, s->Selectors[Seg.Ds]);
        for (var i = 0; i < ContextOrder.Length; i++) Put(context, 16 + 4 * i, s->Regs[ContextOrder[i]]);
        Put(context, 48, (uint)info.TrapNumber);
        Put(context, 52, info.ErrorCode);
        Put(context, 56, s->Eip);
        Put(context, 60, s->Selectors[Seg.Cs]);
        Put(context, 64, s->Eflags);
        Put(context, 68, s->Regs[Gpr.Esp]);
        Put(context, 72, s->Selectors[Seg.Ss]);
        Put(context, 76, 0);  // fpstate: the emulator keeps the x87 state itself
        Put(context, 80, oldMask);
        Put(context, 84, info.Signal == Signals.SIGSEGV && info.TrapNumber == (int)FaultVector.PageFault ? info.Address : 0);
    }

    private static void Put(Span<byte> bytes, int offset, uint value) => BitConverter.TryWriteBytes(bytes[offset..], value);
    private static uint Get(ReadOnlySpan<byte> bytes, int offset) => BitConverter.ToUInt32(bytes[offset..]);
}
