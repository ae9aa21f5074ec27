using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// Inline lowerings of the 32-bit stack ops through ESP (<see cref="GuestStack"/>): PUSH, POP r32, CALL,
/// RET, LEAVE. Memory is written before ESP moves, as in the handlers, so a faulting push changes
/// nothing. The 16-bit forms and stacks run their handlers.
/// </summary>
internal static unsafe class InlineStack
{
    private const byte Esp = Gpr.Esp * 4, Ebp = Gpr.Ebp * 4;

    public static void Register(Dictionary<nint, OpLowering> table)
    {
        InlineOps.Add(table, (Handler)(&DataMove.Push<RegDst, W32, Stack32>), (BlockLowering e, in DecodedOp op) => Push(e, e.ReadReg(op.Reg, 32)));
        InlineOps.Add(table, (Handler)(&DataMove.Push<Imm, W32, Stack32>), (BlockLowering e, in DecodedOp op) => Push(e, e.Const(op.Imm)));
        InlineOps.Add(table, (Handler)(&DataMove.Push<MemOperand, W32, Stack32>), (BlockLowering e, in DecodedOp op) => Push(e, e.Load(e.LinearAddress(op), 4)));
        InlineOps.Add(table, (Handler)(&DataMove.PopReg<W32, Stack32>), (BlockLowering e, in DecodedOp op) => e.WriteReg(op.Reg, 32, Pop(e, 0)));
        InlineOps.Add(table, (Handler)(&Control.Call<W32, Stack32>), (BlockLowering e, in DecodedOp op) =>
        {
            Push(e, e.Const(op.NextEip));
            e.SetEip(e.Const(op.Imm));
        });
        InlineOps.Add(table, (Handler)(&Control.CallIndirect<RegDst, W32, Stack32>), (BlockLowering e, in DecodedOp op) => CallIndirect(e, e.ReadReg(op.Reg, 32), op));
        InlineOps.Add(table, (Handler)(&Control.CallIndirect<MemOperand, W32, Stack32>), (BlockLowering e, in DecodedOp op) => CallIndirect(e, e.Load(e.LinearAddress(op), 4), op));
        InlineOps.Add(table, (Handler)(&Control.Ret<W32, Stack32>), (BlockLowering e, in DecodedOp op) => e.SetEip(Pop(e, 0)));
        InlineOps.Add(table, (Handler)(&Control.RetImm<W32, Stack32>), (BlockLowering e, in DecodedOp op) => e.SetEip(Pop(e, op.Imm)));
        InlineOps.Add(table, (Handler)(&Control.Leave<W32, Stack32>), (BlockLowering e, in DecodedOp op) =>
        {
            var frame = e.ReadReg(Ebp, 32);
            var saved = e.Load(Core.BuildAdd(e.B, e.SegmentBase(Seg.Ss), frame), 4);
            e.WriteReg(Esp, 32, Core.BuildAdd(e.B, frame, e.Const(4)));
            e.WriteReg(Ebp, 32, saved);
        });
    }

    private static void Push(BlockLowering e, ValueRef value)
    {
        var esp = Core.BuildSub(e.B, e.ReadReg(Esp, 32), e.Const(4));
        e.Store(Core.BuildAdd(e.B, e.SegmentBase(Seg.Ss), esp), 4, value);
        e.WriteReg(Esp, 32, esp);
    }

    /// <summary>Pops a doubleword and then releases <paramref name="release"/> more bytes (RET imm16).</summary>
    private static ValueRef Pop(BlockLowering e, uint release)
    {
        var esp = e.ReadReg(Esp, 32);
        var value = e.Load(Core.BuildAdd(e.B, e.SegmentBase(Seg.Ss), esp), 4);
        e.WriteReg(Esp, 32, Core.BuildAdd(e.B, esp, e.Const(4 + release)));
        return value;
    }

    private static void CallIndirect(BlockLowering e, ValueRef target, in DecodedOp op)
    {
        Push(e, e.Const(op.NextEip));
        e.SetEip(target);
    }
}
