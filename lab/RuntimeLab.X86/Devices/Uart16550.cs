namespace RuntimeLab.X86.Devices;

/// <summary>
/// A 16550A UART (COM1 at 0x3F8, IRQ 4). Transmitted bytes go straight to the output stream, so the
/// transmitter is always empty (LSR reports THRE and TEMT). Received bytes come from the input stream,
/// read by a background thread into a queue (LSR.DR while it holds any). Registers: RBR/THR and IER (or
/// the divisor latch with LCR.DLAB), IIR/FCR, LCR, MCR, LSR, MSR, SCR. The received-data and
/// transmitter-empty interrupts are raised on IRQ 4 when IER enables them and MCR.OUT2 connects the
/// line; THRE is cleared by reading IIR or writing THR, received data by reading RBR, as the datasheet
/// describes. Input timing is the host's, so only a guest that polls or waits for input is reproducible.
/// </summary>
public sealed class Uart16550 : IPortDevice
{
    public const ushort Com1 = 0x3F8;

    private const byte LcrDlab = 0x80, IerReceivedData = 0x01, IerTransmitEmpty = 0x02, McrOut2 = 0x08, McrLoop = 0x10;
    private readonly Stream _output;
    private readonly InterruptControllers _pic;
    private readonly int _irq;
    private readonly System.Collections.Concurrent.BlockingCollection<byte> _received = new();
    private readonly ManualResetEventSlim _arrived = new();
    private byte _ier, _lcr, _mcr, _scr, _fcr, _divisorLow = 1, _divisorHigh;
    private bool _transmitEmptyPending;

    public Uart16550(Stream output, InterruptControllers pic, Stream? input = null, int irq = 4)
    {
        _output = output;
        _pic = pic;
        _irq = irq;
        if (input is null) { _received.CompleteAdding(); return; }
        var reader = new Thread(() => Receive(input)) { IsBackground = true, Name = "COM1 input" };
        reader.Start();
    }

    /// <summary>False once the input is exhausted and every byte of it was read: waiting for more is pointless.</summary>
    public bool MayReceive => !_received.IsCompleted;

    /// <summary>Waits up to <paramref name="timeout"/> of host time for input (the machine halts with nothing else to wake it).</summary>
    public void WaitForInput(TimeSpan timeout)
    {
        _arrived.Reset();
        if (_received.Count > 0 || _received.IsAddingCompleted) return;
        _arrived.Wait(timeout);
    }

    /// <summary>Called by the machine between slices: raises IRQ 4 for bytes that arrived meanwhile.</summary>
    public void Poll() => UpdateIrq();

    private void Receive(Stream input)
    {
        var buffer = new byte[256];
        try
        {
            int count;
            while ((count = input.Read(buffer)) > 0)
            {
                for (var k = 0; k < count; k++) _received.Add(buffer[k]);
                _arrived.Set();
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        _received.CompleteAdding();
        _arrived.Set();
    }

    public uint Read(ushort port, int size)
    {
        var dlab = (_lcr & LcrDlab) != 0;
        switch (port - Com1)
        {
            case 0:
                if (dlab) return _divisorLow;
                var data = _received.TryTake(out var value) ? value : 0u;
                UpdateIrq();
                return data;
            case 1: return dlab ? _divisorHigh : _ier;
            case 2:
                var fifo = (_fcr & 1) != 0 ? 0xC0u : 0u;
                if (_received.Count > 0 && (_ier & IerReceivedData) != 0) return fifo | 0x04;
                if (_transmitEmptyPending && (_ier & IerTransmitEmpty) != 0)
                {
                    _transmitEmptyPending = false; // reading IIR while it reports THRE clears that interrupt
                    UpdateIrq();
                    return fifo | 0x02;
                }
                return fifo | 0x01;
            case 3: return _lcr;
            case 4: return _mcr;
            case 5: return 0x60u | (_received.Count > 0 ? 1u : 0u); // THRE | TEMT: always ready to send; DR
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
                if ((_mcr & McrLoop) == 0) _output.WriteByte(b);
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
        _pic.SetIrq(_irq, (_mcr & McrOut2) != 0 &&
            ((_transmitEmptyPending && (_ier & IerTransmitEmpty) != 0) || (_received.Count > 0 && (_ier & IerReceivedData) != 0)));
}
