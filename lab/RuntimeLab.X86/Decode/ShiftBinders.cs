using Iced.Intel;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binds SHL/SAL SHR SAR ROL ROR RCL RCR and SHLD SHRD.</summary>
public static unsafe class ShiftBinders
{
    public static bool Shift(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var memory = info.HasMemory;
        Handler? handler;
        switch (i.Mnemonic)
        {
            case Mnemonic.Shld or Mnemonic.Shrd:
                // Three operands: Translator's fill may have put CL over the source register, so name it again.
                op.Rm = OperandInfo.RegisterOffset(i.Op1Register);
                handler = Shifts.PickDouble(i.Mnemonic == Mnemonic.Shrd, info.Bits, memory, i.Op2Kind == OpKind.Register);
                break;
            default:
                // The count is CL or an immediate; D0-D3's implicit 1 reaches us as an immediate 1.
                var byCl = i.OpCount > 1 && i.Op1Kind == OpKind.Register;
                handler = i.Mnemonic switch
                {
                    Mnemonic.Shl or Mnemonic.Sal => Shifts.Pick<ShlOp>(info.Bits, memory, byCl),
                    Mnemonic.Shr => Shifts.Pick<ShrOp>(info.Bits, memory, byCl),
                    Mnemonic.Sar => Shifts.Pick<SarOp>(info.Bits, memory, byCl),
                    Mnemonic.Rol => Shifts.Pick<RolOp>(info.Bits, memory, byCl),
                    Mnemonic.Ror => Shifts.Pick<RorOp>(info.Bits, memory, byCl),
                    Mnemonic.Rcl => Shifts.Pick<RclOp>(info.Bits, memory, byCl),
                    Mnemonic.Rcr => Shifts.Pick<RcrOp>(info.Bits, memory, byCl),
                    _ => null,
                };
                if (handler != null && i.OpCount == 1) op.Imm = 1;
                break;
        }
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }
}
