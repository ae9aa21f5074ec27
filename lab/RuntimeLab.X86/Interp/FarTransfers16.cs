using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Far transfers with a 16-bit operand size (m16:16 pointers, 16-bit far CALL, RETF and IRET), as real
/// mode uses them. In protected mode these forms (16-bit call gates' world) are not modelled and raise
/// #GP(0); the direct far JMP ptr16:16 works in both modes through <see cref="FarTransfers.JmpFar"/>.
/// </summary>
public static unsafe class FarTransfers16
{
    public static void JmpFarIndirect(CpuState* s, DecodedOp* op)
    {
        RequireRealMode(s);
        var address = MemOperand.Address(s, op);
        RealMode.Jump(s, Mem.Read16(s, address + 2), Mem.Read16(s, address));
    }

    public static void CallFar(CpuState* s, DecodedOp* op)
    {
        RequireRealMode(s);
        RealMode.Call(s, op, (ushort)op->Imm2, op->Imm, 2);
    }

    public static void CallFarIndirect(CpuState* s, DecodedOp* op)
    {
        RequireRealMode(s);
        var address = MemOperand.Address(s, op);
        RealMode.Call(s, op, Mem.Read16(s, address + 2), Mem.Read16(s, address), 2);
    }

    public static void RetFar(CpuState* s, DecodedOp* op)
    {
        RequireRealMode(s);
        RealMode.Return(s, op->Imm, 2);
    }

    public static void Iret(CpuState* s, DecodedOp* op)
    {
        RequireRealMode(s);
        RealMode.Iret(s, 2);
    }

    private static void RequireRealMode(CpuState* s)
    {
        Privilege.RequireSystemMode(s);
        if (!s->IsRealMode) throw GuestFaultException.Of(FaultVector.GeneralProtection);
    }
}
