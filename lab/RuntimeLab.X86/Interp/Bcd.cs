using System.Numerics;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// The decimal-arithmetic adjustments DAA DAS AAA AAS AAM AAD, and XLAT. Rare and never hot, so they
/// compute every flag eagerly, with the formulas of QEMU's helpers (Intel leaves some undefined; QEMU's
/// values are what the differential tests compare against).
/// </summary>
public static unsafe class Bcd
{
    private const uint CF = EflagsBits.CF, AF = EflagsBits.AF;

    private static uint Al(CpuState* s) => s->Regs[Gpr.Eax] & 0xFF;
    private static uint Ah(CpuState* s) => (s->Regs[Gpr.Eax] >> 8) & 0xFF;
    private static void SetAx(CpuState* s, uint al, uint ah) => W16.WriteReg(s, 0, (al & 0xFF) | (ah & 0xFF) << 8);

    /// <summary>ZF, SF and PF of AL, for DAA and DAS, which compute them by hand and clear OF.</summary>
    private static uint ResultFlags(uint al) =>
        (al == 0 ? EflagsBits.ZF : 0) | (al & 0x80) | ((BitOperations.PopCount(al) & 1) == 0 ? EflagsBits.PF : 0);

    public static void Daa(CpuState* s, DecodedOp* op)
    {
        uint before = LazyFlags.Compute(s), al = Al(s), flags = 0;
        uint oldAl = al;
        if ((al & 0x0F) > 9 || (before & AF) != 0) { al = (al + 6) & 0xFF; flags |= AF; }
        if (oldAl > 0x99 || (before & CF) != 0) { al = (al + 0x60) & 0xFF; flags |= CF; }
        W8.WriteReg(s, 0, al);
        LazyFlags.Set(s, flags | ResultFlags(al));
    }

    public static void Das(CpuState* s, DecodedOp* op)
    {
        uint before = LazyFlags.Compute(s), al = Al(s), flags = 0;
        uint oldAl = al;
        if ((al & 0x0F) > 9 || (before & AF) != 0)
        {
            flags |= AF;
            if (al < 6 || (before & CF) != 0) flags |= CF;
            al = (al - 6) & 0xFF;
        }
        if (oldAl > 0x99 || (before & CF) != 0) { al = (al - 0x60) & 0xFF; flags |= CF; }
        W8.WriteReg(s, 0, al);
        LazyFlags.Set(s, flags | ResultFlags(al));
    }

    /// <summary>AAA: AX += 0x106 when the low digit overflowed; only CF and AF change (QEMU keeps the rest).</summary>
    public static void Aaa(CpuState* s, DecodedOp* op)
    {
        uint flags = LazyFlags.Compute(s), al = Al(s), ah = Ah(s);
        if ((al & 0x0F) > 9 || (flags & AF) != 0)
        {
            uint carry = al > 0xF9 ? 1u : 0;
            SetAx(s, (al + 6) & 0x0F, ah + 1 + carry);
            LazyFlags.Set(s, flags | CF | AF);
        }
        else
        {
            SetAx(s, al & 0x0F, ah);
            LazyFlags.Set(s, flags & ~(CF | AF));
        }
    }

    public static void Aas(CpuState* s, DecodedOp* op)
    {
        uint flags = LazyFlags.Compute(s), al = Al(s), ah = Ah(s);
        if ((al & 0x0F) > 9 || (flags & AF) != 0)
        {
            uint borrow = al < 6 ? 1u : 0;
            SetAx(s, (al - 6) & 0x0F, ah - 1 - borrow);
            LazyFlags.Set(s, flags | CF | AF);
        }
        else
        {
            SetAx(s, al & 0x0F, ah);
            LazyFlags.Set(s, flags & ~(CF | AF));
        }
    }

    /// <summary>AAM imm8: AH = AL / imm, AL = AL % imm; #DE on 0. Flags: CC_OP_LOGIC on AL.</summary>
    public static void Aam(CpuState* s, DecodedOp* op)
    {
        uint divisor = op->Imm & 0xFF;
        if (divisor == 0) throw GuestFaultException.Of(FaultVector.DivideError);
        uint al = Al(s);
        SetAx(s, al % divisor, al / divisor);
        RecordLogic(s, al % divisor);
    }

    /// <summary>AAD imm8: AL = AH·imm + AL, AH = 0. Flags: CC_OP_LOGIC on AL.</summary>
    public static void Aad(CpuState* s, DecodedOp* op)
    {
        uint al = (Ah(s) * (op->Imm & 0xFF) + Al(s)) & 0xFF;
        SetAx(s, al, 0);
        RecordLogic(s, al);
    }

    private static void RecordLogic(CpuState* s, uint al)
    {
        s->CcOp = CcOp.Logic8;
        s->CcDst = al;
    }

    /// <summary>XLAT: AL = [seg:EBX + AL] (DS unless overridden), the unsigned AL added to EBX.</summary>
    public static void Xlat(CpuState* s, DecodedOp* op)
    {
        uint effective = (s->Regs[Gpr.Ebx] + Al(s)) & op->EaMask;
        W8.WriteReg(s, 0, W8.ReadMem(s, s->SegmentBase[op->Segment] + effective));
    }
}
