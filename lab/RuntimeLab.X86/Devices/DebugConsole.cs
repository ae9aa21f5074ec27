namespace RuntimeLab.X86.Devices;

/// <summary>
/// Port 0xE9, QEMU's -debugcon and Bochs's port_e9_hack: each byte written is a character of output,
/// sent to the stream given (a file or stderr), or discarded without one, as QEMU does. Reading the
/// port returns 0xE9, which is how software detects the console.
/// </summary>
public sealed class DebugConsole(Stream? output) : IPortDevice
{
    public const ushort Port = 0xE9;

    public uint Read(ushort port, int size) => 0xE9;

    public void Write(ushort port, int size, uint value) => output?.WriteByte((byte)value);
}
