using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>Inline lowerings of <see cref="Interp.Control"/>'s jumps: JMP, Jcc, JMP r/m32, LOOP with ECX. Each ends its block by setting EIP.</summary>
internal static unsafe class InlineControl
{
    public static void Register(Dictionary<nint, OpLowering> table)
    {
        InlineOps.Add(table, (Handler)(&Control.Jmp), (BlockLowering e, in DecodedOp op) => e.SetEip(e.Const(op.Imm)));
        InlineOps.Add(table, (Handler)(&Control.Jcc), (BlockLowering e, in DecodedOp op) =>
            e.SetEip(Core.BuildSelect(e.B, e.Condition((Condition)op.Extra), e.Const(op.Imm), e.Const(op.NextEip))));
        InlineOps.Add(table, (Handler)(&Control.JmpIndirect<RegDst, W32>), (BlockLowering e, in DecodedOp op) => e.SetEip(e.ReadReg(op.Reg, 32)));
        InlineOps.Add(table, (Handler)(&Control.JmpIndirect<MemOperand, W32>), (BlockLowering e, in DecodedOp op) => e.SetEip(e.Load(e.LinearAddress(op), 4)));
        InlineOps.Add(table, (Handler)(&Control.Loop<W32>), (BlockLowering e, in DecodedOp op) =>
        {
            var count = Core.BuildSub(e.B, e.ReadReg(Gpr.Ecx * 4, 32), e.Const(1));
            e.WriteReg(Gpr.Ecx * 4, 32, count);
            e.SetEip(Core.BuildSelect(e.B, Core.BuildICmp(e.B, IntPredicate.Ne, count, e.Const(0)), e.Const(op.Imm), e.Const(op.NextEip)));
        });
    }
}
