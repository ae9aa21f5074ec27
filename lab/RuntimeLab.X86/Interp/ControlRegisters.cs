using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// MOV to and from CR0, CR2, CR3, CR4 and DR0-DR7, CLTS, SMSW/LMSW and INVLPG. The register number is in
/// <see cref="DecodedOp.Extra"/>, the general-purpose register in <see cref="DecodedOp.Reg"/>. Writes that
/// change translation (PG, WP, CR3, PSE) flush the soft MMU's TLB; each ends its block (see BlockCache).
/// </summary>
public static unsafe class ControlRegisters
{
    /// <summary>CR0 bits software may set (ET is hardwired to 1 on a P6).</summary>
    private const uint Cr0Writable = Cr0Bits.PE | Cr0Bits.MP | Cr0Bits.EM | Cr0Bits.TS | Cr0Bits.NE | Cr0Bits.WP | Cr0Bits.AM | Cr0Bits.PG | (1 << 29) | (1 << 30);

    public static void MovToCr(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireRing0(s);
        uint value = s->Regs[op->Reg >> 2];
        switch (op->Extra)
        {
            case 0:
                // Paging without protection is invalid. Clearing PE enters real mode: the next block (this one
                // ends here) is fetched through the cached CS as it stands, as on hardware; a far jump follows.
                if ((value & Cr0Bits.PG) != 0 && (value & Cr0Bits.PE) == 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
                s->Cr0 = (value & Cr0Writable) | Cr0Bits.ET;
                Cr0Changed(s);
                break;
            case 2: s->Cr2 = value; return;
            case 3: s->Cr3 = value & 0xFFFF_F018; break;
            case 4:
                // Only PSE is implemented (and reported by CPUID); setting anything else is #GP, as for a reserved bit.
                if ((value & ~Cr4Bits.PSE) != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
                s->Cr4 = value;
                break;
            default: throw GuestFaultException.Of(FaultVector.InvalidOpcode);
        }
        SystemAddressSpace.Of(s).TranslationChanged();
    }

    public static void MovFromCr(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireRing0(s);
        s->Regs[op->Reg >> 2] = op->Extra switch
        {
            0 => s->Cr0,
            2 => s->Cr2,
            3 => s->Cr3,
            4 => s->Cr4,
            _ => throw GuestFaultException.Of(FaultVector.InvalidOpcode),
        };
    }

    public static void MovToDr(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireRing0(s);
        Breakpoints.WriteRegister(s, op->Extra, s->Regs[op->Reg >> 2]);
    }

    public static void MovFromDr(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireRing0(s);
        s->Regs[op->Reg >> 2] = Breakpoints.ReadRegister(s, op->Extra);
    }

    public static void Clts(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireRing0(s);
        s->Cr0 &= ~Cr0Bits.TS;
        Cr0Changed(s);
    }

    /// <summary>After any write of CR0: whether x87 instructions are available goes into the code mode, which keys the blocks.</summary>
    public static void Cr0Changed(CpuState* s) => s->CodeMode = (s->Cr0 & (Cr0Bits.EM | Cr0Bits.TS)) != 0
        ? s->CodeMode | CodeMode.FpuUnavailable
        : s->CodeMode & ~CodeMode.FpuUnavailable;

    /// <summary>SMSW: the low word of CR0; not privileged.</summary>
    public static void Smsw<TDst>(CpuState* s, DecodedOp* op) where TDst : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        TDst.Write<W16>(s, op, s->Cr0 & 0xFFFF);
    }

    /// <summary>INVLPG m: forgets the translation of the page holding the operand's linear address.</summary>
    public static void Invlpg(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireRing0(s);
        SystemAddressSpace.Of(s).InvalidatePage(MemOperand.Address(s, op));
    }

    /// <summary>WBINVD, INVD: there are no caches to write back.</summary>
    public static void CacheControl(CpuState* s, DecodedOp* op) => Privilege.RequireRing0(s);
}
