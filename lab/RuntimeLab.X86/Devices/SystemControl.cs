namespace RuntimeLab.X86.Devices;

/// <summary>
/// The bits of a PC's chipset a kernel pokes at boot: the i8042 keyboard controller (status, and
/// command 0xFE, which pulses the reset line), port 0x92 ("fast A20": A20 always on, bit 0 resets),
/// and port 0x80, the POST diagnostic port, where writes are ignored. The keyboard itself is absent.
/// </summary>
public sealed class SystemControl(MachineControl control) : IPortDevice
{
    public const ushort KeyboardData = 0x60, KeyboardStatus = 0x64, FastA20 = 0x92, PostCode = 0x80;

    /// <summary>Status: system flag (POST passed) and keyboard not inhibited; both buffers empty.</summary>
    private const byte Status = 0x14;

    public uint Read(ushort port, int size) => port switch
    {
        KeyboardStatus => Status,
        FastA20 => 0x02,
        _ => 0,
    };

    public void Write(ushort port, int size, uint value)
    {
        if ((port == KeyboardStatus && value == 0xFE) || (port == FastA20 && (value & 1) != 0)) control.RequestStop(DeviceStop.Reset, 0);
    }
}
