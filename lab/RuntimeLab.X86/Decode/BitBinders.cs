using Iced.Intel;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binds BT BTS BTR BTC and BSF BSR.</summary>
public static unsafe class BitBinders
{
    public static bool Bit(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Bt => Bits.PickTest<BtOp>(info.Bits, info.Form),
            Mnemonic.Bts => Bits.PickTest<BtsOp>(info.Bits, info.Form),
            Mnemonic.Btr => Bits.PickTest<BtrOp>(info.Bits, info.Form),
            Mnemonic.Btc => Bits.PickTest<BtcOp>(info.Bits, info.Form),
            // F3 0F BC/BD decode as TZCNT/LZCNT, but the CPU we present has neither BMI1 nor ABM, and
            // there the prefix is ignored: they are BSF/BSR (QEMU does the same). Compilers emit "rep bsf".
            Mnemonic.Bsf or Mnemonic.Tzcnt => Bits.PickScan(reverse: false, info.Bits, info.HasMemory),
            Mnemonic.Bsr or Mnemonic.Lzcnt => Bits.PickScan(reverse: true, info.Bits, info.HasMemory),
            _ => null,
        };
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }
}
