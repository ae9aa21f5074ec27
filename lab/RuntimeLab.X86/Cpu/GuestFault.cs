namespace RuntimeLab.X86.Cpu;

/// <summary>The x86 exception vectors the emulator raises.</summary>
public enum FaultVector : byte
{
    DivideError = 0, Debug = 1, Breakpoint = 3, Overflow = 4, BoundRange = 5, InvalidOpcode = 6,
    DeviceNotAvailable = 7, DoubleFault = 8, InvalidTss = 10, SegmentNotPresent = 11, StackFault = 12,
    GeneralProtection = 13, PageFault = 14, FloatingPoint = 16, AlignmentCheck = 17,
}

/// <summary>What raised an interrupt: the IDT gate's DPL is checked only for software ones (INT n, INT3, INTO).</summary>
public enum InterruptSource : byte
{
    Exception = 0,
    Software = 1,
    Hardware = 2,
}

/// <summary>A guest-level exception: its vector, error code, and for #PF the faulting linear address (CR2).</summary>
public readonly record struct GuestFault(FaultVector Vector, uint ErrorCode, uint Address, InterruptSource Source = InterruptSource.Exception)
{
    /// <summary>Exceptions that push an error code on the handler's stack (#DF, #TS, #NP, #SS, #GP, #PF, #AC).</summary>
    public bool HasErrorCode => Source == InterruptSource.Exception &&
        Vector is FaultVector.DoubleFault or FaultVector.InvalidTss or FaultVector.SegmentNotPresent or FaultVector.StackFault
            or FaultVector.GeneralProtection or FaultVector.PageFault or FaultVector.AlignmentCheck;

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
public sealed class GuestFaultException(GuestFault fault, bool isTrap = false, bool afterTaskSwitch = false) : Exception(fault.ToString())
{
    public GuestFault Fault { get; } = fault;

    /// <summary>Traps (INT3, INTO) report the address after the instruction; faults the instruction itself.</summary>
    public bool IsTrap { get; } = isTrap;

    /// <summary>
    /// Raised while a task switch loaded the new task's segments: the switch has happened, and the fault
    /// belongs to the new task, at the EIP already loaded (neither the instruction's nor the next one's).
    /// </summary>
    public bool AfterTaskSwitch { get; } = afterTaskSwitch;

    public static GuestFaultException Trap(FaultVector vector) => new(new GuestFault(vector, 0, 0, InterruptSource.Software), isTrap: true);

    /// <summary>INT n in system mode: delivered through the IDT with the next instruction's address on the stack.</summary>
    public static GuestFaultException SoftwareInterrupt(byte vector) => new(new GuestFault((FaultVector)vector, 0, 0, InterruptSource.Software), isTrap: true);

    public static GuestFaultException PageFault(uint address, bool write, bool user = true, bool present = false) =>
        new(new GuestFault(FaultVector.PageFault, (present ? 1u : 0u) | (write ? 2u : 0u) | (user ? 4u : 0u), address));

    public static GuestFaultException Of(FaultVector vector, uint errorCode = 0) => new(new GuestFault(vector, errorCode, 0));
}
