namespace RuntimeLab.X86.Devices;

/// <summary>
/// The MC146818 CMOS RTC at ports 0x70 (index; bit 7 is the NMI mask) and 0x71 (data), on IRQ 8. The
/// clock counts from 2000-01-01 00:00:00 in virtual time, so runs are reproducible (QEMU starts from
/// the host's time instead), and reads in BCD or binary, 24- or 12-hour, as register B says. The
/// memory-size bytes say what the BIOS would: 640 KiB base, extended memory in KiB (capped at
/// 0xFFFF), and above 16 MiB in 64 KiB units.
/// Interrupts: periodic (register A's rate, 2 Hz to 8192 Hz), update-ended (once a second) and alarm
/// (seconds, minutes and hours, 0xC0-0xFF matching any), each flagged in register C and raising
/// IRQ 8 when enabled in B. The line stays high until C is read, as on the chip: a handler that does
/// not read C gets no further interrupt. UIP is set for the 244 µs before each update. Setting the
/// time (writes to the clock registers, B's SET bit) stops updates but does not change the clock.
/// </summary>
public sealed class Cmos : IPortDevice, IInterruptTimer
{
    public const ushort IndexPort = 0x70, DataPort = 0x71;
    private const byte RegisterA = 0x0A, RegisterB = 0x0B, RegisterC = 0x0C, RegisterD = 0x0D;
    // Register A
    private const byte UpdateInProgress = 0x80, RateMask = 0x0F;
    // Register B (enables) and C (flags): the same bit positions for the three sources.
    private const byte Set = 0x80, Periodic = 0x40, Alarm = 0x20, UpdateEnded = 0x10, Binary = 0x04, Hours24 = 0x02;
    private const byte InterruptRequest = 0x80, Sources = Periodic | Alarm | UpdateEnded;
    private const ulong Second = 1_000_000_000, UipWindow = 244_000;
    private const ulong TimeBaseHz = 32_768;

    private static readonly DateTime s_epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly VirtualClock _clock;
    private readonly byte[] _ram = new byte[128];
    private byte _index;
    /// <summary>Periods of the current rate, and whole seconds, that had passed when the flags were last brought up to date.</summary>
    private ulong _periodsSeen, _secondsSeen;
    private bool _lineHigh, _lowerLine;

    public Cmos(VirtualClock clock, uint ramBytes)
    {
        _clock = clock;
        _ram[RegisterA] = 0x26; // 32.768 kHz time base, 1024 Hz rate
        _ram[RegisterB] = Hours24; // BCD, no interrupts
        _ram[RegisterD] = 0x80; // the battery is good
        _ram[0x15] = 0x80; _ram[0x16] = 0x02; // 640 KiB base memory
        var extendedKiB = Math.Min((ramBytes - 0x10_0000) / 1024, 0xFFFFu); // capped as QEMU caps it
        _ram[0x17] = _ram[0x30] = (byte)extendedKiB;
        _ram[0x18] = _ram[0x31] = (byte)(extendedKiB >> 8);
        var above16M = ramBytes > 0x100_0000 ? (ramBytes - 0x100_0000) >> 16 : 0;
        _ram[0x34] = (byte)above16M;
        _ram[0x35] = (byte)(above16M >> 8);
        _periodsSeen = PeriodsAt(0);
    }

    public int Irq => 8;

    public void Update(InterruptControllers pic)
    {
        CatchUp();
        if (_lowerLine)
        {
            pic.SetIrq(Irq, false);
            _lineHigh = _lowerLine = false;
        }
        if ((_ram[RegisterC] & InterruptRequest) != 0 && !_lineHigh)
        {
            pic.SetIrq(Irq, true);
            _lineHigh = true;
        }
    }

    public ulong? NextInterrupt
    {
        get
        {
            if ((_ram[RegisterC] & InterruptRequest) != 0) return null; // the line is already up, until C is read
            var enabled = _ram[RegisterB] & Sources;
            ulong? next = null;
            if ((enabled & Periodic) != 0 && PeriodTicks is { } period)
                next = NanosecondsOfTicks((_periodsSeen + 1) * period);
            // An alarm can only match at an update, so the next update is when to look.
            if ((enabled & (UpdateEnded | Alarm)) != 0 && (_ram[RegisterB] & Set) == 0)
                next = Math.Min(next ?? ulong.MaxValue, (_secondsSeen + 1) * Second);
            return next;
        }
    }

