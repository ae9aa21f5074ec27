using Iced.Intel;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binds MUL, IMUL (all three forms), DIV, IDIV.</summary>
public static unsafe class MulDivBinders
{
    public static bool MulDiv(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var memory = info.HasMemory;
        Handler? handler = (i.Mnemonic, i.OpCount) switch
        {
            (Mnemonic.Mul, 1) => Interp.MulDiv.PickWidening(signed: false, info.Bits, memory),
            (Mnemonic.Imul, 1) => Interp.MulDiv.PickWidening(signed: true, info.Bits, memory),
            (Mnemonic.Imul, 2) => Interp.MulDiv.PickTruncating(info.Bits, memory, withImmediate: false),
            (Mnemonic.Imul, 3) => Interp.MulDiv.PickTruncating(info.Bits, memory, withImmediate: true),
            (Mnemonic.Div, 1) => Interp.MulDiv.PickDivide(signed: false, info.Bits, memory),
            (Mnemonic.Idiv, 1) => Interp.MulDiv.PickDivide(signed: true, info.Bits, memory),
            _ => null,
        };
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }
}
