namespace RuntimeLab.X86.Devices;

/// <summary>
/// A device that raises an interrupt at points of virtual time (the PIT, the RTC). The machine runs
/// the CPU no further than the earliest <see cref="NextInterrupt"/>, so the interrupt is taken on
/// time, and a halted CPU skips ahead to it instead of waiting on the host.
/// </summary>
public interface IInterruptTimer
{
    /// <summary>The ISA line it drives.</summary>
    int Irq { get; }

    /// <summary>Drives the line for whatever happened up to now.</summary>
    void Update(InterruptControllers pic);

    /// <summary>When the device next raises its line, in virtual nanoseconds; null if it cannot now.</summary>
    ulong? NextInterrupt { get; }
}
