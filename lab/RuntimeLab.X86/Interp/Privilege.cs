using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Interp;

/// <summary>The gates in front of system instructions.</summary>
public static unsafe class Privilege
{
    /// <summary>
    /// The system family exists only in the bare-metal machine: in Linux user mode these instructions
    /// stay #UD (SIGILL), as before the machine existed. In system mode they need CPL 0, else #GP(0).
    /// </summary>
    public static void RequireRing0(CpuState* s)
    {
        if (s->Mode != ExecutionMode.System) throw GuestFaultException.Of(FaultVector.InvalidOpcode);
        if (s->Cpl != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
    }

    /// <summary>CLI and STI: allowed when CPL &lt;= IOPL (port I/O may also be allowed by the TSS, see <see cref="IoPermission"/>).</summary>
    public static void RequireIopl(CpuState* s)
    {
        if (s->Mode != ExecutionMode.System) throw GuestFaultException.Of(FaultVector.InvalidOpcode);
        if (s->Cpl > Iopl(s)) throw GuestFaultException.Of(FaultVector.GeneralProtection);
    }

    public static int Iopl(CpuState* s) => (int)(s->FlagsRest >> 12) & 3;

    /// <summary>Instructions that only make sense in the machine (far transfers, IRET): #UD in Linux user mode, as before.</summary>
    public static void RequireSystemMode(CpuState* s)
    {
        if (s->Mode != ExecutionMode.System) throw GuestFaultException.Of(FaultVector.InvalidOpcode);
    }
}
