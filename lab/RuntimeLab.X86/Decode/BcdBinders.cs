using Iced.Intel;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binds DAA DAS AAA AAS AAM AAD and XLAT.</summary>
public static unsafe class BcdBinders
{
    public static bool Bcd(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Daa => (Handler)(&Interp.Bcd.Daa),
            Mnemonic.Das => (Handler)(&Interp.Bcd.Das),
            Mnemonic.Aaa => (Handler)(&Interp.Bcd.Aaa),
            Mnemonic.Aas => (Handler)(&Interp.Bcd.Aas),
            Mnemonic.Aam => (Handler)(&Interp.Bcd.Aam),
            Mnemonic.Aad => (Handler)(&Interp.Bcd.Aad),
            Mnemonic.Xlatb => (Handler)(&Interp.Bcd.Xlat),
            _ => null,
        };
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }
}
