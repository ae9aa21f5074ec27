namespace RuntimeLab.X86.Devices;

/// <summary>
/// The 8254 programmable interval timer at ports 0x40-0x43, clocked at 1.193182 MHz of virtual time,
/// and port 0x61, whose bit 0 gates channel 2 and bit 5 reads channel 2's output (how Linux calibrates
/// the TSC). Channel 0 drives IRQ 0; at power-on it runs in mode 3 with the full count of 65536, the
/// ~18.2 Hz the BIOS programs. Counters are computed from the clock when read, never stepped.
/// Modelled: modes 0 (interrupt on terminal count), 2 (rate generator) and 3 (square wave, with its
/// period; the count it reads back decreases by 1 as in mode 2), lobyte/hibyte/both access, counter
/// latch. Not modelled: read-back command, modes 1, 4 and 5 (treated as mode 0), BCD counting.
/// </summary>
public sealed class Pit8254 : IPortDevice, IInterruptTimer
{
    public const uint FrequencyHz = 1_193_182;
    public const ushort Channel0 = 0x40, Command = 0x43, SpeakerControl = 0x61;

    private readonly VirtualClock _clock;
    private readonly Channel[] _channels = [new(), new(), new()];
    private byte _speakerControl;
    /// <summary>The channel 0 period (in ticks since its start) whose IRQ was raised last.</summary>
    private ulong _periodsSignalled;

    public Pit8254(VirtualClock clock)
    {
        _clock = clock;
        _channels[0].Program(mode: 3, reload: 0, start: 0);
        _channels[2].Gate = false;
    }

    public int Irq => 0;

    private ulong Ticks => (ulong)((UInt128)_clock.Nanoseconds * FrequencyHz / 1_000_000_000);

    private static ulong NanosecondsOf(ulong ticks) => (ulong)(((UInt128)ticks * 1_000_000_000 + FrequencyHz - 1) / FrequencyHz);

    /// <summary>Raises IRQ 0 on the controllers if channel 0 reached the end of a period since the last call.</summary>
    public void Update(InterruptControllers pic)
    {
        var channel = _channels[0];
        if (!channel.Running) return;
        var elapsed = Ticks - channel.Start;
        var periods = channel.Mode is 2 or 3 ? elapsed / channel.Period : (elapsed >= channel.Period ? 1ul : 0);
        if (periods <= _periodsSignalled) return;
        _periodsSignalled = periods;
        pic.Pulse(0);
    }

    /// <summary>When channel 0 next raises IRQ 0, in virtual nanoseconds; null if it never will.</summary>
    public ulong? NextInterrupt
    {
        get
        {
            var channel = _channels[0];
            if (!channel.Running) return null;
            if (channel.Mode is not (2 or 3)) return _periodsSignalled > 0 ? null : NanosecondsOf(channel.Start + channel.Period);
            return NanosecondsOf(channel.Start + (_periodsSignalled + 1) * channel.Period);
        }
    }

    public uint Read(ushort port, int size)
    {
        if (port == SpeakerControl)
        {
            var output = _channels[2].Output(Ticks) ? 0x20 : 0;
            return (uint)(_speakerControl & 0x0F) | (uint)output;
        }
        if (port == Command) return 0xFF;
        return _channels[port - Channel0].ReadByte(Ticks);
    }

    public void Write(ushort port, int size, uint value)
    {
        var now = Ticks;
        var b = (byte)value;
        if (port == SpeakerControl)
        {
            var gate = (b & 1) != 0;
            if (gate && !_channels[2].Gate) _channels[2].Start = now; // a rising gate restarts the count in modes 0, 2 and 3
            _channels[2].Gate = gate;
            _speakerControl = b;
            return;
        }
        if (port == Command)
        {
            var select = b >> 6;
            if (select == 3) return; // read-back: not modelled
            var channel = _channels[select];
            var access = (b >> 4) & 3;
            if (access == 0) { channel.Latch(now); return; }
            channel.Access = access;
            channel.Mode = (b >> 1) & 7;
            if (channel.Mode > 5) channel.Mode -= 4; // 6 and 7 are aliases of 2 and 3
            channel.Running = false;
            channel.WriteHigh = false;
            channel.ReadHigh = false;
            return;
        }
        var index = port - Channel0;
        if (_channels[index].WriteByte(b, now) && index == 0) _periodsSignalled = 0;
    }

    private sealed class Channel
    {
        public int Mode, Access = 3;
        public bool Running, Gate = true, WriteHigh, ReadHigh;
        public ulong Start;
        private ushort _reload, _latched;
        private bool _hasLatch;

        /// <summary>A reload of 0 means 65536, the longest period.</summary>
        public ulong Period => _reload == 0 ? 0x10000u : _reload;

        public void Program(int mode, ushort reload, ulong start)
        {
            Mode = mode;
            _reload = reload;
            Start = start;
            Running = true;
        }

        /// <summary>The counter now: counting down from the reload value, wrapping each period (modes 2 and 3) or past zero (mode 0).</summary>
        public ushort Count(ulong now)
        {
            if (!Running || !Gate) return _reload;
            var elapsed = now - Start;
            return Mode is 2 or 3 ? (ushort)(Period - elapsed % Period) : (ushort)(Period - elapsed);
        }

        public bool Output(ulong now)
        {
            if (!Running) return false;
            var elapsed = now - Start;
            return Mode switch
            {
                2 => elapsed % Period != Period - 1,
                3 => elapsed % Period < (Period + 1) / 2,
                _ => Gate && elapsed >= Period,
            };
        }

        public void Latch(ulong now)
        {
            if (_hasLatch) return;
            _latched = Count(now);
            _hasLatch = true;
        }

        public byte ReadByte(ulong now)
        {
            var value = _hasLatch ? _latched : Count(now);
            byte result;
            switch (Access)
            {
                case 1: result = (byte)value; _hasLatch = false; break;
                case 2: result = (byte)(value >> 8); _hasLatch = false; break;
                default:
                    result = ReadHigh ? (byte)(value >> 8) : (byte)value;
                    if (ReadHigh) _hasLatch = false;
                    ReadHigh = !ReadHigh;
                    break;
            }
            return result;
        }

        /// <summary>Writes one byte of the reload value; returns true when the value is complete and counting (re)starts.</summary>
        public bool WriteByte(byte value, ulong now)
        {
            switch (Access)
            {
                case 1: _reload = value; break;
                case 2: _reload = (ushort)(value << 8); break;
                default:
                    if (!WriteHigh) { _reload = (ushort)((_reload & 0xFF00) | value); WriteHigh = true; return false; }
                    _reload = (ushort)((_reload & 0x00FF) | (value << 8));
                    WriteHigh = false;
                    break;
            }
            Program(Mode, _reload, now);
            return true;
        }
    }
}
