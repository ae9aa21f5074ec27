using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Fpu;

/// <summary>Status word bits.</summary>
public static class FpuStatus
{
    public const ushort IE = 1 << 0, DE = 1 << 1, ZE = 1 << 2, OE = 1 << 3, UE = 1 << 4, PE = 1 << 5, SF = 1 << 6, ES = 1 << 7,
        C0 = 1 << 8, C1 = 1 << 9, C2 = 1 << 10, C3 = 1 << 14, B = 1 << 15;
    public const ushort Exceptions = IE | DE | ZE | OE | UE | PE;
    public const ushort ConditionCodes = C0 | C1 | C2 | C3;
}

/// <summary>
/// The register stack as handlers see it: ST(i), pushes and pops with the hardware's stack-fault
/// rules (an empty source or a full destination is an invalid operation with SF set, and the masked
/// response is the indefinite QNaN), and the merging of host status words into the guest's.
/// </summary>
public static unsafe class X87
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Physical(CpuState* s, int i) => (s->Fpu.Top + i) & 7;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float80* Register(CpuState* s, int physical) => (Float80*)(s->Fpu.RegisterWords + physical * 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEmpty(CpuState* s, int i) => (s->Fpu.EmptyMask & (1 << Physical(s, i))) != 0;

    /// <summary>ST(i), or on stack underflow the masked response: IE|SF with C1 = 0, and the indefinite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Float80 Read(CpuState* s, int i)
    {
        if (IsEmpty(s, i)) return Underflow(s);
        return *Register(s, Physical(s, i));
    }

    public static Float80 Underflow(CpuState* s)
    {
        SetFlags(s, FpuStatus.IE | FpuStatus.SF);
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.C1);
        return Float80.Indefinite;
    }

    /// <summary>Writes ST(i) and marks it valid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(CpuState* s, int i, Float80 value)
    {
        var physical = Physical(s, i);
        *Register(s, physical) = value;
        s->Fpu.EmptyMask &= (byte)~(1 << physical);
    }

    /// <summary>Pushes a value. Pushing onto a full register is a stack overflow: IE|SF with C1 = 1, and the indefinite is pushed.</summary>
    public static void Push(CpuState* s, Float80 value)
    {
        var top = (s->Fpu.Top - 1) & 7;
        if ((s->Fpu.EmptyMask & (1 << top)) == 0)
        {
            SetFlags(s, FpuStatus.IE | FpuStatus.SF);
            s->Fpu.Status |= FpuStatus.C1;
            value = Float80.Indefinite;
        }
        s->Fpu.Top = (byte)top;
        *Register(s, top) = value;
        s->Fpu.EmptyMask &= (byte)~(1 << top);
    }

    /// <summary>Marks ST(0) empty and increments TOP.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pop(CpuState* s)
    {
        s->Fpu.EmptyMask |= (byte)(1 << s->Fpu.Top);
        s->Fpu.Top = (byte)((s->Fpu.Top + 1) & 7);
    }

    /// <summary>Raises exception flags; any that the control word leaves unmasked also set ES and B (no trap: see <see cref="X87Host"/>).</summary>
    public static void SetFlags(CpuState* s, ushort flags)
    {
        s->Fpu.Status |= (ushort)(flags & (FpuStatus.Exceptions | FpuStatus.SF));
        if ((s->Fpu.Status & ~s->Fpu.Control & FpuStatus.Exceptions) != 0) s->Fpu.Status |= FpuStatus.ES | FpuStatus.B;
    }

    /// <summary>Runs a host operation under the guest's control word and merges its exception flags and C1 (the round-up indicator).</summary>
    public static HostFrame* Host(CpuState* s, HostOp op)
    {
        var frame = &s->Fpu.Host;
        X87Host.Run(op, frame, s->Fpu.Control);
        SetFlags(s, frame->Status);
        s->Fpu.Status = (ushort)((s->Fpu.Status & ~FpuStatus.C1) | (frame->Status & FpuStatus.C1));
        return frame;
    }

    public static Float80 Unary(CpuState* s, HostOp op, Float80 a)
    {
        s->Fpu.Host.A = a;
        return Host(s, op)->Result;
    }

    public static Float80 Binary(CpuState* s, HostOp op, Float80 a, Float80 b)
    {
        s->Fpu.Host.A = a;
        s->Fpu.Host.B = b;
        return Host(s, op)->Result;
    }

    /// <summary>Runs a host operation whose operands the caller already put in the frame.</summary>
    public static void Run(CpuState* s, HostOp op) => Host(s, op);

    /// <summary>Converts ST-format <paramref name="value"/> to memory bits (float32/64, integers) under the guest's RC.</summary>
    public static ulong Narrow(CpuState* s, HostOp op, Float80 value)
    {
        s->Fpu.Host.A = value;
        s->Fpu.Host.ResultBits = 0;
        return Host(s, op)->ResultBits;
    }

    /// <summary>Converts memory bits (float32/64, integers, BCD) to extended.</summary>
    public static Float80 Widen(CpuState* s, HostOp op, ulong bits)
    {
        s->Fpu.Host.A = default;
        s->Fpu.Host.ABits = bits;
        return Host(s, op)->Result;
    }

    /// <summary>Records the instruction (and memory operand) pointers FNSTENV reports, as QEMU does for every non-control x87 instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoteInstruction(CpuState* s, DecodedOp* op)
    {
        s->Fpu.Fip = op->Eip;
        s->Fpu.Fcs = s->Selectors[Seg.Cs];
    }

    /// <summary>Records the instruction and its memory operand; called after the access succeeded, so a fault leaves the pointers as they were.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoteMemory(CpuState* s, DecodedOp* op)
    {
        NoteInstruction(s, op);
        s->Fpu.Fdp = MemOperand.Effective(s, op);
        s->Fpu.Fds = s->Selectors[op->Segment];
    }

    public static void SetConditions(CpuState* s, ushort conditions) =>
        s->Fpu.Status = (ushort)((s->Fpu.Status & ~FpuStatus.ConditionCodes) | (conditions & FpuStatus.ConditionCodes));
}
