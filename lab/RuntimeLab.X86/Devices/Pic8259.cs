namespace RuntimeLab.X86.Devices;

/// <summary>
/// One 8259A programmable interrupt controller: eight edge-triggered request lines, the request (IRR),
/// in-service (ISR) and mask (IMR) registers, fully nested fixed priority (line 0 highest), the ICW1-4
/// initialization sequence, OCW2 end-of-interrupt commands and OCW3 register reads. Not modelled:
/// rotating priorities, special mask mode, poll mode and level-triggered mode.
/// </summary>
public sealed class Pic8259
{
    private byte _irr, _isr, _lines;
    private bool _readIsr, _autoEoi, _expectsIcw4;
    private int _initStep; // 0: ready; 2, 3, 4: the next ICW expected

    public byte Mask { get; private set; }
    public byte VectorBase { get; private set; }

    public Pic8259(byte vectorBase, byte mask)
    {
        VectorBase = vectorBase;
        Mask = mask;
    }

    /// <summary>Drives request line <paramref name="line"/>; a rising edge latches a request.</summary>
    public void SetLine(int line, bool high)
    {
        var bit = (byte)(1 << line);
        if (high && (_lines & bit) == 0) _irr |= bit;
        _lines = high ? (byte)(_lines | bit) : (byte)(_lines & ~bit);
    }

    /// <summary>The line that would interrupt now: unmasked, requested, and above every line in service; or -1.</summary>
    public int PendingLine()
    {
        var requests = _irr & ~Mask;
        for (var line = 0; line < 8; line++)
        {
            if ((_isr & (1 << line)) != 0) return -1;
            if ((requests & (1 << line)) != 0) return line;
        }
        return -1;
    }

    /// <summary>The CPU's interrupt acknowledge: the request moves to in-service and the vector is returned.</summary>
    public byte Acknowledge(int line)
    {
        var bit = (byte)(1 << line);
        _irr &= (byte)~bit;
        if (!_autoEoi) _isr |= bit;
        return (byte)(VectorBase + line);
    }

    /// <summary>Port A0 = 0 (0x20 or 0xA0).</summary>
    public byte ReadCommand() => _readIsr ? _isr : _irr;

    /// <summary>Port A0 = 1 (0x21 or 0xA1).</summary>
    public byte ReadData() => Mask;

    public void WriteCommand(byte value)
    {
        if ((value & 0x10) != 0)
        {
            // ICW1: starts initialization; the mask, the requests and the in-service bits are cleared.
            _expectsIcw4 = (value & 1) != 0;
            _initStep = 2;
            Mask = 0;
            _irr = _isr = 0;
            _readIsr = false;
            _autoEoi = false;
            return;
        }
        if ((value & 0x08) != 0)
        {
            // OCW3: bit 1 selects a register read, bit 0 which one.
            if ((value & 0x02) != 0) _readIsr = (value & 0x01) != 0;
            return;
        }
        // OCW2: 0x20 non-specific EOI, 0x60 | n specific EOI; rotations are treated as their EOI part.
        var command = value >> 5;
        if (command == 1 || command == 5) _isr &= (byte)(_isr & (_isr - 1)); // clear the highest-priority (lowest) bit in service
        else if (command == 3 || command == 7) _isr &= (byte)~(1 << (value & 7));
    }

    public void WriteData(byte value)
    {
        switch (_initStep)
        {
            case 2:
                VectorBase = (byte)(value & 0xF8);
                _initStep = 3;
                break;
            case 3:
                _initStep = _expectsIcw4 ? 4 : 0;
                break;
            case 4:
                _autoEoi = (value & 0x02) != 0;
                _initStep = 0;
                break;
            default:
                Mask = value;
                break;
        }
    }
}
