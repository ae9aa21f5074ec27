namespace RuntimeLab.X86.Devices;

/// <summary>
/// Routes each port access to the device registered there. Unclaimed ports behave as on a PC's
/// ISA bus with nothing behind them: reads return all ones, writes are dropped.
/// </summary>
public sealed class PortBus : IPortBus
{
    private readonly IPortDevice?[] _devices = new IPortDevice?[0x10000];

    /// <summary>Registers <paramref name="device"/> for <paramref name="count"/> ports from <paramref name="first"/>.</summary>
    public void Register(ushort first, int count, IPortDevice device)
    {
        for (var port = first; port < first + count; port++)
        {
            if (_devices[port] is { } existing) throw new InvalidOperationException($"port 0x{port:x} is already claimed by {existing.GetType().Name}");
            _devices[port] = device;
        }
    }

    public uint Read(ushort port, int size) =>
        _devices[port] is { } device ? device.Read(port, size) & Mask(size) : Mask(size);

    public void Write(ushort port, int size, uint value) => _devices[port]?.Write(port, size, value & Mask(size));

    private static uint Mask(int size) => size == 4 ? 0xFFFF_FFFF : (1u << (8 * size)) - 1;
}
