using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// MUL, IMUL (one, two and three operands), DIV and IDIV. The one-operand forms use the accumulator:
/// AX ← AL·src at 8 bits, DX:AX or EDX:EAX above.
/// </summary>
public static unsafe class MulDiv
{
    /// <summary>MUL/IMUL r/m: the double-width product into AH:AL, DX:AX or EDX:EAX.</summary>
    public static void Widening<TW, TSrc, TSigned>(CpuState* s, DecodedOp* op)
        where TW : struct, IWidth where TSrc : struct, IOperand where TSigned : struct, IFlag
    {
        uint a = TW.ReadReg(s, 0) & TW.Mask, b = TSrc.Read<TW>(s, op) & TW.Mask;
        ulong product = Product<TW, TSigned>(a, b);
        uint low = (uint)product & TW.Mask, high = (uint)(product >> TW.Bits) & TW.Mask;
        if (TW.Bits == 8) W16.WriteReg(s, 0, (high << 8) | low);
        else
        {
            TW.WriteReg(s, 0, low);
            TW.WriteReg(s, Gpr.Edx * 4, high);
        }
        RecordFlags<TW, TSigned>(s, low, high);
    }

    /// <summary>IMUL r, r/m and IMUL r, r/m, imm: the truncated product; <typeparamref name="TA"/>·<typeparamref name="TB"/> into Reg.</summary>
    public static void Truncating<TW, TA, TB>(CpuState* s, DecodedOp* op)
        where TW : struct, IWidth where TA : struct, IOperand where TB : struct, IOperand
    {
        uint a = TA.Read<TW>(s, op) & TW.Mask, b = TB.Read<TW>(s, op) & TW.Mask;
        ulong product = Product<TW, Yes>(a, b);
        uint low = (uint)product & TW.Mask, high = (uint)(product >> TW.Bits) & TW.Mask;
        RegDst.Write<TW>(s, op, low);
        RecordFlags<TW, Yes>(s, low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Product<TW, TSigned>(uint a, uint b) where TW : struct, IWidth where TSigned : struct, IFlag =>
        TSigned.Value ? (ulong)((long)(int)TW.SignExtend(a) * (int)TW.SignExtend(b)) : (ulong)a * b;

    /// <summary>
    /// CcOp.Mul: CcDst = the low half (ZF SF PF come from it, as in QEMU), CcSrc nonzero exactly when the
    /// high half is significant — for MUL when it is nonzero, for IMUL when it is not the sign extension
    /// of the low half. Kept within the width, since the lazy evaluator masks CcSrc to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RecordFlags<TW, TSigned>(CpuState* s, uint low, uint high) where TW : struct, IWidth where TSigned : struct, IFlag
    {
        s->CcOp = LazyFlags.Of(CcOp.Mul8, TW.Index);
        s->CcDst = low;
        s->CcSrc = TSigned.Value ? high ^ ((low & TW.SignBit) != 0 ? TW.Mask : 0) : high;
    }

    /// <summary>
    /// DIV/IDIV r/m. #DE on a zero divisor or a quotient that does not fit (IDIV of the most negative
    /// dividend by −1 among them), raised before any register changes. The flags stay as they were,
    /// as QEMU's helpers leave them (Intel: undefined).
    /// </summary>
    public static void Divide<TW, TSrc, TSigned>(CpuState* s, DecodedOp* op)
        where TW : struct, IWidth where TSrc : struct, IOperand where TSigned : struct, IFlag
    {
        uint divisor = TSrc.Read<TW>(s, op) & TW.Mask;
        if (divisor == 0) throw GuestFaultException.Of(FaultVector.DivideError);
        ulong dividend = TW.Bits == 8
            ? W16.ReadReg(s, 0)
            : ((ulong)TW.ReadReg(s, Gpr.Edx * 4) << TW.Bits) | (TW.ReadReg(s, 0) & TW.Mask);
        uint quotient, remainder;
        if (TSigned.Value)
        {
            // The dividend is 2·width bits wide: shift it up and back down to sign-extend it.
            long n = (long)(dividend << (64 - 2 * TW.Bits)) >> (64 - 2 * TW.Bits);
            long d = (int)TW.SignExtend(divisor);
            // −2^63 / −1 would trap in the host: negate instead (it wraps, and then does not fit, as it must not).
            long q = d == -1 ? unchecked(-n) : n / d;
            long r = d == -1 ? 0 : n % d;
            if (q != (int)TW.SignExtend((uint)q & TW.Mask))
                throw GuestFaultException.Of(FaultVector.DivideError);
            quotient = (uint)q & TW.Mask;
            remainder = (uint)r & TW.Mask;
        }
        else
        {
            ulong q = dividend / divisor;
            if (q > TW.Mask) throw GuestFaultException.Of(FaultVector.DivideError);
            quotient = (uint)q;
            remainder = (uint)(dividend % divisor);
        }
        if (TW.Bits == 8) W16.WriteReg(s, 0, (remainder << 8) | quotient);
        else
        {
            TW.WriteReg(s, 0, quotient);
            TW.WriteReg(s, Gpr.Edx * 4, remainder);
        }
    }

    public static Handler PickWidening(bool signed, int bits, bool memory) => signed
        ? PickAccumulator(bits, memory, &Widening<W8, RegDst, Yes>, &Widening<W8, MemOperand, Yes>, &Widening<W16, RegDst, Yes>,
            &Widening<W16, MemOperand, Yes>, &Widening<W32, RegDst, Yes>, &Widening<W32, MemOperand, Yes>)
        : PickAccumulator(bits, memory, &Widening<W8, RegDst, No>, &Widening<W8, MemOperand, No>, &Widening<W16, RegDst, No>,
            &Widening<W16, MemOperand, No>, &Widening<W32, RegDst, No>, &Widening<W32, MemOperand, No>);

    public static Handler PickDivide(bool signed, int bits, bool memory) => signed
        ? PickAccumulator(bits, memory, &Divide<W8, RegDst, Yes>, &Divide<W8, MemOperand, Yes>, &Divide<W16, RegDst, Yes>,
            &Divide<W16, MemOperand, Yes>, &Divide<W32, RegDst, Yes>, &Divide<W32, MemOperand, Yes>)
        : PickAccumulator(bits, memory, &Divide<W8, RegDst, No>, &Divide<W8, MemOperand, No>, &Divide<W16, RegDst, No>,
            &Divide<W16, MemOperand, No>, &Divide<W32, RegDst, No>, &Divide<W32, MemOperand, No>);

    private static Handler PickAccumulator(int bits, bool memory,
        delegate*<CpuState*, DecodedOp*, void> r8, delegate*<CpuState*, DecodedOp*, void> m8,
        delegate*<CpuState*, DecodedOp*, void> r16, delegate*<CpuState*, DecodedOp*, void> m16,
        delegate*<CpuState*, DecodedOp*, void> r32, delegate*<CpuState*, DecodedOp*, void> m32) => Widths.Slot(bits, memory) switch
        {
            0 => (Handler)r8,
            1 => (Handler)m8,
            2 => (Handler)r16,
            3 => (Handler)m16,
            4 => (Handler)r32,
            _ => (Handler)m32,
        };

    /// <summary>IMUL r, r/m (<paramref name="withImmediate"/> false) or IMUL r, r/m, imm; 16 or 32 bits.</summary>
    public static Handler PickTruncating(int bits, bool memory, bool withImmediate) => (bits, memory, withImmediate) switch
    {
        (16, false, false) => (Handler)(&Truncating<W16, RegDst, RegSrc>),
        (16, true, false) => (Handler)(&Truncating<W16, RegDst, MemOperand>),
        (16, false, true) => (Handler)(&Truncating<W16, RegSrc, Imm>),
        (16, true, true) => (Handler)(&Truncating<W16, MemOperand, Imm>),
        (_, false, false) => (Handler)(&Truncating<W32, RegDst, RegSrc>),
        (_, true, false) => (Handler)(&Truncating<W32, RegDst, MemOperand>),
        (_, false, true) => (Handler)(&Truncating<W32, RegSrc, Imm>),
        _ => (Handler)(&Truncating<W32, MemOperand, Imm>),
    };
}
