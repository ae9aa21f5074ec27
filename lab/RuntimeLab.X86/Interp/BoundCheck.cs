using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>BOUND: the signed index in the register against the pair of bounds at the memory operand, lower then upper.</summary>
public static unsafe class BoundCheck
{
    /// <summary>#BR is a fault: out of range, nothing has changed and EIP stays at the BOUND.</summary>
    public static void Bound<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth
    {
        var address = MemOperand.Address(s, op);
        var index = (int)TW.SignExtend(RegDst.Read<TW>(s, op));
        var lower = (int)TW.SignExtend(TW.ReadMem(s, address));
        var upper = (int)TW.SignExtend(TW.ReadMem(s, address + (uint)(TW.Bits / 8)));
        if (index < lower || index > upper) throw GuestFaultException.Of(FaultVector.BoundRange);
    }
}
