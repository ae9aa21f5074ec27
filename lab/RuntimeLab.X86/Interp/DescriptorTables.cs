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

    /// <summary>LLDT: only the null selector (no LDT) is accepted; LDTs are not modelled.</summary>
    public static void Lldt<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        Privilege.RequireRing0(s);
        var selector = (ushort)TSrc.Read<W16>(s, op);
        if ((selector & 0xFFFC) != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);
        s->LdtRegister = selector;
    }

    public static void Sldt<TDst>(CpuState* s, DecodedOp* op) where TDst : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        TDst.Write<W16>(s, op, s->LdtRegister);
    }
}
