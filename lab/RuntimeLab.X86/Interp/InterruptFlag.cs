using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// CLI, STI and the system-mode side of POPF: the instructions that change EFLAGS.IF. When they
/// enable interrupts while one is waiting (<see cref="CpuState.PendingInterrupts"/>), the run loop is
/// asked to stop at the end of the block so the machine can deliver it. Because STI does not end its
/// block, the instruction after it still runs first, which is the STI interrupt shadow `sti; hlt` needs.
/// </summary>
public static unsafe class InterruptFlag
{
    public static void Cli(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireIopl(s);
        s->FlagsRest &= ~EflagsBits.IF;
    }

    public static void Sti(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireIopl(s);
        s->FlagsRest |= EflagsBits.IF;
        s->StepShadow = CpuState.StiShadow;
        RequestDeliveryIfPending(s);
    }

    /// <summary>POPF at any CPL in system mode: IOPL changes only at CPL 0, IF only when CPL &lt;= IOPL; VM and RF are never set by POPF.</summary>
    public static void Popf(CpuState* s, uint value)
    {
        var cpl = s->Cpl;
        var writable = EflagsBits.Arithmetic | EflagsBits.TF | EflagsBits.DF | EflagsBits.NT | EflagsBits.AC | EflagsBits.ID;
        if (cpl == 0) writable |= EflagsBits.Iopl;
        if (cpl <= Privilege.Iopl(s)) writable |= EflagsBits.IF;
        s->SetEflags((s->Eflags & ~writable) | (value & writable));
        RequestDeliveryIfPending(s);
    }

    public static void RequestDeliveryIfPending(CpuState* s)
    {
        if ((s->FlagsRest & EflagsBits.IF) != 0 && s->PendingInterrupts != 0) s->Stop = StopReason.DeviceRequest;
    }
}
