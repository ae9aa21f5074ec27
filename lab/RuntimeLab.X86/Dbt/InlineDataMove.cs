using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>Inline lowerings of <see cref="Interp.DataMove"/>: MOV, MOVZX, MOVSX, LEA, CMOVcc, SETcc, XCHG r, r, CDQ, CWDE.</summary>
internal static unsafe class InlineDataMove
{
    public static void Register(Dictionary<nint, OpLowering> table)
    {
        foreach (var bits in InlineOps.AllWidths)
            foreach (var form in InlineOps.TwoOperandForms)
                InlineOps.Add(table, DataMove.PickMov(bits, form), (BlockLowering e, in DecodedOp op) => Mov(e, op, bits, form));
        foreach (var signed in (ReadOnlySpan<bool>)[false, true])
            foreach (var (from, to) in (ReadOnlySpan<(int, int)>)[(8, 16), (8, 32), (16, 32)])
                foreach (var memory in (ReadOnlySpan<bool>)[false, true])
                    InlineOps.Add(table, DataMove.PickExtend(signed, from, to, memory), (BlockLowering e, in DecodedOp op) => Extend(e, op, signed, from, to, memory));
        InlineOps.Add(table, (Handler)(&DataMove.Lea<W32>), (BlockLowering e, in DecodedOp op) => e.WriteReg(op.Reg, 32, e.EffectiveAddress(op)));
        InlineOps.Add(table, (Handler)(&DataMove.Lea<W16>), (BlockLowering e, in DecodedOp op) => e.WriteReg(op.Reg, 16, e.EffectiveAddress(op)));
        InlineOps.Add(table, (Handler)(&DataMove.Cmov<W32, RegSrc>), (BlockLowering e, in DecodedOp op) => Cmov(e, op, 32, memory: false));
        InlineOps.Add(table, (Handler)(&DataMove.Cmov<W32, MemOperand>), (BlockLowering e, in DecodedOp op) => Cmov(e, op, 32, memory: true));
        InlineOps.Add(table, (Handler)(&DataMove.Cmov<W16, RegSrc>), (BlockLowering e, in DecodedOp op) => Cmov(e, op, 16, memory: false));
        InlineOps.Add(table, (Handler)(&DataMove.Cmov<W16, MemOperand>), (BlockLowering e, in DecodedOp op) => Cmov(e, op, 16, memory: true));
        InlineOps.Add(table, (Handler)(&DataMove.Setcc<RegDst>), (BlockLowering e, in DecodedOp op) => Setcc(e, op, memory: false));
        InlineOps.Add(table, (Handler)(&DataMove.Setcc<MemOperand>), (BlockLowering e, in DecodedOp op) => Setcc(e, op, memory: true));
        InlineOps.Add(table, (Handler)(&DataMove.XchgRR<W32>), (BlockLowering e, in DecodedOp op) => Exchange(e, op));
        InlineOps.Add(table, (Handler)(&DataMove.Cdq), (BlockLowering e, in DecodedOp op) =>
            e.WriteReg(Gpr.Edx * 4, 32, Core.BuildAShr(e.B, e.ReadReg(Gpr.Eax * 4, 32), e.Const(31))));
        InlineOps.Add(table, (Handler)(&DataMove.Cwde), (BlockLowering e, in DecodedOp op) =>
            e.WriteReg(Gpr.Eax * 4, 32, InlineAlu.SignExtend(e, e.ReadReg(Gpr.Eax * 4, 16), 16)));
        InlineOps.Add(table, (Handler)(&SystemOps.Nop), (BlockLowering e, in DecodedOp op) => { });
    }

    private static void Mov(BlockLowering e, in DecodedOp op, int bits, Form form)
    {
        var (dst, src) = InlineOps.Places(e, op, form);
        dst.Write(e, bits, src.Read(e, bits));
    }

    private static void Extend(BlockLowering e, in DecodedOp op, bool signed, int from, int to, bool memory)
    {
        var source = Place.RegisterOrMemory(e, op, memory, op.Rm);
        var value = source.Read(e, from);
        e.WriteReg(op.Reg, to, signed ? InlineAlu.SignExtend(e, value, from) : value);
    }

    /// <summary>CMOVcc reads its source even when the condition is false (a memory source faults either way).</summary>
    private static void Cmov(BlockLowering e, in DecodedOp op, int bits, bool memory)
    {
        var value = Place.RegisterOrMemory(e, op, memory, op.Rm).Read(e, bits);
        var taken = e.Condition((Condition)op.Extra);
        e.WriteReg(op.Reg, bits, Core.BuildSelect(e.B, taken, value, e.ReadReg(op.Reg, bits)));
    }

    private static void Setcc(BlockLowering e, in DecodedOp op, bool memory)
    {
        var target = Place.RegisterOrMemory(e, op, memory, op.Reg);
        target.Write(e, 8, Core.BuildZExt(e.B, e.Condition((Condition)op.Extra), e.T.I32));
    }

    private static void Exchange(BlockLowering e, in DecodedOp op)
    {
        var a = e.ReadReg(op.Reg, 32);
        var b = e.ReadReg(op.Rm, 32);
        e.WriteReg(op.Rm, 32, a);
        e.WriteReg(op.Reg, 32, b);
    }
}
