using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>How a task switch was started: it decides the busy bits, the back link and EFLAGS.NT (Intel SDM vol. 3, 7.3 and 7.4).</summary>
public enum TaskSwitchKind
{
    /// <summary>JMP to a TSS or task gate: the old task is no longer busy, and nothing links back.</summary>
    Jump,
    /// <summary>CALL, INT n or an exception through a task gate: the new task links back to the old one and runs with NT set.</summary>
    Call,
    /// <summary>IRET with NT set: back to the task in the back link, and the old task is no longer busy.</summary>
    Return,
}

/// <summary>
/// Hardware task switching with 32-bit TSSes (types 9 and 0xB). The old task's EIP, EFLAGS, general and
/// segment registers are saved in its TSS, and the new task's are loaded with CR3 (when paging is on) and
/// the LDT; CR0.TS is set. Everything is read and checked before the first write, so a fault up to
/// there is precise; a fault while the new task's LDT and segments load comes after the switch, with the
/// new task's state (<see cref="GuestFaultException.AfterTaskSwitch"/>). Not modelled: 16-bit TSSes
/// (#GP), virtual-8086 tasks (VM is dropped from the loaded EFLAGS), the debug trap bit, and I/O
/// bitmaps beyond what <see cref="IoPermission"/> reads.
/// </summary>
public static unsafe class TaskSwitch
{
    private const uint MinimalLimit = 103;
    private const uint LoadedFlags = EflagsBits.Arithmetic | EflagsBits.TF | EflagsBits.IF | EflagsBits.DF | EflagsBits.Iopl |
        EflagsBits.NT | EflagsBits.RF | EflagsBits.AC | EflagsBits.ID;

    /// <summary>
    /// A far JMP or CALL whose selector names a system descriptor: a TSS or task gate switches tasks;
    /// any other system type (call gates, LDTs, busy TSSes) is #GP. False for code and data segments,
    /// which the caller handles.
    /// </summary>
    public static bool TryFarTransfer(CpuState* s, ushort selector, TaskSwitchKind kind, uint nextEip)
    {
        if ((selector & 0xFFFC) == 0) return false;
        var descriptor = ProtectedSegments.Read(s, selector);
        if (descriptor.IsCodeOrData) return false;
        var error = selector & 0xFFFCu;
        if (descriptor.Type is not (9 or 5)) throw GuestFaultException.Of(FaultVector.GeneralProtection, error);
        if (descriptor.Dpl < s->Cpl || descriptor.Dpl < (selector & 3)) throw GuestFaultException.Of(FaultVector.GeneralProtection, error);
        Switch(s, selector, descriptor, kind, nextEip);
        return true;
    }

    /// <summary>IRET with EFLAGS.NT: the back link must name a busy TSS in the GDT, else #TS(link).</summary>
    public static void ReturnToPreviousTask(CpuState* s, uint nextEip)
    {
        var link = SystemAddressSpace.Of(s).ReadSystem16(s->TaskBase);
        if ((link & 4) != 0) throw GuestFaultException.Of(FaultVector.InvalidTss, link & 0xFFFCu);
        var previous = ProtectedSegments.Read(s, link, FaultVector.InvalidTss);
        if (previous.IsCodeOrData || previous.Type != 0xB) throw GuestFaultException.Of(FaultVector.InvalidTss, link & 0xFFFCu);
        Switch(s, link, previous, TaskSwitchKind.Return, nextEip);
    }

    /// <summary>
    /// An interrupt or exception through a task gate of the IDT (present and privilege already checked by
    /// the caller): a switch like CALL, and an error code, when the exception has one, pushed on the new task's stack.
    /// </summary>
    public static void ThroughInterruptGate(CpuState* s, Descriptor gate, GuestFault interrupt)
    {
        Switch(s, 0, gate, TaskSwitchKind.Call, s->Eip);
        if (!interrupt.HasErrorCode) return;
        try
        {
            var esp = s->Regs[Gpr.Esp] - 4;
            SystemAddressSpace.Of(s).WriteSystem32(s->SegmentBase[Seg.Ss] + esp, interrupt.ErrorCode);
            s->Regs[Gpr.Esp] = esp;
        }
        catch (GuestFaultException fault) when (!fault.AfterTaskSwitch) { throw InNewTask(fault); }
    }

    /// <summary>Switches to the task whose TSS <paramref name="descriptor"/> describes, or that the task gate <paramref name="descriptor"/> names.</summary>
    private static void Switch(CpuState* s, ushort selector, Descriptor descriptor, TaskSwitchKind kind, uint nextEip)
    {
        if (!descriptor.IsCodeOrData && descriptor.Type == 5)
        {
            if (!descriptor.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, selector & 0xFFFCu);
            selector = descriptor.GateSelector;
            if ((selector & 4) != 0) throw GuestFaultException.Of(FaultVector.InvalidTss, selector & 0xFFFCu);
            descriptor = ProtectedSegments.Read(s, selector);
            // Through a gate the TSS must be an available 32-bit one (a busy one is #GP too).
            if (descriptor.IsCodeOrData || descriptor.Type != 9) throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);
        }
        var error = selector & 0xFFFCu;
        if (!descriptor.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, error);
        if ((selector & 4) != 0 || descriptor.Limit < MinimalLimit) throw GuestFaultException.Of(FaultVector.InvalidTss, error);

