using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Jumps, calls, returns and loops. Every handler here sets EIP, taken or not: a control-flow
/// instruction ends its block, and the loop continues from EIP. Branch targets are resolved at decode.
/// </summary>
public static unsafe class Control
{
    public static void Jmp(CpuState* s, DecodedOp* op) => s->Eip = op->Imm;

    public static void Jcc(CpuState* s, DecodedOp* op) => s->Eip = Conditions.Test(s, (Condition)op->Extra) ? op->Imm : op->NextEip;

    public static void JmpIndirect<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand => s->Eip = TSrc.Read<W32>(s, op);

    public static void Call(CpuState* s, DecodedOp* op)
    {
        GuestStack.Push32(s, op->NextEip);
        s->Eip = op->Imm;
    }

    public static void CallIndirect<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        uint target = TSrc.Read<W32>(s, op);
        GuestStack.Push32(s, op->NextEip);
        s->Eip = target;
    }

    public static void Ret(CpuState* s, DecodedOp* op) => s->Eip = GuestStack.Pop32(s);

    /// <summary>RET imm16: pop the return address, then release imm16 bytes of arguments.</summary>
    public static void RetImm(CpuState* s, DecodedOp* op)
    {
        uint target = GuestStack.Peek32(s);
        s->Regs[Gpr.Esp] += 4 + op->Imm;
        s->Eip = target;
    }

    public static void Loop(CpuState* s, DecodedOp* op)
    {
        uint ecx = --s->Regs[Gpr.Ecx];
        s->Eip = ecx != 0 ? op->Imm : op->NextEip;
    }

    public static void Loope(CpuState* s, DecodedOp* op)
    {
        uint ecx = --s->Regs[Gpr.Ecx];
        s->Eip = ecx != 0 && Conditions.Test(s, Condition.E) ? op->Imm : op->NextEip;
    }

    public static void Loopne(CpuState* s, DecodedOp* op)
    {
        uint ecx = --s->Regs[Gpr.Ecx];
        s->Eip = ecx != 0 && Conditions.Test(s, Condition.NE) ? op->Imm : op->NextEip;
    }

    public static void Jecxz(CpuState* s, DecodedOp* op) => s->Eip = s->Regs[Gpr.Ecx] == 0 ? op->Imm : op->NextEip;

    public static void Leave(CpuState* s, DecodedOp* op)
    {
        uint ebp = s->Regs[Gpr.Ebp];
        uint saved = Memory.Mem.Read32(s, s->SegmentBase[Seg.Ss] + ebp);
        s->Regs[Gpr.Esp] = ebp + 4;
        s->Regs[Gpr.Ebp] = saved;
    }

    /// <summary>ENTER imm16, 0: the nesting level is 0 in all compiled code; other levels are refused at decode.</summary>
    public static void Enter(CpuState* s, DecodedOp* op)
    {
        uint frame = s->Regs[Gpr.Esp] - 4;
        Memory.Mem.Write32(s, s->SegmentBase[Seg.Ss] + frame, s->Regs[Gpr.Ebp]);
        s->Regs[Gpr.Ebp] = frame;
        s->Regs[Gpr.Esp] = frame - op->Imm;
    }
}
