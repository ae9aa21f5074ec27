namespace RuntimeLab.X86.Devices;

/// <summary>
/// A 16550A UART (COM1 at 0x3F8, IRQ 4). Transmitted bytes go straight to the output stream, so the
/// transmitter is always empty (LSR reports THRE and TEMT); there is no receive path yet (LSR.DR stays
/// clear). Registers: RBR/THR and IER (or the divisor latch with LCR.DLAB), IIR/FCR, LCR, MCR, LSR, MSR,
/// SCR. The transmitter-empty interrupt is raised on IRQ 4 when IER enables it and MCR.OUT2 connects
/// the line, and cleared by reading IIR or writing THR, as the datasheet describes.
/// </summary>
public sealed class Uart16550(Stream output, InterruptControllers pic, int irq = 4) : IPortDevice
{
    public const ushort Com1 = 0x3F8;

    private const byte LcrDlab = 0x80, IerTransmitEmpty = 0x02, McrOut2 = 0x08, McrLoop = 0x10;
    private byte _ier, _lcr, _mcr, _scr, _fcr, _divisorLow = 1, _divisorHigh;
    private bool _transmitEmptyPending;

    public uint Read(ushort port, int size)
    {
        var dlab = (_lcr & LcrDlab) != 0;
        switch (port - Com1)
        {
            case 0: return dlab ? _divisorLow : 0u;
            case 1: return dlab ? _divisorHigh : _ier;
            case 2:
                var fifo = (_fcr & 1) != 0 ? 0xC0u : 0u;
                if (_transmitEmptyPending && (_ier & IerTransmitEmpty) != 0)
                {
                    _transmitEmptyPending = false; // reading IIR while it reports THRE clears that interrupt
                    UpdateIrq();
                    return fifo | 0x02;
                }
                return fifo | 0x01;
            case 3: return _lcr;
            case 4: return _mcr;
            case 5: return 0x60; // THRE | TEMT: always ready to send, nothing received
            case 6: return (_mcr & McrLoop) != 0 ? (uint)((_mcr & 0x0F) << 4) : 0xB0u; // DCD, DSR, CTS asserted
            default: return _scr;
        }
    }

    public void Write(ushort port, int size, uint value)
    {
        var b = (byte)value;
        var dlab = (_lcr & LcrDlab) != 0;
        switch (port - Com1)
        {
            case 0:
                if (dlab) { _divisorLow = b; return; }
                if ((_mcr & McrLoop) == 0) output.WriteByte(b);
                _transmitEmptyPending = true; // sent at once: the holding register is empty again
                break;
            case 1:
                if (dlab) { _divisorHigh = b; return; }
                // Enabling the THRE interrupt while the holding register is empty raises it immediately.
                if ((b & IerTransmitEmpty) != 0 && (_ier & IerTransmitEmpty) == 0) _transmitEmptyPending = true;
                _ier = (byte)(b & 0x0F);
                break;
            case 2: _fcr = b; break;
            case 3: _lcr = b; break;
            case 4: _mcr = (byte)(b & 0x1F); break;
            case 7: _scr = b; break;
        }
        UpdateIrq();
    }

    private void UpdateIrq() =>
        pic.SetIrq(irq, (_mcr & McrOut2) != 0 && _transmitEmptyPending && (_ier & IerTransmitEmpty) != 0);
}
