namespace RuntimeLab.X86.Cpu;

/// <summary>The x86 exception vectors the emulator raises.</summary>
public enum FaultVector : byte
{
    DivideError = 0, Debug = 1, Breakpoint = 3, Overflow = 4, BoundRange = 5, InvalidOpcode = 6,
    DeviceNotAvailable = 7, DoubleFault = 8, InvalidTss = 10, SegmentNotPresent = 11, StackFault = 12,
    GeneralProtection = 13, PageFault = 14, FloatingPoint = 16, AlignmentCheck = 17,
}

/// <summary>A guest-level exception: its vector, error code, and for #PF the faulting linear address (CR2).</summary>
public readonly record struct GuestFault(FaultVector Vector, uint ErrorCode, uint Address)
{
    public override string ToString() => Vector == FaultVector.PageFault
        ? $"#PF at 0x{Address:x8} (error code 0x{ErrorCode:x})"
        : $"#{Mnemonic(Vector)} (error code 0x{ErrorCode:x})";

    private static string Mnemonic(FaultVector vector) => vector switch
    {
        FaultVector.DivideError => "DE", FaultVector.InvalidOpcode => "UD", FaultVector.GeneralProtection => "GP",
        FaultVector.StackFault => "SS", FaultVector.Breakpoint => "BP", FaultVector.Overflow => "OF",
        FaultVector.BoundRange => "BR", FaultVector.DeviceNotAvailable => "NM", FaultVector.FloatingPoint => "MF",
        FaultVector.AlignmentCheck => "AC", FaultVector.SegmentNotPresent => "NP", FaultVector.InvalidTss => "TS",
        _ => vector.ToString(),
    };
}

/// <summary>
/// Thrown by a handler to abandon the current instruction. Handlers do all their reads and checks
/// before their first architectural write, so the state is exactly as before the instruction.
/// </summary>
public sealed class GuestFaultException(GuestFault fault, bool isTrap = false) : Exception(fault.ToString())
{
    public GuestFault Fault { get; } = fault;

    /// <summary>Traps (INT3, INTO) report the address after the instruction; faults the instruction itself.</summary>
    public bool IsTrap { get; } = isTrap;

    public static GuestFaultException Trap(FaultVector vector) => new(new GuestFault(vector, 0, 0), isTrap: true);

    public static GuestFaultException PageFault(uint address, bool write, bool user = true) =>
        new(new GuestFault(FaultVector.PageFault, (write ? 2u : 0u) | (user ? 4u : 0u), address));

    public static GuestFaultException Of(FaultVector vector, uint errorCode = 0) => new(new GuestFault(vector, errorCode, 0));
}
