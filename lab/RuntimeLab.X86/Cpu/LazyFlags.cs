using System.Numerics;
using System.Runtime.CompilerServices;

namespace RuntimeLab.X86.Cpu;

/// <summary>
/// The last flag-setting operation, by kind and width. Handlers record it and its operands
/// (CcDst = result, CcSrc = second operand or carried bit, CcSrc2 = carry-in) instead of computing
/// six flags that are usually never read; the flags are computed on demand. This is QEMU's cc_op
/// scheme, and the formulas follow QEMU's where Intel leaves a flag undefined, so that the two agree.
/// The low two bits are the width: 0 = 8, 1 = 16, 2 = 32 bits.
/// </summary>
public enum CcOp : uint
{
    /// <summary>Flags are materialized: CcSrc holds the arithmetic bits.</summary>
    Eflags = 0,
    Add8 = 4, Add16, Add32,
    Adc8 = 8, Adc16, Adc32,
    Sub8 = 12, Sub16, Sub32,
    Sbb8 = 16, Sbb16, Sbb32,
    /// <summary>AND, OR, XOR, TEST: CF = OF = AF = 0.</summary>
    Logic8 = 20, Logic16, Logic32,
    /// <summary>INC and DEC leave CF alone: CcSrc holds the CF from before.</summary>
    Inc8 = 24, Inc16, Inc32,
    Dec8 = 28, Dec16, Dec32,
    /// <summary>CcSrc = the value shifted by count − 1, so its top bit is CF.</summary>
    Shl8 = 32, Shl16, Shl32,
    /// <summary>SHR and SAR. CcSrc = the value shifted by count − 1, so its low bit is CF.</summary>
    Sar8 = 36, Sar16, Sar32,
    /// <summary>MUL and IMUL: CcSrc is nonzero exactly when CF = OF = 1.</summary>
    Mul8 = 40, Mul16, Mul32,
}

public static unsafe class LazyFlags
{
    /// <summary>The CcOp for a kind at width index 0/1/2 (8/16/32 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CcOp Of(CcOp kind8, int widthIndex) => kind8 + (uint)widthIndex;

    /// <summary>The six arithmetic flags (CF PF AF ZF SF OF) as EFLAGS bits.</summary>
    public static uint Compute(CpuState* s)
    {
        var op = s->CcOp;
        if (op == CcOp.Eflags) return s->CcSrc & EflagsBits.Arithmetic;
        int bits = 8 << ((int)op & 3);
        uint mask = bits == 32 ? 0xFFFF_FFFFu : (1u << bits) - 1;
        uint signBit = 1u << (bits - 1);
        uint dst = s->CcDst & mask, src = s->CcSrc & mask;
        uint cf, af, of;
        switch ((CcOp)((uint)op & ~3u))
        {
            case CcOp.Add8:
            {
                uint src1 = (dst - src) & mask;
                cf = dst < src1 ? 1u : 0;
                af = (dst ^ src ^ src1) & 0x10;
                of = ((src1 ^ src ^ mask) & (src1 ^ dst) & signBit) != 0 ? 1u : 0;
                break;
            }
            case CcOp.Adc8:
            {
                uint carry = s->CcSrc2 & 1;
                uint src1 = (dst - src - carry) & mask;
                cf = carry != 0 ? (dst <= src1 ? 1u : 0) : (dst < src1 ? 1u : 0);
                af = (dst ^ src ^ src1) & 0x10;
                of = ((src1 ^ src ^ mask) & (src1 ^ dst) & signBit) != 0 ? 1u : 0;
                break;
            }
            case CcOp.Sub8:
            {
                uint src1 = (dst + src) & mask;
                cf = src1 < src ? 1u : 0;
                af = (dst ^ src ^ src1) & 0x10;
                of = ((src1 ^ src) & (src1 ^ dst) & signBit) != 0 ? 1u : 0;
                break;
            }
            case CcOp.Sbb8:
            {
                uint borrow = s->CcSrc2 & 1;
                uint src1 = (dst + src + borrow) & mask;
                cf = borrow != 0 ? (src1 <= src ? 1u : 0) : (src1 < src ? 1u : 0);
                af = (dst ^ src ^ src1) & 0x10;
                of = ((src1 ^ src) & (src1 ^ dst) & signBit) != 0 ? 1u : 0;
                break;
            }
            case CcOp.Logic8:
                // AF is undefined after AND/OR/XOR/TEST: QEMU clears it.
                cf = 0; af = 0; of = 0;
                break;
            case CcOp.Inc8:
            {
                uint src1 = (dst - 1) & mask;
                cf = s->CcSrc & 1;
                af = (dst ^ 1 ^ src1) & 0x10;
                of = dst == signBit ? 1u : 0;
                break;
            }
            case CcOp.Dec8:
            {
                uint src1 = (dst + 1) & mask;
                cf = s->CcSrc & 1;
                af = (dst ^ 1 ^ src1) & 0x10;
                of = dst == signBit - 1 ? 1u : 0;
                break;
            }
            // Undefined after shifts: AF (QEMU clears it) and, for counts other than 1, OF, which QEMU
            // computes for every count as for a count of 1: the top bits of the value before the last
            // step and after it differ (so SAR's OF is always 0). insn/shifts.c checks both against it.
            case CcOp.Shl8:
                cf = (src & signBit) != 0 ? 1u : 0;
                af = 0;
                of = ((src ^ dst) & signBit) != 0 ? 1u : 0;
                break;
            case CcOp.Sar8:
                cf = src & 1;
                af = 0;
                of = ((src ^ dst) & signBit) != 0 ? 1u : 0;
                break;
            // Undefined after MUL/IMUL: SF ZF PF (QEMU takes them from the low half, CcDst, as below) and AF (QEMU clears it).
            case CcOp.Mul8:
                cf = src != 0 ? 1u : 0;
                af = 0;
                of = cf;
                break;
            default:
                throw new InvalidOperationException($"bad lazy flags operation {op}");
        }
        uint flags = cf * EflagsBits.CF | (af != 0 ? EflagsBits.AF : 0) | of * EflagsBits.OF;
        if (dst == 0) flags |= EflagsBits.ZF;
        if ((dst & signBit) != 0) flags |= EflagsBits.SF;
        if ((BitOperations.PopCount(dst & 0xFF) & 1) == 0) flags |= EflagsBits.PF;
        return flags;
    }

    /// <summary>
    /// CF alone, for ADC, SBB, INC, DEC and the rotates through carry. 64-bit arithmetic on a 32-bit
    /// guest is ADD/ADC and SUB/SBB pairs, so the 32-bit cases answer without computing every flag.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Carry(CpuState* s) => s->CcOp switch
    {
        CcOp.Eflags => s->CcSrc & EflagsBits.CF,
        CcOp.Add32 => s->CcDst < s->CcSrc ? 1u : 0,
        CcOp.Sub32 => s->CcDst + s->CcSrc < s->CcSrc ? 1u : 0,
        CcOp.Logic8 or CcOp.Logic16 or CcOp.Logic32 => 0,
        _ => Compute(s) & EflagsBits.CF,
    };

    /// <summary>Replaces the arithmetic flags with explicit values (rotates, BT, SAHF, POPF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(CpuState* s, uint arithmeticFlags)
    {
        s->CcOp = CcOp.Eflags;
        s->CcSrc = arithmeticFlags & EflagsBits.Arithmetic;
    }
}
