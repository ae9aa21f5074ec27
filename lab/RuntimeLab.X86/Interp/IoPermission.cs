using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Who may touch an I/O port (Intel SDM vol. 1, 18.5): code at CPL &lt;= IOPL always may; otherwise
/// the current TSS's I/O permission bitmap decides, starting at the 16-bit offset stored at TSS
/// byte 0x66. Every bit of a multi-byte access must be clear. A bitmap byte past the TSS limit, or a
/// TSS too short to hold the offset, refuses the access with #GP(0).
/// </summary>
public static unsafe class IoPermission
{
    private const uint BitmapOffsetField = 0x66;
    /// <summary>The smallest 32-bit TSS (104 bytes) a bitmap offset can be read from.</summary>
    private const uint MinimalTssLimit = 103;

    public static void Require(CpuState* s, ushort port, int bytes)
    {
        if (s->Mode != ExecutionMode.System) throw GuestFaultException.Of(FaultVector.InvalidOpcode);
        if (s->Cpl <= Privilege.Iopl(s)) return;
        if ((s->TaskRegister & 0xFFFC) == 0 || s->TaskLimit < MinimalTssLimit) throw GuestFaultException.Of(FaultVector.GeneralProtection);
        var memory = SystemAddressSpace.Of(s);
        var offset = memory.ReadSystem16(s->TaskBase + BitmapOffsetField) + ((uint)port >> 3);
        // Two bytes are read because an access of up to four ports may straddle a byte boundary.
        if (offset + 1 > s->TaskLimit) throw GuestFaultException.Of(FaultVector.GeneralProtection);
        var bits = (uint)memory.ReadSystem16(s->TaskBase + offset) >> (port & 7);
        if ((bits & ((1u << bytes) - 1)) != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
    }
}
