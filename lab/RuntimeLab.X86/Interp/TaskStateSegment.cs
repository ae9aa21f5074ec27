using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// The 32-bit TSS as far as ring transitions need it: LTR loads the task register, and an interrupt
/// into a more privileged handler takes its stack from SSn:ESPn (offsets 4 + 8n and 8 + 8n). Hardware
/// task switches are in <see cref="TaskSwitch"/>.
/// </summary>
public static unsafe class TaskStateSegment
{
    public static void LoadTaskRegister(CpuState* s, ushort selector)
    {
        if ((selector & 0xFFFC) == 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
        var tss = ProtectedSegments.Read(s, selector);
        var error = selector & 0xFFFCu;
        // Only an available TSS may be loaded; LTR marks it busy, as the CPU does.
        if (!tss.IsTss32 || (tss.Type & 2) != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection, error);
        if (!tss.Present) throw GuestFaultException.Of(FaultVector.SegmentNotPresent, error);
        var memory = SystemAddressSpace.Of(s);
        memory.WriteSystem32(s->Gdt.Base + (uint)(selector & ~7) + 4, tss.High | (2 << 8));
        s->TaskRegister = selector;
        s->TaskBase = tss.Base;
        s->TaskLimit = tss.Limit;
    }

    /// <summary>SSn:ESPn for privilege level <paramref name="cpl"/>, or #TS when the TSS is missing or too short.</summary>
    public static (ushort Selector, uint Esp) InnerStack(CpuState* s, int cpl)
    {
        var offset = 4 + 8 * (uint)cpl;
        if ((s->TaskRegister & 0xFFFC) == 0 || offset + 5 > s->TaskLimit)
            throw GuestFaultException.Of(FaultVector.InvalidTss, s->TaskRegister & 0xFFFCu);
        var memory = SystemAddressSpace.Of(s);
        return ((ushort)memory.ReadSystem32(s->TaskBase + offset + 4), memory.ReadSystem32(s->TaskBase + offset));
    }
}
