using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>Where a shift count comes from: the immediate (including the implicit 1 of D0/D1) or CL.</summary>
public unsafe interface IShiftCount
{
    static abstract uint Read(CpuState* s, DecodedOp* op);
}

public unsafe struct CountImm : IShiftCount
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint Read(CpuState* s, DecodedOp* op) => op->Imm;
}

public unsafe struct CountCl : IShiftCount
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint Read(CpuState* s, DecodedOp* op) => s->Regs[Gpr.Ecx] & 0xFF;
}

/// <summary>
/// One shift or rotate. <see cref="Result{TW}"/> runs before the write (it may read CF, which the
/// write cannot change); <see cref="SetFlags{TW}"/> after it, so a faulting store leaves the flags alone.
/// Counts arrive already masked to 5 bits and nonzero only in SetFlags.
/// </summary>
public unsafe interface IShiftOp
{
    static abstract uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth;
    static abstract void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth;
}

/// <summary>SHL/SAL. Lazy record: CcSrc = value &lt;&lt; (count − 1), whose top bit is CF (QEMU's CC_OP_SHL).</summary>
public unsafe struct ShlOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth => value << (int)count;
    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth =>
        Shifts.Record(s, LazyFlags.Of(CcOp.Shl8, TW.Index), result, value << (int)(count - 1));
}

/// <summary>SHR: the zero-extended value; CcSrc = value &gt;&gt; (count − 1), whose low bit is CF (CC_OP_SAR).</summary>
public unsafe struct ShrOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth => value >> (int)count;
    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth =>
        Shifts.Record(s, LazyFlags.Of(CcOp.Sar8, TW.Index), result, value >> (int)(count - 1));
}

/// <summary>SAR: as SHR on the sign-extended value.</summary>
public unsafe struct SarOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth => (uint)((int)TW.SignExtend(value) >> (int)count);
    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth =>
        Shifts.Record(s, LazyFlags.Of(CcOp.Sar8, TW.Index), result, (uint)((int)TW.SignExtend(value) >> (int)(count - 1)));
}

/// <summary>
/// ROL: rotates by count mod width, but the flags change whenever the 5-bit count is nonzero (ROL AL, 8
/// sets them too). CF = bit 0 of the result, OF = CF ^ MSB, the rest kept: QEMU's CC_OP_ADCOX after it.
/// </summary>
public unsafe struct RolOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth
    {
        int n = (int)count & (TW.Bits - 1);
        return n == 0 ? value : (value << n) | (value >> (TW.Bits - n));
    }

    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth
    {
        uint cf = result & 1;
        Shifts.SetCarryOverflow(s, cf, cf ^ ((result >> (TW.Bits - 1)) & 1));
    }
}

/// <summary>ROR: CF = MSB of the result, OF = MSB ^ the bit below it.</summary>
public unsafe struct RorOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth
    {
        int n = (int)count & (TW.Bits - 1);
        return n == 0 ? value : (value >> n) | (value << (TW.Bits - n));
    }

    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth
    {
        uint msb = (result >> (TW.Bits - 1)) & 1;
        Shifts.SetCarryOverflow(s, msb, msb ^ ((result >> (TW.Bits - 2)) & 1));
    }
}

/// <summary>
/// RCL through CF: a (width + 1)-bit rotate, so 8- and 16-bit counts are taken mod 9 and 17 (QEMU's
/// rclb/rclw tables); a count that reduces to 0 changes no flag. OF = MSB(value ^ result), CF = the last
/// bit out, exactly QEMU's helper_rcl.
/// </summary>
public unsafe struct RclOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth
    {
        uint n = Shifts.ThroughCarryCount<TW>(count);
        if (n == 0) return value;
        uint result = (value << (int)n) | (LazyFlags.Carry(s) << (int)(n - 1));
        if (n > 1) result |= value >> (TW.Bits + 1 - (int)n);
        return result;
    }

    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth
    {
        uint n = Shifts.ThroughCarryCount<TW>(count);
        if (n != 0) Shifts.SetCarryOverflow(s, (value >> (TW.Bits - (int)n)) & 1, ((value ^ result) >> (TW.Bits - 1)) & 1);
    }
}

/// <summary>RCR through CF, as QEMU's helper_rcr.</summary>
public unsafe struct RcrOp : IShiftOp
{
    public static uint Result<TW>(CpuState* s, uint value, uint count) where TW : struct, IWidth
    {
        uint n = Shifts.ThroughCarryCount<TW>(count);
        if (n == 0) return value;
        uint result = (value >> (int)n) | (LazyFlags.Carry(s) << (TW.Bits - (int)n));
        if (n > 1) result |= value << (TW.Bits + 1 - (int)n);
        return result;
    }

    public static void SetFlags<TW>(CpuState* s, uint value, uint count, uint result) where TW : struct, IWidth
    {
        uint n = Shifts.ThroughCarryCount<TW>(count);
        if (n != 0) Shifts.SetCarryOverflow(s, (value >> (int)(n - 1)) & 1, ((value ^ result) >> (TW.Bits - 1)) & 1);
    }
}

