using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Segment loads in protected mode (system mode only): the selector names a GDT descriptor whose
/// base and limit go to the segment cache in <see cref="CpuState"/>, after the checks of Intel SDM
/// vol. 3, 5.5-5.8. A selector with TI set names an entry of the LDT that LLDT loaded. Faults carry
/// the selector (without RPL) as their error code. MOV and POP to a segment register set the
/// descriptor's accessed bit (a far JMP leaves it clear, as in QEMU). Not modelled: limit checks on
/// accesses. Code segments may have any base: blocks are keyed by CS base, EIP and the code mode.
/// </summary>
public static unsafe class ProtectedSegments
{
    /// <summary>Reads the descriptor a non-null selector names, or raises #GP(selector) when it lies outside its table.</summary>
    public static Descriptor Read(CpuState* s, ushort selector, FaultVector outOfTable = FaultVector.GeneralProtection)
    {
        var address = DescriptorAddress(s, selector, outOfTable);
        var memory = SystemAddressSpace.Of(s);
        return new Descriptor(memory.ReadSystem32(address), memory.ReadSystem32(address + 4));
    }

    /// <summary>The linear address of the descriptor a selector names: in the LDT when TI (bit 2) is set, else in the GDT.</summary>
    public static uint DescriptorAddress(CpuState* s, ushort selector, FaultVector outOfTable = FaultVector.GeneralProtection)
    {
        if (!InTable(s, selector)) throw GuestFaultException.Of(outOfTable, selector & 0xFFFCu);
        return ((selector & 4) != 0 ? s->LdtBase : s->Gdt.Base) + (uint)(selector & ~7);
    }

    /// <summary>Whether the selector's descriptor lies inside the GDT or LDT it names.</summary>
    public static bool InTable(CpuState* s, ushort selector) =>
        (uint)(selector & ~7) + 7 <= ((selector & 4) != 0 ? s->LdtLimit : s->Gdt.Limit);

    /// <summary>MOV/POP to DS, ES, FS, GS or SS.</summary>
    public static void LoadData(CpuState* s, int segment, ushort selector)
    {
        var cpl = s->Cpl;
        var rpl = selector & 3;
        var error = selector & 0xFFFCu;
        if (segment == Seg.Ss)
        {
            if ((selector & 0xFFFC) == 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
            var stack = Read(s, selector);
            if (rpl != cpl || !stack.IsWritableData || stack.Dpl != cpl) throw GuestFaultException.Of(FaultVector.GeneralProtection, error);
            if (!stack.Present) throw GuestFaultException.Of(FaultVector.StackFault, error);
            MarkAccessed(s, selector, stack);
            Commit(s, segment, selector, stack);
            s->StepShadow = CpuState.StackShadow;
            return;
        }
        if ((selector & 0xFFFC) == 0)
        {
            // A null selector may be loaded into a data segment register; using it would fault (not modelled).
            s->Selectors[segment] = selector;
            s->SegmentBase[segment] = 0;
            s->SegmentLimit[segment] = 0;
            return;
        }
        var data = Read(s, selector);
        var privileged = !data.IsConforming && data.Dpl < Math.Max(cpl, rpl);
        if (!data.IsReadable || privileged) throw GuestFaultException.Of(FaultVector.GeneralProtection, error);
        if (!data.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, error);
        MarkAccessed(s, selector, data);
        Commit(s, segment, selector, data);
    }

    /// <summary>A segment register load sets the descriptor's accessed bit, as qemu-system-i386 does for MOV and POP to a segment register.</summary>
    private static void MarkAccessed(CpuState* s, ushort selector, Descriptor descriptor)
    {
        const uint Accessed = 1 << 8;
        if ((descriptor.High & Accessed) != 0) return;
        SystemAddressSpace.Of(s).WriteSystem32(DescriptorAddress(s, selector) + 4, descriptor.High | Accessed);
    }

    /// <summary>
    /// The code segment a far transfer or an interrupt goes to, checked: present, a code segment.
    /// Privilege rules differ by transfer, so the caller checks DPL against CPL.
    /// </summary>
    public static Descriptor ReadCode(CpuState* s, ushort selector)
    {
        if ((selector & 0xFFFC) == 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
        var code = Read(s, selector);
        if (!code.IsCode) throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);
        if (!code.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, selector & 0xFFFCu);
        return code;
    }

    /// <summary>The stack segment for a privilege change (from the TSS or an outer return): a writable data segment at that privilege.</summary>
    public static Descriptor ReadStack(CpuState* s, ushort selector, int cpl, FaultVector vector)
    {
        if ((selector & 0xFFFC) == 0) throw GuestFaultException.Of(vector);
        var stack = Read(s, selector, vector);
        if ((selector & 3) != cpl || !stack.IsWritableData || stack.Dpl != cpl) throw GuestFaultException.Of(vector, selector & 0xFFFCu);
        if (!stack.Present) throw GuestFaultException.Of(FaultVector.StackFault, selector & 0xFFFCu);
        return stack;
    }

    /// <summary>Loads CS with the new privilege in its RPL; a privilege change flushes the TLB, which caches the old CPL's rights.</summary>
    public static void CommitCode(CpuState* s, ushort selector, Descriptor code, int cpl)
    {
        var changed = cpl != s->Cpl;
        Commit(s, Seg.Cs, (ushort)((selector & 0xFFFC) | cpl), code);
        if (changed) SystemAddressSpace.Of(s).FlushTlb();
    }

    /// <summary>
    /// After a return to an outer privilege level (IRET, RETF): ES, DS, FS and GS are nulled when they
    /// hold a data or non-conforming code segment more privileged than the new CPL (SDM vol. 3, 5.8.6).
    /// </summary>
    public static void NullInaccessibleDataSegments(CpuState* s)
    {
        var cpl = s->Cpl;
        foreach (var segment in (ReadOnlySpan<int>)[Seg.Es, Seg.Ds, Seg.Fs, Seg.Gs])
        {
            var selector = s->Selectors[segment];
            if ((selector & 0xFFFC) == 0) continue;
            bool accessible;
            try
            {
                var descriptor = Read(s, selector);
                accessible = descriptor.IsConforming || descriptor.Dpl >= cpl;
            }
            catch (GuestFaultException)
            {
                accessible = false; // the descriptor is gone from the GDT: the outer level could not load it either
            }
            if (accessible) continue;
            s->Selectors[segment] = 0;
            s->SegmentBase[segment] = 0;
            s->SegmentLimit[segment] = 0;
        }
    }

    public static void Commit(CpuState* s, int segment, ushort selector, Descriptor descriptor)
    {
        s->Selectors[segment] = selector;
        s->SegmentBase[segment] = descriptor.Base;
        s->SegmentLimit[segment] = descriptor.Limit;
        var size = segment switch { Seg.Cs => CodeMode.Code32, Seg.Ss => CodeMode.Stack32, _ => CodeMode.Code16Stack16 };
        if (size != 0) s->CodeMode = descriptor.IsBig ? s->CodeMode | size : s->CodeMode & ~size;
    }
}
