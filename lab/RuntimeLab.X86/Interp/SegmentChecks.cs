using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// LAR, LSL, VERR and VERW: what the current privilege may do with a selector, answered in ZF instead
/// of a fault (Intel SDM vol. 2). A null selector, one outside its GDT or LDT, or a descriptor the
/// check refuses clears ZF and leaves the destination unchanged; otherwise ZF is set and LAR/LSL
/// write the access rights (masked with 0x00F0FF00) or the byte-granular limit. The other flags stay.
/// System mode only; #UD in Linux user mode, as before.
/// </summary>
public static unsafe class SegmentChecks
{
    public static void Lar<TW, TSrc>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TSrc : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        var selector = (ushort)TSrc.Read<W16>(s, op);
        // Segments, LDTs, TSSes (available or busy, 16 or 32 bits), call and task gates.
        var ok = TryVisible(s, selector, out var descriptor, systemTypes: 0b0001_1010_0011_1110);
        if (ok) TW.WriteReg(s, op->Reg, descriptor.High & 0x00F0_FF00);
        SetZero(s, ok);
    }

    public static void Lsl<TW, TSrc>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TSrc : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        var selector = (ushort)TSrc.Read<W16>(s, op);
        // Segments, LDTs and TSSes: the descriptors that have a limit.
        var ok = TryVisible(s, selector, out var descriptor, systemTypes: 0b0000_1010_0000_1110);
        if (ok) TW.WriteReg(s, op->Reg, descriptor.Limit);
        SetZero(s, ok);
    }

    /// <summary>VERR: a data segment, or readable code (conforming code at any privilege).</summary>
    public static void Verr<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        var ok = TryVisible(s, (ushort)TSrc.Read<W16>(s, op), out var descriptor, systemTypes: 0) && descriptor.IsReadable;
        SetZero(s, ok);
    }

    /// <summary>VERW: a writable data segment.</summary>
    public static void Verw<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        Privilege.RequireSystemMode(s);
        var ok = TryVisible(s, (ushort)TSrc.Read<W16>(s, op), out var descriptor, systemTypes: 0) && descriptor.IsWritableData;
        SetZero(s, ok);
    }

    /// <summary>
    /// Reads the descriptor and applies the common rule: a code or data segment is visible when it is
    /// conforming code or its DPL is at least CPL and RPL; a system descriptor when its type is in the
    /// <paramref name="systemTypes"/> bit set and the same DPL rule holds.
    /// </summary>
    private static bool TryVisible(CpuState* s, ushort selector, out Descriptor descriptor, int systemTypes)
    {
        descriptor = default;
        if ((selector & 0xFFFC) == 0 || !ProtectedSegments.InTable(s, selector)) return false;
        descriptor = ProtectedSegments.Read(s, selector);
        if (descriptor.IsConforming) return true;
        if (!descriptor.IsCodeOrData && (systemTypes & (1 << descriptor.Type)) == 0) return false;
        return descriptor.Dpl >= s->Cpl && descriptor.Dpl >= (selector & 3);
    }

    private static void SetZero(CpuState* s, bool set)
    {
        var flags = LazyFlags.Compute(s) & ~EflagsBits.ZF;
        LazyFlags.Set(s, set ? flags | EflagsBits.ZF : flags);
    }
}
