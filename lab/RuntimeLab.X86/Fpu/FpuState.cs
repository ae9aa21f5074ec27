using System.Runtime.InteropServices;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// The x87 unit inside <see cref="Cpu.CpuState"/>, at fixed offsets like the rest of the guest state:
/// eight physical registers R0..R7 (not stack-relative: ST(i) is R[(Top + i) &amp; 7]), control and
/// status words, the tags, and the last instruction and data pointers that FNSTENV and FNSAVE store.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct FpuState
{
    public const int RegisterSlotBytes = 16;
    public const ushort InitialControl = 0x037F;

    /// <summary>R0..R7 as <see cref="Float80"/>s in 16-byte slots.</summary>
    public fixed ulong RegisterWords[8 * 2];
    public ushort Control;
    /// <summary>The status word with TOP (bits 11..13) kept apart, in <see cref="Top"/>.</summary>
    public ushort Status;
    public byte Top;
    /// <summary>Bit i set: physical register i is empty (tag 11). The other tags are derived from the values when stored.</summary>
    public byte EmptyMask;
    /// <summary>Last non-control instruction: its offset and CS; last memory operand: its offset and segment selector.</summary>
    public ushort Fcs, Fds;
    public uint Fip, Fdp;
    /// <summary>The operands and results of a call into the host's x87 (<see cref="X87Host"/>).</summary>
    public HostFrame Host;

    /// <summary>The state FNINIT leaves (and a new CPU has): all registers empty, every exception masked, 64-bit precision, round to nearest.</summary>
    public void Initialize()
    {
        Control = InitialControl;
        Status = 0;
        Top = 0;
        EmptyMask = 0xFF;
        Fcs = Fds = 0;
        Fip = Fdp = 0;
    }

    public ushort StatusWithTop => (ushort)((Status & ~0x3800) | (Top << 11));
}

/// <summary>
/// The block a host x87 helper reads and writes: the guest control word (with every exception
/// masked, so the host never traps), the host's own control word saved around the call, the status
/// word the operation produced, and up to two operands and two results in 16-byte slots. Integer and
/// float32/64 operands use the low bytes of a slot.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
public struct HostFrame
{
    public const int ControlOffset = 0, StatusOffset = 2, SavedControlOffset = 4, AOffset = 16, BOffset = 32, ResultOffset = 48, Result2Offset = 64;

    [FieldOffset(ControlOffset)] public ushort Control;
    [FieldOffset(StatusOffset)] public ushort Status;
    [FieldOffset(SavedControlOffset)] public ushort SavedControl;
    [FieldOffset(AOffset)] public Float80 A;
    [FieldOffset(AOffset)] public ulong ABits;
    [FieldOffset(BOffset)] public Float80 B;
    [FieldOffset(ResultOffset)] public Float80 Result;
    [FieldOffset(ResultOffset)] public ulong ResultBits;
    [FieldOffset(Result2Offset)] public Float80 Result2;
}