    public uint Read(ushort port, int size)
    {
        if (port == IndexPort) return 0xFF;
        var now = _clock.Nanoseconds;
        switch (_index)
        {
            case RegisterA:
                var updating = (_ram[RegisterB] & Set) == 0 && now % Second >= Second - UipWindow;
                return (uint)(_ram[RegisterA] | (updating ? UpdateInProgress : 0));
            case RegisterC:
                CatchUp();
                var flags = _ram[RegisterC];
                _ram[RegisterC] = 0;
                if (_lineHigh) _lowerLine = true;
                return flags;
        }
        var time = s_epoch.AddTicks((long)(now / 100));
        return _index switch
        {
            0x00 => Encode(time.Second),
            0x02 => Encode(time.Minute),
            0x04 => EncodeHour(time.Hour),
            0x06 => Encode((int)time.DayOfWeek + 1),
            0x07 => Encode(time.Day),
            0x08 => Encode(time.Month),
            0x09 => Encode(time.Year % 100),
            0x32 => Encode(time.Year / 100),
            _ => _ram[_index],
        };
    }

    public void Write(ushort port, int size, uint value)
    {
        if (port == IndexPort) { _index = (byte)(value & 0x7F); return; }
        var b = (byte)value;
        switch (_index)
        {
            case RegisterA:
                CatchUp();
                _ram[RegisterA] = (byte)(b & ~UpdateInProgress);
                _periodsSeen = PeriodsAt(_clock.Nanoseconds); // a new rate starts without a spurious period
                break;
            case RegisterB:
                CatchUp();
                _ram[RegisterB] = b;
                // Enabling a source whose flag is already up requests the interrupt, as on the chip.
                if ((_ram[RegisterC] & b & Sources) != 0) _ram[RegisterC] |= InterruptRequest;
                break;
            case 0x01 or 0x03 or 0x05 or >= 0x0E:
                _ram[_index] = b;
                break;
        }
    }

    /// <summary>Raises the flags of every period, update and alarm match that passed since the last look.</summary>
    private void CatchUp()
    {
        var now = _clock.Nanoseconds;
        var periods = PeriodsAt(now);
        if (periods > _periodsSeen) _ram[RegisterC] |= Periodic;
        _periodsSeen = periods;
        var seconds = now / Second;
        if (seconds > _secondsSeen && (_ram[RegisterB] & Set) == 0)
        {
            _ram[RegisterC] |= UpdateEnded;
            // The alarm is compared at each update; a day covers every combination it can name.
            for (var s = Math.Max(_secondsSeen + 1, seconds > 86_400 ? seconds - 86_400 : 0); s <= seconds; s++)
                if (AlarmMatches(s_epoch.AddSeconds(s))) { _ram[RegisterC] |= Alarm; break; }
        }
        _secondsSeen = seconds;
        if ((_ram[RegisterC] & _ram[RegisterB] & Sources) != 0) _ram[RegisterC] |= InterruptRequest;
    }

    private bool AlarmMatches(DateTime time) =>
        Matches(0x01, Encode(time.Second)) && Matches(0x03, Encode(time.Minute)) && Matches(0x05, EncodeHour(time.Hour));

    /// <summary>An alarm byte of 0xC0-0xFF matches any value ("don't care").</summary>
    private bool Matches(int index, byte value) => _ram[index] >= 0xC0 || _ram[index] == value;

    /// <summary>The periodic rate's period in 32.768 kHz ticks; rates 1 and 2 repeat 8 and 9, as on the chip.</summary>
    private ulong? PeriodTicks
    {
        get
        {
            var rate = _ram[RegisterA] & RateMask;
            if (rate == 0) return null;
            if (rate <= 2) rate += 7;
            return 1ul << (rate - 1);
        }
    }

    private ulong PeriodsAt(ulong nanoseconds) =>
        PeriodTicks is { } period ? (ulong)((UInt128)nanoseconds * TimeBaseHz / Second) / period : 0;

    private static ulong NanosecondsOfTicks(ulong ticks) => (ulong)(((UInt128)ticks * Second + TimeBaseHz - 1) / TimeBaseHz);

    private byte Encode(int value) => (_ram[RegisterB] & Binary) != 0 ? (byte)value : (byte)(((value / 10) << 4) | (value % 10));

    /// <summary>In 12-hour mode, 12, 1-11, with bit 7 for PM.</summary>
    private byte EncodeHour(int hour)
    {
        if ((_ram[RegisterB] & Hours24) != 0) return Encode(hour);
        var twelve = hour % 12 == 0 ? 12 : hour % 12;
        return (byte)(Encode(twelve) | (hour >= 12 ? 0x80 : 0));
    }
}
