using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>MOV, MOVZX, MOVSX, LEA, XCHG, PUSH, POP, BSWAP, CMOVcc, SETcc and the sign extensions.</summary>
public static unsafe class DataMove
{
    public static void Mov<TW, TDst, TSrc>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TDst : struct, IOperand where TSrc : struct, IOperand =>
        TDst.Write<TW>(s, op, TSrc.Read<TW>(s, op));

    public static Handler PickMov(int bits, Form form) => bits switch
    {
        8 => PickMov<W8>(form),
        16 => PickMov<W16>(form),
        _ => PickMov<W32>(form),
    };

    private static Handler PickMov<TW>(Form form) where TW : struct, IWidth => form switch
    {
        Form.RR => (Handler)(&Mov<TW, RegDst, RegSrc>),
        Form.RM => (Handler)(&Mov<TW, RegDst, MemOperand>),
        Form.MR => (Handler)(&Mov<TW, MemOperand, RegDst>),
        Form.RI => (Handler)(&Mov<TW, RegDst, Imm>),
        Form.MI => (Handler)(&Mov<TW, MemOperand, Imm>),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    /// <summary>MOVZX/MOVSX: a narrow source widened into a wider register.</summary>
    public static void Extend<TFrom, TTo, TSrc, TSigned>(CpuState* s, DecodedOp* op)
        where TFrom : struct, IWidth where TTo : struct, IWidth where TSrc : struct, IOperand where TSigned : struct, IFlag
    {
        uint value = TSrc.Read<TFrom>(s, op) & TFrom.Mask;
        RegDst.Write<TTo>(s, op, TSigned.Value ? TFrom.SignExtend(value) & TTo.Mask : value);
    }

    public static Handler PickExtend(bool signed, int fromBits, int toBits, bool memory) => (signed, fromBits, toBits, memory) switch
    {
        (false, 8, 16, false) => (Handler)(&Extend<W8, W16, RegSrc, No>),
        (false, 8, 16, true) => (Handler)(&Extend<W8, W16, MemOperand, No>),
        (false, 8, 32, false) => (Handler)(&Extend<W8, W32, RegSrc, No>),
        (false, 8, 32, true) => (Handler)(&Extend<W8, W32, MemOperand, No>),
        (false, 16, 32, false) => (Handler)(&Extend<W16, W32, RegSrc, No>),
        (false, 16, 32, true) => (Handler)(&Extend<W16, W32, MemOperand, No>),
        (true, 8, 16, false) => (Handler)(&Extend<W8, W16, RegSrc, Yes>),
        (true, 8, 16, true) => (Handler)(&Extend<W8, W16, MemOperand, Yes>),
        (true, 8, 32, false) => (Handler)(&Extend<W8, W32, RegSrc, Yes>),
        (true, 8, 32, true) => (Handler)(&Extend<W8, W32, MemOperand, Yes>),
        (true, 16, 32, false) => (Handler)(&Extend<W16, W32, RegSrc, Yes>),
        (true, 16, 32, true) => (Handler)(&Extend<W16, W32, MemOperand, Yes>),
        // movzx r16, r/m16 and friends exist but do nothing beyond a move.
        (_, 16, 16, false) => PickMov(16, Form.RR),
        (_, 16, 16, true) => PickMov(16, Form.RM),
        _ => throw new ArgumentOutOfRangeException(nameof(fromBits)),
    };

    public static void Lea<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth => RegDst.Write<TW>(s, op, MemOperand.Effective(s, op));

    public static void XchgRR<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth
    {
        uint a = RegDst.Read<TW>(s, op), b = RegSrc.Read<TW>(s, op);
        RegSrc.Write<TW>(s, op, a);
        RegDst.Write<TW>(s, op, b);
    }

    /// <summary>XCHG with memory (always locked on x86; one guest thread, so atomicity is free).</summary>
    public static void XchgRM<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth
    {
        uint fromMemory = MemOperand.Read<TW>(s, op);
        MemOperand.Write<TW>(s, op, RegDst.Read<TW>(s, op));
        RegDst.Write<TW>(s, op, fromMemory);
    }

    /// <summary>PUSH at the operand size (TW) through SP or ESP (TS).</summary>
    public static void Push<TSrc, TW, TS>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand where TW : struct, IWidth where TS : struct, IStackWidth
    {
        if (TW.Bits == 16) GuestStack.Push16<TS>(s, TSrc.Read<W16>(s, op));
        else GuestStack.Push32<TS>(s, TSrc.Read<W32>(s, op));
    }

    public static void PopReg<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth =>
        RegDst.Write<TW>(s, op, TW.Bits == 16 ? GuestStack.Pop16<TS>(s) : GuestStack.Pop32<TS>(s));

    /// <summary>POP to memory: the address is computed with the stack pointer already incremented, as the CPU does.</summary>
    public static void PopMem<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint value = TW.Bits == 16 ? GuestStack.Peek16<TS>(s) : GuestStack.Peek32<TS>(s);
        uint esp = s->Regs[Gpr.Esp];
        GuestStack.Adjust<TS>(s, (uint)TW.Bits / 8);
        try { MemOperand.Write<TW>(s, op, value); }
        catch { s->Regs[Gpr.Esp] = esp; throw; }
    }

