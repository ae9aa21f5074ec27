namespace RuntimeLab.X86.Devices;

/// <summary>Why the machine stopped by a device's doing.</summary>
public enum DeviceStop
{
    /// <summary>isa-debug-exit: QEMU's status convention (value &lt;&lt; 1) | 1.</summary>
    DebugExit,
    /// <summary>A reset (i8042 0xFE, port 0x92 bit 0): with QEMU's -no-reboot the machine powers off with status 0.</summary>
    Reset,
}

/// <summary>What devices use to stop the machine; the run loop checks it after every OUT.</summary>
public sealed class MachineControl
{
    public (DeviceStop Kind, int Status)? StopRequest { get; private set; }

    /// <summary>The first request wins: later ones (say, a reset after an exit) change nothing.</summary>
    public void RequestStop(DeviceStop kind, int status) => StopRequest ??= (kind, status);
}
