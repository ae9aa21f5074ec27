namespace RuntimeLab.X86.Devices;

/// <summary>
/// QEMU's isa-debug-exit at port 0xF4 (iosize 4): writing value v ends the machine with exit status
/// (v &lt;&lt; 1) | 1, so a test kernel can report success or failure to the host. Reads return 0.
/// </summary>
public sealed class DebugExit(MachineControl control) : IPortDevice
{
    public const ushort Port = 0xF4;

    public uint Read(ushort port, int size) => 0;

    public void Write(ushort port, int size, uint value) => control.RequestStop(DeviceStop.DebugExit, (int)((value << 1) | 1));
}