    /// <summary>PUSHA/PUSHAD: the eight registers at the operand size, ESP as it was before the first push.</summary>
    public static void Pusha<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint esp = s->Regs[Gpr.Esp];
        uint size = (uint)TW.Bits / 8;
        for (var r = 0; r < 8; r++)
            TW.WriteMem(s, s->SegmentBase[Seg.Ss] + ((esp - size * (uint)(r + 1)) & TS.Mask), s->Regs[r]);
        TS.Set(s, esp - 8 * size);
    }

    /// <summary>POPA/POPAD: all reads first; the saved stack pointer is skipped.</summary>
    public static void Popa<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint esp = s->Regs[Gpr.Esp];
        uint size = (uint)TW.Bits / 8;
        var values = stackalloc uint[8];
        for (var r = 0; r < 8; r++) values[7 - r] = TW.ReadMem(s, s->SegmentBase[Seg.Ss] + ((esp + size * (uint)r) & TS.Mask));
        for (var r = 0; r < 8; r++) if (r != Gpr.Esp) TW.WriteReg(s, (byte)(r * 4), values[r]);
        TS.Set(s, esp + 8 * size);
    }

    /// <summary>
    /// LDS LES LSS LFS LGS: an m16:16 or m16:32 far pointer, offset first. The segment load (which may
    /// fault) comes before the register write; the segment is in <see cref="DecodedOp.Extra"/>.
    /// </summary>
    public static void LoadFarPointer<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth
    {
        uint address = MemOperand.Address(s, op);
        uint offset = TW.ReadMem(s, address);
        ushort selector = Memory.Mem.Read16(s, address + (uint)TW.Bits / 8);
        Interpreter.Of(s).LoadSegment(op->Extra, selector);
        RegDst.Write<TW>(s, op, offset);
    }

    public static void Bswap(CpuState* s, DecodedOp* op) =>
        RegDst.Write<W32>(s, op, System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(RegDst.Read<W32>(s, op)));

    /// <summary>CMOVcc reads its source even when the condition is false (a memory source can fault either way).</summary>
    public static void Cmov<TW, TSrc>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TSrc : struct, IOperand
    {
        uint value = TSrc.Read<TW>(s, op);
        if (Conditions.Test(s, (Condition)op->Extra)) RegDst.Write<TW>(s, op, value);
    }

    public static void Setcc<TDst>(CpuState* s, DecodedOp* op) where TDst : struct, IOperand =>
        TDst.Write<W8>(s, op, Conditions.Test(s, (Condition)op->Extra) ? 1u : 0u);

    public static void Cwde(CpuState* s, DecodedOp* op) => s->Regs[Gpr.Eax] = (uint)(short)s->Regs[Gpr.Eax];
    public static void Cbw(CpuState* s, DecodedOp* op) => W16.WriteReg(s, 0, (uint)(sbyte)s->Regs[Gpr.Eax]);
    public static void Cdq(CpuState* s, DecodedOp* op) => s->Regs[Gpr.Edx] = (int)s->Regs[Gpr.Eax] < 0 ? 0xFFFF_FFFF : 0;
    public static void Cwd(CpuState* s, DecodedOp* op) => W16.WriteReg(s, Gpr.Edx * 4, (short)s->Regs[Gpr.Eax] < 0 ? 0xFFFFu : 0);

    /// <summary>XADD: exchange, then add; flags as ADD.</summary>
    public static void Xadd<TW, TDst>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TDst : struct, IOperand
    {
        uint dst = TDst.Read<TW>(s, op), src = RegSrc.Read<TW>(s, op);
        uint sum = (dst + src) & TW.Mask;
        TDst.Write<TW>(s, op, sum);
        RegSrc.Write<TW>(s, op, dst);
        s->CcOp = LazyFlags.Of(CcOp.Add8, TW.Index);
        s->CcDst = sum;
        s->CcSrc = src;
    }

    /// <summary>CMPXCHG: compare the accumulator with the destination; flags as CMP.</summary>
    public static void Cmpxchg<TW, TDst>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TDst : struct, IOperand
    {
        uint dst = TDst.Read<TW>(s, op);
        uint accumulator = TW.ReadReg(s, 0);
        if (accumulator == dst) TDst.Write<TW>(s, op, RegSrc.Read<TW>(s, op));
        else
        {
            // A memory destination is written back with its own value, as the locked cycle does.
            TDst.Write<TW>(s, op, dst);
            TW.WriteReg(s, 0, dst);
        }
        s->CcOp = LazyFlags.Of(CcOp.Sub8, TW.Index);
        s->CcDst = (accumulator - dst) & TW.Mask;
        s->CcSrc = dst;
    }

    /// <summary>CMPXCHG8B m64: compare EDX:EAX with memory; ZF alone reports the result.</summary>
    public static void Cmpxchg8b(CpuState* s, DecodedOp* op)
    {
        uint address = MemOperand.Address(s, op);
        ulong value = Memory.Mem.Read64(s, address);
        ulong expected = ((ulong)s->Regs[Gpr.Edx] << 32) | s->Regs[Gpr.Eax];
        uint flags = LazyFlags.Compute(s) & ~EflagsBits.ZF;
        if (value == expected)
        {
            Memory.Mem.Write64(s, address, ((ulong)s->Regs[Gpr.Ecx] << 32) | s->Regs[Gpr.Ebx]);
            flags |= EflagsBits.ZF;
        }
        else
        {
            Memory.Mem.Write64(s, address, value);
            s->Regs[Gpr.Eax] = (uint)value;
            s->Regs[Gpr.Edx] = (uint)(value >> 32);
        }
        LazyFlags.Set(s, flags);
    }
}

/// <summary>A compile-time boolean, so a handler variant costs no run-time test.</summary>
public interface IFlag { static abstract bool Value { get; } }
public struct Yes : IFlag { public static bool Value => true; }
public struct No : IFlag { public static bool Value => false; }
