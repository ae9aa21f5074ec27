namespace RuntimeLab.X86.Devices;

/// <summary>The machine's I/O port space as IN and OUT see it: 65536 byte-wide ports, accessed 1, 2 or 4 bytes at a time.</summary>
public interface IPortBus
{
    uint Read(ushort port, int size);
    void Write(ushort port, int size, uint value);
}

/// <summary>One device's ports. A device answers for the ports it was registered at; the bus routes each access.</summary>
public interface IPortDevice
{
    /// <summary>Reads <paramref name="size"/> bytes at <paramref name="port"/> (a port the device was registered for).</summary>
    uint Read(ushort port, int size);
    void Write(ushort port, int size, uint value);
}
