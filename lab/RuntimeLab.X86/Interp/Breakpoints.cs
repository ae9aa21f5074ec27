using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// The debug registers and the #DB exceptions they and EFLAGS.TF raise (Intel SDM vol. 3, 18.2-18.3),
/// as qemu-system-i386 reports them. DR7 enables breakpoint n with Ln or Gn and gives its kind (RW: 00
/// execute, 01 write, 11 read or write) and length (LEN: 1, 2, 8 or 4 bytes). An instruction breakpoint
/// is a fault before the instruction (unless EFLAGS.RF is set, which the instruction then clears); a data
/// breakpoint and single-stepping are traps after it. On a #DB, DR6's B0-B3 name the breakpoints that
/// matched, and the instruction breakpoints at the return address (enabled or not, as QEMU computes
/// them), while BS and the upper bits stay until software clears them. All of it runs only while
/// <see cref="CpuState.SlowPath"/> has the run loop step one instruction at a time; data accesses are seen
/// because the soft MMU leaves watched pages out of the TLB (<see cref="SystemAddressSpace"/>). Not
/// modelled, as in QEMU: I/O breakpoints (they need CR4.DE), DR7.GD (stored, without effect) and the
/// TSS's debug trap bit.
/// ICEBP (F1) stays #UD: qemu-system-i386 7.2 is built without it (WANT_ICEBP), and so raises #UD.
/// </summary>
public static unsafe class Breakpoints
{
    private const uint Execute = 0, Write = 1, ReadWrite = 3;

    /// <summary>MOV to DRn: DR4 and DR5 are DR6 and DR7 (CR4.DE is never set); DR6 and DR7 keep their fixed bits.</summary>
    public static void WriteRegister(CpuState* s, int register, uint value)
    {
        switch (register)
        {
            case 4 or 6: s->DebugRegs[6] = value | DebugRegisterBits.Dr6Fixed; return;
            case 5 or 7: s->DebugRegs[7] = value | DebugRegisterBits.Dr7Fixed; break;
            default: s->DebugRegs[register] = value; break;
        }
        s->RefreshSlowPath();
        // The TLB may hold pages a data breakpoint now watches.
        SystemAddressSpace.Of(s).FlushTlb();
    }

    public static uint ReadRegister(CpuState* s, int register) => s->DebugRegs[register switch { 4 => 6, 5 => 7, _ => register }];

    /// <summary>The reset values of DR6 and DR7.</summary>
    public static void Reset(CpuState* s)
    {
        s->DebugRegs[6] = DebugRegisterBits.Dr6Fixed;
        s->DebugRegs[7] = DebugRegisterBits.Dr7Fixed;
        s->RefreshSlowPath();
    }

    /// <summary>
    /// Before a stepped instruction: an enabled instruction breakpoint at it raises #DB, a fault, unless RF
    /// is set. Returns whether the previous instruction opened a step shadow (MOV SS, POP SS, STI).
    /// </summary>
    public static bool BeforeInstruction(CpuState* s, DecodedOp* op)
    {
        var shadowed = s->StepShadow != 0;
        s->StepShadow = 0;
        s->DataBreakpointHits = 0;
        if ((s->FlagsRest & EflagsBits.RF) != 0) return shadowed;
        var matched = InstructionBreakpointsAt(s, op->Eip);
        if ((matched & EnabledMask(s)) == 0) return shadowed;
        s->DebugRegs[6] = (s->DebugRegs[6] & ~DebugRegisterBits.Hits) | matched;
        throw GuestFaultException.Of(FaultVector.Debug);
    }

    /// <summary>
    /// After a stepped instruction that completed: RF, if it was set when the instruction began, is
    /// cleared; and a #DB trap is due when TF was set then, or a data breakpoint was hit. Returns whether
    /// the trap is due (DR6 already updated). MOV SS and POP SS delay the single-step trap to after the
    /// next instruction; so does STI, unless the instruction before it already opened a shadow (that is
    /// what qemu-system-i386 does; it delays the trap for STI, where hardware would not).
    /// </summary>
    public static bool AfterInstruction(CpuState* s, uint flagsAtStart, bool shadowedBefore)
    {
        var shadow = s->StepShadow;
        if (shadow == CpuState.StackShadow || (shadow == CpuState.StiShadow && !shadowedBefore)) flagsAtStart &= ~EflagsBits.TF;
        // A shadow does not last two instructions: one opened inside another closes with it.
        if (shadowedBefore) s->StepShadow = 0;
        if ((flagsAtStart & EflagsBits.RF) != 0)
        {
            s->FlagsRest &= ~EflagsBits.RF;
            s->RefreshSlowPath();
        }
        var data = s->DataBreakpointHits;
        s->DataBreakpointHits = 0;
        var stepped = (flagsAtStart & EflagsBits.TF) != 0;
        if (!stepped && data == 0) return false;
        var dr6 = (s->DebugRegs[6] & ~DebugRegisterBits.Hits) | data | InstructionBreakpointsAt(s, s->Eip);
        s->DebugRegs[6] = stepped ? dr6 | DebugRegisterBits.SingleStep : dr6;
        return true;
    }

    /// <summary>
    /// Called by the memory slow path for a guest data access while some breakpoint is enabled. An
    /// unaligned access of 2, 4 or 8 bytes is matched as the two aligned blocks of its size that hold it,
    /// because that is how qemu-system-i386 performs it (hardware would match only the bytes accessed).
    /// </summary>
    public static void RecordDataAccess(CpuState* s, uint address, uint length, bool write)
    {
        if (length is 2 or 4 or 8 && (address & (length - 1)) != 0)
        {
            address &= ~(length - 1);
            length *= 2;
        }
        for (var n = 0; n < 4; n++)
        {
            if (!IsEnabled(s, n)) continue;
            var kind = Kind(s, n);
            if (kind != ReadWrite && (kind != Write || !write)) continue;
            var start = s->DebugRegs[n];
            if (address < start + Length(s, n) && start < address + length) s->DataBreakpointHits |= 1u << n;
        }
    }

    /// <summary>Whether an enabled data breakpoint covers part of the linear page (whose accesses must then miss the TLB).</summary>
    public static bool WatchesPage(CpuState* s, uint page)
    {
        for (var n = 0; n < 4; n++)
        {
            if (!IsEnabled(s, n) || Kind(s, n) == Execute) continue;
            var start = s->DebugRegs[n];
            if (start >> 12 == page || (start + Length(s, n) - 1) >> 12 == page) return true;
        }
        return false;
    }

    private static uint InstructionBreakpointsAt(CpuState* s, uint eip)
    {
        var matched = 0u;
        for (var n = 0; n < 4; n++)
            if (Kind(s, n) == Execute && s->DebugRegs[n] == eip) matched |= 1u << n;
        return matched;
    }

    private static uint EnabledMask(CpuState* s)
    {
        var mask = 0u;
        for (var n = 0; n < 4; n++) if (IsEnabled(s, n)) mask |= 1u << n;
        return mask;
    }

    private static bool IsEnabled(CpuState* s, int n) => ((s->DebugRegs[7] >> (2 * n)) & 3) != 0;
    private static uint Kind(CpuState* s, int n) => (s->DebugRegs[7] >> (16 + 4 * n)) & 3;

    /// <summary>LEN: 00 one byte, 01 two, 11 four, 10 eight.</summary>
    private static uint Length(CpuState* s, int n)
    {
        var len = (s->DebugRegs[7] >> (18 + 4 * n)) & 3;
        return len == 2 ? 8 : len + 1;
    }
}
