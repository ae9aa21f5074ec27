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

    /// <summary>JMP r/m: a 16-bit operand size truncates the target to 16 bits (zero-extended into EIP).</summary>
    public static void JmpIndirect<TSrc, TW>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand where TW : struct, IWidth =>
        s->Eip = TSrc.Read<TW>(s, op) & TW.Mask;

    /// <summary>CALL rel: the return address is pushed at the operand size (TW), through SP or ESP (TS).</summary>
    public static void Call<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        PushReturn<TW, TS>(s, op->NextEip);
        s->Eip = op->Imm;
    }

    public static void CallIndirect<TSrc, TW, TS>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint target = TSrc.Read<TW>(s, op) & TW.Mask;
        PushReturn<TW, TS>(s, op->NextEip);
        s->Eip = target;
    }

    public static void Ret<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth =>
        s->Eip = TW.Bits == 16 ? GuestStack.Pop16<TS>(s) : GuestStack.Pop32<TS>(s);

    /// <summary>RET imm16: pop the return address, then release imm16 bytes of arguments.</summary>
    public static void RetImm<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint target = TW.Bits == 16 ? GuestStack.Peek16<TS>(s) : GuestStack.Peek32<TS>(s);
        GuestStack.Adjust<TS>(s, (uint)TW.Bits / 8 + op->Imm);
        s->Eip = target;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void PushReturn<TW, TS>(CpuState* s, uint address) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        if (TW.Bits == 16) GuestStack.Push16<TS>(s, address);
        else GuestStack.Push32<TS>(s, address);
    }

    // LOOP and JCXZ count in CX or ECX by the address size (TC): a 16-bit count leaves ECX's upper half alone.

    public static void Loop<TC>(CpuState* s, DecodedOp* op) where TC : struct, IWidth
    {
        uint count = Decrement<TC>(s);
        s->Eip = count != 0 ? op->Imm : op->NextEip;
    }

    public static void Loope<TC>(CpuState* s, DecodedOp* op) where TC : struct, IWidth
    {
        uint count = Decrement<TC>(s);
        s->Eip = count != 0 && Conditions.Test(s, Condition.E) ? op->Imm : op->NextEip;
    }

    public static void Loopne<TC>(CpuState* s, DecodedOp* op) where TC : struct, IWidth
    {
        uint count = Decrement<TC>(s);
        s->Eip = count != 0 && Conditions.Test(s, Condition.NE) ? op->Imm : op->NextEip;
    }

    public static void Jecxz<TC>(CpuState* s, DecodedOp* op) where TC : struct, IWidth =>
        s->Eip = (TC.ReadReg(s, CounterOffset) & TC.Mask) == 0 ? op->Imm : op->NextEip;

    private const byte CounterOffset = Gpr.Ecx * 4;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint Decrement<TC>(CpuState* s) where TC : struct, IWidth
    {
        uint count = (TC.ReadReg(s, CounterOffset) - 1) & TC.Mask;
        TC.WriteReg(s, CounterOffset, count);
        return count;
    }

    /// <summary>LEAVE: SP or ESP (TS) from the frame pointer, then the saved frame pointer popped at the operand size (TW).</summary>
    public static void Leave<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint frame = s->Regs[Gpr.Ebp] & TS.Mask;
        uint saved = TW.ReadMem(s, s->SegmentBase[Seg.Ss] + frame);
        TS.Set(s, frame + (uint)TW.Bits / 8);
        TW.WriteReg(s, FramePointerOffset, saved);
    }

    /// <summary>ENTER imm16, 0: the nesting level is 0 in all compiled code; other levels are refused at decode.</summary>
    public static void Enter<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint frame = s->Regs[Gpr.Esp] - (uint)TW.Bits / 8;
        TW.WriteMem(s, s->SegmentBase[Seg.Ss] + (frame & TS.Mask), TW.ReadReg(s, FramePointerOffset));
        TW.WriteReg(s, FramePointerOffset, frame);
        TS.Set(s, frame - op->Imm);
    }

    private const byte FramePointerOffset = Gpr.Ebp * 4;
}
