using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// LGDT, LIDT, SGDT, SIDT, LTR, STR, LLDT and SLDT. The pseudo-descriptor operand is a 16-bit limit
/// followed by a 32-bit base (with a 16-bit operand size only 24 bits of the base load).
/// </summary>
public static unsafe class DescriptorTables
{
    public static void Lgdt(CpuState* s, DecodedOp* op) => Load(s, op, ref s->Gdt);
    public static void Lidt(CpuState* s, DecodedOp* op) => Load(s, op, ref s->Idt);
    public static void Sgdt(CpuState* s, DecodedOp* op) => Store(s, op, s->Gdt);
    public static void Sidt(CpuState* s, DecodedOp* op) => Store(s, op, s->Idt);

    private static void Load(CpuState* s, DecodedOp* op, ref DescriptorTableRegister table)
    {
        Privilege.RequireRing0(s);
        var address = MemOperand.Address(s, op);
        uint limit = Mem.Read16(s, address);
        uint baseAddress = Mem.Read32(s, address + 2);
        // Imm2 carries the operand size (16 or 32) from the binder.
        if (op->Imm2 == 16) baseAddress &= 0x00FF_FFFF;
        table.Limit = limit;
        table.Base = baseAddress;
    }

    /// <summary>SGDT/SIDT are not privileged (the reason UMIP was invented later).</summary>
    private static void Store(CpuState* s, DecodedOp* op, DescriptorTableRegister table)
    {
        Privilege.RequireSystemMode(s);
        var address = MemOperand.Address(s, op);
        Mem.Write16(s, address, (ushort)table.Limit);
        Mem.Write32(s, address + 2, table.Base);
    }

    public static void Ltr<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        Privilege.RequireRing0(s);
        TaskStateSegment.LoadTaskRegister(s, (ushort)TSrc.Read<W16>(s, op));
    }

    public static void Str<TDst>(CpuState* s, DecodedOp* op) where TDst : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        TDst.Write<W16>(s, op, s->TaskRegister);
    }

    /// <summary>
    /// LLDT: the selector names an LDT descriptor (system type 2) in the GDT, whose base and limit later
    /// TI = 1 selectors index. A null selector leaves no LDT: the limit is 0, so TI = 1 selectors fault.
    /// </summary>
    public static void Lldt<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        Privilege.RequireRing0(s);
        var selector = (ushort)TSrc.Read<W16>(s, op);
        if ((selector & 0xFFFC) == 0)
        {
            s->LdtRegister = selector;
            s->LdtBase = s->LdtLimit = 0;
            return;
        }
        LoadLdt(s, selector, FaultVector.GeneralProtection, FaultVector.SegmentNotPresent);
    }

    /// <summary>
    /// Loads LDTR from a GDT descriptor; a bad one raises <paramref name="invalid"/> and a missing one
    /// <paramref name="missing"/>, with the selector (LLDT: #GP and #NP; a task switch: #TS for both).
    /// </summary>
    public static void LoadLdt(CpuState* s, ushort selector, FaultVector invalid, FaultVector missing)
    {
        var error = selector & 0xFFFCu;
        if ((selector & 4) != 0) throw GuestFaultException.Of(invalid, error);
        var ldt = ProtectedSegments.Read(s, selector, invalid);
        if (ldt.IsCodeOrData || ldt.Type != 2) throw GuestFaultException.Of(invalid, error);
        if (!ldt.Present) throw GuestFaultException.Of(missing, error);
        s->LdtRegister = selector;
        s->LdtBase = ldt.Base;
        s->LdtLimit = ldt.Limit;
    }

    public static void Sldt<TDst>(CpuState* s, DecodedOp* op) where TDst : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        TDst.Write<W16>(s, op, s->LdtRegister);
    }
}
