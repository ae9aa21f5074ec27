namespace RuntimeLab.X86.Devices;

/// <summary>
/// A PC's cascaded pair of 8259A PICs: the master at ports 0x20/0x21, the slave at 0xA0/0xA1 feeding
/// the master's line 2. Their state at power-on is what SeaBIOS leaves for a multiboot kernel under
/// QEMU (measured with lab/guests/kernels/entry-state.c): vector bases 0x08 and 0x70, the master masking
/// all but lines 0, 1, 2 and 6, the slave all but 8, 12, 13 and 14.
/// </summary>
public sealed class InterruptControllers : IPortDevice
{
    public const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;
    private const int CascadeLine = 2;

    private readonly Pic8259 _master = new(0x08, 0xB8);
    private readonly Pic8259 _slave = new(0x70, 0x8E);

    /// <summary>Drives ISA interrupt line <paramref name="irq"/> (0-15).</summary>
    public void SetIrq(int irq, bool high)
    {
        if (irq < 8) _master.SetLine(irq, high);
        else
        {
            _slave.SetLine(irq - 8, high);
            _master.SetLine(CascadeLine, _slave.PendingLine() >= 0);
        }
    }

    /// <summary>A rising and falling edge: how the PIT's output looks to an edge-triggered PIC.</summary>
    public void Pulse(int irq)
    {
        SetIrq(irq, true);
        SetIrq(irq, false);
    }

    /// <summary>Whether a request on ISA line <paramref name="irq"/> could get through the masks (a halted CPU waits only for those).</summary>
    public bool IsUnmasked(int irq) => irq < 8
        ? (_master.Mask & (1 << irq)) == 0
        : (_slave.Mask & (1 << (irq - 8))) == 0 && (_master.Mask & (1 << CascadeLine)) == 0;

    /// <summary>Whether the master would raise INTR now.</summary>
    public bool HasPending => _master.PendingLine() >= 0;

    /// <summary>The interrupt acknowledge cycle: the vector of the highest-priority pending request, or null if none.</summary>
    public byte? Acknowledge()
    {
        var line = _master.PendingLine();
        if (line < 0) return null;
        if (line != CascadeLine) return _master.Acknowledge(line);
        var slaveLine = _slave.PendingLine();
        _master.Acknowledge(CascadeLine);
        _master.SetLine(CascadeLine, false);
        if (slaveLine < 0) return (byte)(_slave.VectorBase + 7); // a spurious interrupt from the slave
        var vector = _slave.Acknowledge(slaveLine);
        _master.SetLine(CascadeLine, _slave.PendingLine() >= 0);
        return vector;
    }

    public uint Read(ushort port, int size) => port switch
    {
        MasterCommand => _master.ReadCommand(),
        MasterData => _master.ReadData(),
        SlaveCommand => _slave.ReadCommand(),
        _ => _slave.ReadData(),
    };

    public void Write(ushort port, int size, uint value)
    {
        switch (port)
        {
            case MasterCommand: _master.WriteCommand((byte)value); break;
            case MasterData: _master.WriteData((byte)value); break;
            case SlaveCommand: _slave.WriteCommand((byte)value); break;
            default: _slave.WriteData((byte)value); break;
        }
        // An EOI or an unmask on the slave may let a request through to the master now.
        _master.SetLine(CascadeLine, _slave.PendingLine() >= 0);
    }
}