/// <summary>SHL SHR SAR ROL ROR RCL RCR, specialized per operation, width, destination and count source.</summary>
public static unsafe class Shifts
{
    public static void Exec<TOp, TW, TDst, TCount>(CpuState* s, DecodedOp* op)
        where TOp : struct, IShiftOp where TW : struct, IWidth where TDst : struct, IOperand where TCount : struct, IShiftCount
    {
        uint count = TCount.Read(s, op) & 0x1F;
        uint value = TDst.Read<TW>(s, op) & TW.Mask;
        uint result = TOp.Result<TW>(s, value, count) & TW.Mask;
        // Written even for a zero count, as QEMU does: a read-only memory operand faults either way.
        TDst.Write<TW>(s, op, result);
        if (count != 0) TOp.SetFlags<TW>(s, value, count, result);
    }

    /// <summary>SHLD/SHRD with QEMU's 32-bit-target formulas (16 bits: Intel's A:B:A behaviour for counts above 16).</summary>
    public static void Double<TW, TDst, TCount, TRight>(CpuState* s, DecodedOp* op)
        where TW : struct, IWidth where TDst : struct, IOperand where TCount : struct, IShiftCount where TRight : struct, IFlag
    {
        int count = (int)(TCount.Read(s, op) & 0x1F);
        uint a = TDst.Read<TW>(s, op) & TW.Mask, b = RegSrc.Read<TW>(s, op) & TW.Mask;
        // At 16 bits QEMU shifts the 32-bit pair b:a, with a again coming in behind it.
        uint pair = TW.Bits == 16 ? (b << 16) | a : b;
        uint result, shiftedByCountMinus1;
        if (count == 0)
        {
            result = a;
            shiftedByCountMinus1 = 0;
        }
        else if (TRight.Value)
        {
            uint low = TW.Bits == 16 ? pair : a, high = TW.Bits == 16 ? a : b;
            result = (low >> count) | (high << (32 - count));
            shiftedByCountMinus1 = low >> (count - 1);
        }
        else
        {
            result = (a << count) | (pair >> (32 - count));
            shiftedByCountMinus1 = a << (count - 1);
            if (TW.Bits == 16) shiftedByCountMinus1 |= (uint)((ulong)pair >> (33 - count));
        }
        result &= TW.Mask;
        TDst.Write<TW>(s, op, result);
        if (count != 0) Record(s, LazyFlags.Of(TRight.Value ? CcOp.Sar8 : CcOp.Shl8, TW.Index), result, shiftedByCountMinus1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Record(CpuState* s, CcOp kind, uint result, uint shiftedByCountMinus1)
    {
        s->CcOp = kind;
        s->CcDst = result;
        s->CcSrc = shiftedByCountMinus1;
    }

    /// <summary>Replaces CF and OF, keeping the other arithmetic flags (rotates).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SetCarryOverflow(CpuState* s, uint cf, uint of) =>
        LazyFlags.Set(s, (LazyFlags.Compute(s) & ~(EflagsBits.CF | EflagsBits.OF)) | cf * EflagsBits.CF | of * EflagsBits.OF);

    /// <summary>RCL/RCR rotate width + 1 bits: the 5-bit count mod 9 or 17 below 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint ThroughCarryCount<TW>(uint count) where TW : struct, IWidth =>
        TW.Bits == 32 ? count : count % (uint)(TW.Bits + 1);

    public static Handler Pick<TOp>(int bits, bool memory, bool byCl) where TOp : struct, IShiftOp =>
        byCl ? PickWidth<TOp, CountCl>(bits, memory) : PickWidth<TOp, CountImm>(bits, memory);

    private static Handler PickWidth<TOp, TCount>(int bits, bool memory) where TOp : struct, IShiftOp where TCount : struct, IShiftCount =>
        Widths.Slot(bits, memory) switch
        {
            0 => (Handler)(&Exec<TOp, W8, RegDst, TCount>),
            1 => (Handler)(&Exec<TOp, W8, MemOperand, TCount>),
            2 => (Handler)(&Exec<TOp, W16, RegDst, TCount>),
            3 => (Handler)(&Exec<TOp, W16, MemOperand, TCount>),
            4 => (Handler)(&Exec<TOp, W32, RegDst, TCount>),
            _ => (Handler)(&Exec<TOp, W32, MemOperand, TCount>),
        };

    public static Handler PickDouble(bool right, int bits, bool memory, bool byCl) => right
        ? (byCl ? PickDouble<CountCl, Yes>(bits, memory) : PickDouble<CountImm, Yes>(bits, memory))
        : (byCl ? PickDouble<CountCl, No>(bits, memory) : PickDouble<CountImm, No>(bits, memory));

    private static Handler PickDouble<TCount, TRight>(int bits, bool memory) where TCount : struct, IShiftCount where TRight : struct, IFlag =>
        (bits, memory) switch
        {
            (16, false) => (Handler)(&Double<W16, RegDst, TCount, TRight>),
            (16, true) => (Handler)(&Double<W16, MemOperand, TCount, TRight>),
            (_, false) => (Handler)(&Double<W32, RegDst, TCount, TRight>),
            _ => (Handler)(&Double<W32, MemOperand, TCount, TRight>),
        };
}