        var memory = SystemAddressSpace.Of(s);
        var tss = descriptor.Base;
        var cr3 = memory.ReadSystem32(tss + 0x1C);
        var eip = memory.ReadSystem32(tss + 0x20);
        var eflags = memory.ReadSystem32(tss + 0x24);
        Span<uint> registers = stackalloc uint[8];
        for (var r = 0; r < 8; r++) registers[r] = memory.ReadSystem32(tss + 0x28 + 4 * (uint)r);
        Span<ushort> selectors = stackalloc ushort[6];
        for (var seg = 0; seg < 6; seg++) selectors[seg] = memory.ReadSystem16(tss + 0x48 + 4 * (uint)seg);
        var ldt = memory.ReadSystem16(tss + 0x60);
        // Both ends of the old TSS are touched first, so that saving into it cannot fault halfway.
        memory.ReadSystem16(s->TaskBase);
        memory.ReadSystem16(s->TaskBase + MinimalLimit - 1);

        if (kind != TaskSwitchKind.Call) SetBusy(s, s->TaskRegister, busy: false);
        var oldFlags = s->Eflags;
        if (kind == TaskSwitchKind.Return) oldFlags &= ~EflagsBits.NT;
        var old = s->TaskBase;
        memory.WriteSystem32(old + 0x20, nextEip);
        memory.WriteSystem32(old + 0x24, oldFlags);
        for (var r = 0; r < 8; r++) memory.WriteSystem32(old + 0x28 + 4 * (uint)r, s->Regs[r]);
        for (var seg = 0; seg < 6; seg++) memory.WriteSystem16(old + 0x48 + 4 * (uint)seg, s->Selectors[seg]);
        if (kind == TaskSwitchKind.Call)
        {
            memory.WriteSystem16(tss, s->TaskRegister);
            eflags |= EflagsBits.NT;
        }
        if (kind != TaskSwitchKind.Return) SetBusy(s, selector, busy: true);

        // From here on the new task is current: a fault below is taken in its context.
        s->Cr0 |= Cr0Bits.TS;
        ControlRegisters.Cr0Changed(s);
        s->TaskRegister = selector;
        s->TaskBase = tss;
        s->TaskLimit = descriptor.Limit;
        if ((s->Cr0 & Cr0Bits.PG) != 0) s->Cr3 = cr3 & 0xFFFF_F018;
        s->Eip = eip;
        // Breakpoints local to the old task end with it (before SetEflags, which rechecks the slow path).
        s->DebugRegs[7] &= ~DebugRegisterBits.LocalEnables;
        s->SetEflags(eflags & LoadedFlags);
        for (var r = 0; r < 8; r++) s->Regs[r] = registers[r];
        // The selectors first, with empty caches, as the CPU does: the descriptors are checked below.
        for (var seg = 0; seg < 6; seg++)
        {
            s->Selectors[seg] = selectors[seg];
            s->SegmentBase[seg] = s->SegmentLimit[seg] = 0;
        }
        s->LdtRegister = (ushort)(ldt & ~4);
        s->LdtBase = s->LdtLimit = 0;
        // The TLB caches the old CPL's rights and the old CR3's translations.
        memory.TranslationChanged();

        try
        {
            LoadNewTaskSegments(s, ldt, selectors, eip);
        }
        catch (GuestFaultException fault) when (!fault.AfterTaskSwitch) { throw InNewTask(fault); }
    }

    private static void LoadNewTaskSegments(CpuState* s, ushort ldt, ReadOnlySpan<ushort> selectors, uint eip)
    {
        if ((ldt & 4) != 0) throw GuestFaultException.Of(FaultVector.InvalidTss, ldt & 0xFFFCu);
        if ((ldt & 0xFFFC) != 0) DescriptorTables.LoadLdt(s, ldt, FaultVector.InvalidTss, FaultVector.InvalidTss);
        var cpl = selectors[Seg.Cs] & 3;
        foreach (var segment in (ReadOnlySpan<int>)[Seg.Cs, Seg.Ss, Seg.Es, Seg.Ds, Seg.Fs, Seg.Gs])
            LoadSegment(s, segment, selectors[segment], cpl);
        if (eip > s->SegmentLimit[Seg.Cs]) throw GuestFaultException.Of(FaultVector.GeneralProtection);
    }

    /// <summary>A segment register of the new task: #TS(selector) for a wrong descriptor, #NP for a missing one.</summary>
    private static void LoadSegment(CpuState* s, int segment, ushort selector, int cpl)
    {
        var error = selector & 0xFFFCu;
        if ((selector & 0xFFFC) == 0)
        {
            if (segment is Seg.Cs or Seg.Ss) throw GuestFaultException.Of(FaultVector.InvalidTss, error);
            return;
        }
        var descriptor = ProtectedSegments.Read(s, selector, FaultVector.InvalidTss);
        var rpl = selector & 3;
        var valid = segment switch
        {
            Seg.Cs => descriptor.IsCode && (descriptor.IsConforming ? descriptor.Dpl <= rpl : descriptor.Dpl == rpl),
            Seg.Ss => descriptor.IsWritableData && descriptor.Dpl == cpl && descriptor.Dpl == rpl,
            _ => descriptor.IsReadable && (descriptor.IsConforming || (descriptor.Dpl >= cpl && descriptor.Dpl >= rpl)),
        };
        if (!valid) throw GuestFaultException.Of(FaultVector.InvalidTss, error);
        if (!descriptor.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, error);
        ProtectedSegments.Commit(s, segment, selector, descriptor);
    }

    private static void SetBusy(CpuState* s, ushort selector, bool busy)
    {
        var memory = SystemAddressSpace.Of(s);
        var high = ProtectedSegments.DescriptorAddress(s, selector) + 4;
        var value = memory.ReadSystem32(high);
        memory.WriteSystem32(high, busy ? value | (2 << 8) : value & ~(2u << 8));
    }

    /// <summary>A fault of the new task's loading: taken after the switch, with EIP the new task's.</summary>
    private static GuestFaultException InNewTask(GuestFaultException fault) => new(fault.Fault, afterTaskSwitch: true);
}
