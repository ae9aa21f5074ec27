using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>
/// Binds the instructions that use the stack: PUSH, POP, PUSHA, POPA, PUSHF, POPF, near CALL and RET,
/// ENTER and LEAVE. Each is specialized by operand size (Iced's stack increment or code says 16 or
/// 32) and by the stack's address size (SP or ESP, from the block's <see cref="CodeMode"/>).
/// </summary>
public static unsafe class StackBinders
{
    public static bool Stack(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var size = Math.Abs(i.StackPointerIncrement) == 2 ? 16 : 32;
        var register = i.OpCount > 0 && i.Op0Kind == OpKind.Register;
        var segment = register && OperandInfo.IsSegment(i.Op0Register);
        Handler? handler;
        switch (i.Mnemonic)
        {
            case Mnemonic.Push when segment:
                op.Extra = OperandInfo.SegmentIndex(i.Op0Register);
                handler = Pick<PushSegmentPick>(size, info.Stack32);
                break;
            case Mnemonic.Push:
                handler = i.Op0Kind switch
                {
                    OpKind.Register => Pick<PushPick<RegDst>>(size, info.Stack32),
                    OpKind.Memory => Pick<PushPick<MemOperand>>(size, info.Stack32),
                    _ => Pick<PushPick<Imm>>(size, info.Stack32),
                };
                break;
            case Mnemonic.Pop when segment:
                op.Extra = OperandInfo.SegmentIndex(i.Op0Register);
                handler = Pick<PopSegmentPick>(size, info.Stack32);
                break;
            case Mnemonic.Pop:
                handler = register ? Pick<PopRegPick>(size, info.Stack32) : Pick<PopMemPick>(size, info.Stack32);
                break;
            case Mnemonic.Pusha or Mnemonic.Pushad: handler = Pick<PushaPick>(i.Mnemonic == Mnemonic.Pusha ? 16 : 32, info.Stack32); break;
            case Mnemonic.Popa or Mnemonic.Popad: handler = Pick<PopaPick>(i.Mnemonic == Mnemonic.Popa ? 16 : 32, info.Stack32); break;
            case Mnemonic.Pushf or Mnemonic.Pushfd: handler = Pick<PushfPick>(i.Mnemonic == Mnemonic.Pushf ? 16 : 32, info.Stack32); break;
            case Mnemonic.Popf or Mnemonic.Popfd: handler = Pick<PopfPick>(i.Mnemonic == Mnemonic.Popf ? 16 : 32, info.Stack32); break;
            case Mnemonic.Call when i.Op0Kind is OpKind.NearBranch16 or OpKind.NearBranch32:
                handler = Pick<CallPick>(size, info.Stack32);
                break;
            case Mnemonic.Call when register:
                handler = Pick<CallIndirectPick<RegDst>>(size, info.Stack32);
                break;
            case Mnemonic.Call when i.Op0Kind == OpKind.Memory && i.MemorySize is MemorySize.WordOffset or MemorySize.DwordOffset:
                handler = Pick<CallIndirectPick<MemOperand>>(size, info.Stack32);
                break;
            case Mnemonic.Ret:
                var ret16 = i.Code is Code.Retnw or Code.Retnw_imm16;
                handler = i.OpCount == 0 ? Pick<RetPick>(ret16 ? 16 : 32, info.Stack32) : Pick<RetImmPick>(ret16 ? 16 : 32, info.Stack32);
                break;
            case Mnemonic.Leave: handler = Pick<LeavePick>(i.Code == Code.Leavew ? 16 : 32, info.Stack32); break;
            case Mnemonic.Enter when i.Immediate8_2nd == 0: handler = Pick<EnterPick>(i.Code == Code.Enterw_imm16_imm8 ? 16 : 32, info.Stack32); break;
            default: return false;
        }
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }

    /// <summary>One handler family, instantiated for an operand size and a stack width.</summary>
    private interface IStackPick
    {
        static abstract Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth;
    }

    private static Handler Pick<TPick>(int bits, bool stack32) where TPick : struct, IStackPick => (bits, stack32) switch
    {
        (16, false) => TPick.Pick<W16, Stack16>(),
        (16, true) => TPick.Pick<W16, Stack32>(),
        (_, false) => TPick.Pick<W32, Stack16>(),
        _ => TPick.Pick<W32, Stack32>(),
    };

    private struct PushPick<TSrc> : IStackPick where TSrc : struct, IOperand
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&DataMove.Push<TSrc, TW, TS>);
    }
    private struct PopRegPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&DataMove.PopReg<TW, TS>);
    }
    private struct PopMemPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&DataMove.PopMem<TW, TS>);
    }
    private struct PushaPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&DataMove.Pusha<TW, TS>);
    }
    private struct PopaPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&DataMove.Popa<TW, TS>);
    }
    private struct PushfPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&SystemOps.Pushf<TW, TS>);
    }
    private struct PopfPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&SystemOps.Popf<TW, TS>);
    }
    private struct CallPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&Control.Call<TW, TS>);
    }
    private struct CallIndirectPick<TSrc> : IStackPick where TSrc : struct, IOperand
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&Control.CallIndirect<TSrc, TW, TS>);
    }
    private struct RetPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&Control.Ret<TW, TS>);
    }
    private struct RetImmPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&Control.RetImm<TW, TS>);
    }
    private struct LeavePick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&Control.Leave<TW, TS>);
    }
    private struct EnterPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&Control.Enter<TW, TS>);
    }
    private struct PushSegmentPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&PushSegment<TW, TS>);
    }
    private struct PopSegmentPick : IStackPick
    {
        public static Handler Pick<TW, TS>() where TW : struct, IWidth where TS : struct, IStackWidth => (Handler)(&PopSegment<TW, TS>);
    }

    private static void PushSegment<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        if (TW.Bits == 16) GuestStack.Push16<TS>(s, s->Selectors[op->Extra]);
        else GuestStack.Push32<TS>(s, s->Selectors[op->Extra]);
    }

    /// <summary>POP Sreg: the load (which may fault) happens before the stack pointer moves.</summary>
    private static void PopSegment<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        Interpreter.Of(s).LoadSegment(op->Extra, (ushort)GuestStack.Peek16<TS>(s));
        GuestStack.Adjust<TS>(s, (uint)TW.Bits / 8);
    }
}
