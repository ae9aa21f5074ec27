using System.Numerics;
using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>BT, BTS, BTR, BTC: what happens to the tested bit.</summary>
public interface IBitOp
{
    /// <summary>False for BT, which only reads.</summary>
    static abstract bool Writes { get; }
    static abstract uint Apply(uint value, uint bitMask);
}

public struct BtOp : IBitOp { public static bool Writes => false; public static uint Apply(uint v, uint m) => v; }
public struct BtsOp : IBitOp { public static bool Writes => true; public static uint Apply(uint v, uint m) => v | m; }
public struct BtrOp : IBitOp { public static bool Writes => true; public static uint Apply(uint v, uint m) => v & ~m; }
public struct BtcOp : IBitOp { public static bool Writes => true; public static uint Apply(uint v, uint m) => v ^ m; }

/// <summary>BT BTS BTR BTC BSF BSR (16 and 32 bits).</summary>
public static unsafe class Bits
{
    /// <summary>On a register: the bit offset (RegSrc or Imm) is taken modulo the width.</summary>
    public static void OnRegister<TOp, TW, TOffset>(CpuState* s, DecodedOp* op)
        where TOp : struct, IBitOp where TW : struct, IWidth where TOffset : struct, IOperand
    {
        int bit = (int)TOffset.Read<TW>(s, op) & (TW.Bits - 1);
        uint value = RegDst.Read<TW>(s, op);
        if (TOp.Writes) RegDst.Write<TW>(s, op, TOp.Apply(value, 1u << bit));
        SetCarry(s, value >> bit);
    }

    /// <summary>On memory with an immediate offset: the offset is taken modulo the width, the operand stays where it is.</summary>
    public static void OnMemoryImm<TOp, TW>(CpuState* s, DecodedOp* op) where TOp : struct, IBitOp where TW : struct, IWidth
    {
        int bit = (int)op->Imm & (TW.Bits - 1);
        Finish<TOp, TW>(s, MemOperand.Address(s, op), bit);
    }

    /// <summary>
    /// On memory with a register offset (in Reg): the offset is a signed bit index from the operand's
    /// address, so it reaches whole operands before or after it — the address moves by
    /// (offset >> log2(width)) operands, as QEMU and the CPU compute it.
    /// </summary>
    public static void OnMemoryReg<TOp, TW>(CpuState* s, DecodedOp* op) where TOp : struct, IBitOp where TW : struct, IWidth
    {
        int offset = (int)TW.SignExtend(RegDst.Read<TW>(s, op) & TW.Mask);
        int displacement = (offset >> (TW.Bits == 16 ? 4 : 5)) * (TW.Bits / 8);
        uint effective = (MemOperand.Effective(s, op) + (uint)displacement) & op->EaMask;
        Finish<TOp, TW>(s, s->SegmentBase[op->Segment] + effective, offset & (TW.Bits - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TOp, TW>(CpuState* s, uint address, int bit) where TOp : struct, IBitOp where TW : struct, IWidth
    {
        uint value = TW.ReadMem(s, address);
        if (TOp.Writes) TW.WriteMem(s, address, TOp.Apply(value, 1u << bit));
        SetCarry(s, value >> bit);
    }

    /// <summary>
    /// CF = the tested bit (bit 0 of <paramref name="shifted"/>, the operand shifted right by the bit
    /// index); ZF is defined as unchanged; OF SF AF PF are undefined, and we do as QEMU: after a lazily
    /// recorded operation it keeps CcDst (so ZF SF PF stay that operation's) and records a SAR of the
    /// same width with CcSrc = shifted, so AF = 0 and OF = the top bit of shifted ^ CcDst; after
    /// materialized flags only CF changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetCarry(CpuState* s, uint shifted)
    {
        if (s->CcOp == CcOp.Eflags)
        {
            LazyFlags.Set(s, (s->CcSrc & ~EflagsBits.CF) | (shifted & 1) * EflagsBits.CF);
            return;
        }
        s->CcOp = LazyFlags.Of(CcOp.Sar8, (int)s->CcOp & 3);
        s->CcSrc = shifted;
    }

    /// <summary>
    /// BSF/BSR: a zero source leaves the destination unchanged (as real CPUs and QEMU do, and software
    /// relies on). Flags as QEMU: CC_OP_LOGIC on the source, so ZF says the source was zero, SF and PF
    /// come from it, CF = OF = AF = 0.
    /// </summary>
    public static void Scan<TW, TSrc, TReverse>(CpuState* s, DecodedOp* op)
        where TW : struct, IWidth where TSrc : struct, IOperand where TReverse : struct, IFlag
    {
        uint source = TSrc.Read<TW>(s, op) & TW.Mask;
        if (source != 0)
            RegDst.Write<TW>(s, op, TReverse.Value ? (uint)BitOperations.Log2(source) : (uint)BitOperations.TrailingZeroCount(source));
        s->CcOp = LazyFlags.Of(CcOp.Logic8, TW.Index);
        s->CcDst = source;
    }

    public static Handler PickTest<TOp>(int bits, Form form) where TOp : struct, IBitOp => bits == 16 ? PickForm<TOp, W16>(form) : PickForm<TOp, W32>(form);

    private static Handler PickForm<TOp, TW>(Form form) where TOp : struct, IBitOp where TW : struct, IWidth => form switch
    {
        Form.RR => (Handler)(&OnRegister<TOp, TW, RegSrc>),
        Form.RI => (Handler)(&OnRegister<TOp, TW, Imm>),
        Form.MR => (Handler)(&OnMemoryReg<TOp, TW>),
        _ => (Handler)(&OnMemoryImm<TOp, TW>),
    };

    public static Handler PickScan(bool reverse, int bits, bool memory) => (reverse, bits, memory) switch
    {
        (false, 16, false) => (Handler)(&Scan<W16, RegSrc, No>),
        (false, 16, true) => (Handler)(&Scan<W16, MemOperand, No>),
        (false, _, false) => (Handler)(&Scan<W32, RegSrc, No>),
        (false, _, true) => (Handler)(&Scan<W32, MemOperand, No>),
        (true, 16, false) => (Handler)(&Scan<W16, RegSrc, Yes>),
        (true, 16, true) => (Handler)(&Scan<W16, MemOperand, Yes>),
        (true, _, false) => (Handler)(&Scan<W32, RegSrc, Yes>),
        _ => (Handler)(&Scan<W32, MemOperand, Yes>),
    };
}
