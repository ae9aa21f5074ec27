using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Delivers an exception, a software interrupt or a hardware interrupt through the IDT in protected
/// mode (Intel SDM vol. 3, 6.12): the gate is checked, the handler's code segment read, the stack
/// switched to SS0:ESP0 of the TSS when the handler is more privileged, and EFLAGS, CS, EIP (and an
/// error code) pushed. Everything is read and every push written before any register changes, so a
/// fault during delivery leaves the state as it was and the machine can turn it into a double fault.
/// A task gate switches tasks (<see cref="TaskSwitch"/>); 16-bit gates raise #GP: they are not modelled.
/// </summary>
public static unsafe class InterruptDelivery
{
    /// <summary>Delivers <paramref name="interrupt"/>; the return address is the current EIP (set by the interpreter for faults and traps).</summary>
    public static void Deliver(CpuState* s, GuestFault interrupt)
    {
        if (s->IsRealMode) { RealMode.Deliver(s, interrupt); return; }
        var vector = (uint)interrupt.Vector;
        // EXT: the error code of a fault during delivery says whether an external event caused it.
        var external = interrupt.Source == InterruptSource.Software ? 0u : 1u;
        var gateError = (vector << 3) | 2 | external;
        if (interrupt.Vector == FaultVector.PageFault) s->Cr2 = interrupt.Address;

        if ((vector << 3) + 7 > s->Idt.Limit) throw GuestFaultException.Of(FaultVector.GeneralProtection, gateError);
        var memory = SystemAddressSpace.Of(s);
        var gate = new Descriptor(memory.ReadSystem32(s->Idt.Base + (vector << 3)), memory.ReadSystem32(s->Idt.Base + (vector << 3) + 4));
        if (!gate.IsInterruptGate && !gate.IsTrapGate && !gate.IsTaskGate) throw GuestFaultException.Of(FaultVector.GeneralProtection, gateError);
        var cpl = s->Cpl;
        if (interrupt.Source == InterruptSource.Software && gate.Dpl < cpl) throw GuestFaultException.Of(FaultVector.GeneralProtection, gateError);
        if (!gate.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, gateError);
        if (gate.IsTaskGate) { TaskSwitch.ThroughInterruptGate(s, gate, interrupt); return; }

        var code = ProtectedSegments.ReadCode(s, gate.GateSelector);
        var newCpl = code.IsConforming ? cpl : code.Dpl;
        if (newCpl > cpl) throw GuestFaultException.Of(FaultVector.GeneralProtection, (gate.GateSelector & 0xFFFCu) | external);

        var eflags = s->Eflags;
        Span<uint> frame = stackalloc uint[6];
        var count = 0;
        if (newCpl < cpl)
        {
            frame[count++] = s->Selectors[Seg.Ss];
            frame[count++] = s->Regs[Gpr.Esp];
        }
        frame[count++] = eflags;
        frame[count++] = s->Selectors[Seg.Cs];
        frame[count++] = s->Eip;
        if (interrupt.HasErrorCode) frame[count++] = interrupt.ErrorCode;

        uint stackBase, esp;
        ushort stackSelector = s->Selectors[Seg.Ss];
        Descriptor stack = default;
        if (newCpl < cpl)
        {
            (stackSelector, esp) = TaskStateSegment.InnerStack(s, newCpl);
            stack = ProtectedSegments.ReadStack(s, stackSelector, newCpl, FaultVector.InvalidTss);
            stackBase = stack.Base;
        }
        else
        {
            stackBase = s->SegmentBase[Seg.Ss];
            esp = s->Regs[Gpr.Esp];
        }
        // Highest address first: frame[0] is the first push.
        for (var k = 0; k < count; k++) memory.WriteSystem32(stackBase + esp - 4 * (uint)(k + 1), frame[k]);

        if (newCpl < cpl) ProtectedSegments.Commit(s, Seg.Ss, stackSelector, stack);
        s->Regs[Gpr.Esp] = esp - 4 * (uint)count;
        ProtectedSegments.CommitCode(s, gate.GateSelector, code, newCpl);
        s->Eip = gate.GateOffset;
        var cleared = EflagsBits.TF | EflagsBits.NT | EflagsBits.RF | EflagsBits.VM | (gate.IsInterruptGate ? EflagsBits.IF : 0);
        s->SetEflags(eflags & ~cleared);
    }
}
