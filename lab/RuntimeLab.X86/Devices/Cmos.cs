namespace RuntimeLab.X86.Devices;

/// <summary>
/// The MC146818 CMOS RTC at ports 0x70 (index; bit 7 is the NMI mask) and 0x71 (data). The clock
/// reads in BCD, 24-hour format, and counts from 2000-01-01 00:00:00 in virtual time, so runs are
/// reproducible (QEMU starts from the host's time instead). The memory-size bytes say what the BIOS
/// would: 640 KiB base, extended memory in KiB (capped at 0xFFFF), and above 16 MiB in 64 KiB units.
/// Periodic, alarm and update interrupts are not modelled; status C reads 0.
/// </summary>
public sealed class Cmos : IPortDevice
{
    public const ushort IndexPort = 0x70, DataPort = 0x71;

    private static readonly DateTime s_epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly VirtualClock _clock;
    private readonly byte[] _ram = new byte[128];
    private byte _index;

    public Cmos(VirtualClock clock, uint ramBytes)
    {
        _clock = clock;
        _ram[0x0A] = 0x26; // 32.768 kHz time base, 1024 Hz rate
        _ram[0x0B] = 0x02; // 24-hour, BCD, no interrupts
        _ram[0x0D] = 0x80; // the battery is good
        _ram[0x15] = 0x80; _ram[0x16] = 0x02; // 640 KiB base memory
        var extendedKiB = Math.Min((ramBytes - 0x10_0000) / 1024, 0xFFFFu); // capped as QEMU caps it
        _ram[0x17] = _ram[0x30] = (byte)extendedKiB;
        _ram[0x18] = _ram[0x31] = (byte)(extendedKiB >> 8);
        var above16M = ramBytes > 0x100_0000 ? (ramBytes - 0x100_0000) >> 16 : 0;
        _ram[0x34] = (byte)above16M;
        _ram[0x35] = (byte)(above16M >> 8);
    }

    public uint Read(ushort port, int size)
    {
        if (port == IndexPort) return 0xFF;
        var now = s_epoch.AddTicks((long)(_clock.Nanoseconds / 100));
        return _index switch
        {
            0x00 => Bcd(now.Second),
            0x02 => Bcd(now.Minute),
            0x04 => Bcd(now.Hour),
            0x06 => Bcd((int)now.DayOfWeek + 1),
            0x07 => Bcd(now.Day),
            0x08 => Bcd(now.Month),
            0x09 => Bcd(now.Year % 100),
            0x32 => Bcd(now.Year / 100),
            _ => _ram[_index],
        };
    }

    public void Write(ushort port, int size, uint value)
    {
        if (port == IndexPort) _index = (byte)(value & 0x7F);
        else if (_index is >= 0x0E or 0x0B or 0x0A) _ram[_index] = (byte)value;
    }

    private static byte Bcd(int value) => (byte)(((value / 10) << 4) | (value % 10));
}
