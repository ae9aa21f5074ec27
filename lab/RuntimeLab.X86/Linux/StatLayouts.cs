using System.Buffers.Binary;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>The i386 layouts of struct stat64 (96 bytes) and struct statx (256 bytes).</summary>
public static class StatLayouts
{
    public const int Stat64Size = 96, StatxSize = 256;
    /// <summary>STATX_BASIC_STATS: type, mode, nlink, uid, gid, atime, mtime, ctime, ino, size, blocks.</summary>
    public const uint StatxBasicStats = 0x7FF;

    public static void WriteStat64(UserAddressSpace memory, uint address, FileStatus s)
    {
        var b = new byte[Stat64Size];
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(0), (s.DeviceMajor << 8) | s.DeviceMinor);   // st_dev
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), (uint)s.Inode);                          // __st_ino
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), s.Mode);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), s.LinkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(24), GuestIdentity.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(28), GuestIdentity.Gid);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(32), (s.RdevMajor << 8) | s.RdevMinor);      // st_rdev
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(44), s.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(52), FileStatus.BlockSize);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(56), s.Blocks);
        WriteTime32(b.AsSpan(64), s.AccessTime);
        WriteTime32(b.AsSpan(72), s.ModifyTime);
        WriteTime32(b.AsSpan(80), s.ChangeTime);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(88), s.Inode);
        memory.Write(address, b);
    }

    public static void WriteStatx(UserAddressSpace memory, uint address, FileStatus s)
    {
        var b = new byte[StatxSize];
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(0), StatxBasicStats);                         // stx_mask
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), FileStatus.BlockSize);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), s.LinkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), GuestIdentity.Uid);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(24), GuestIdentity.Gid);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(28), (ushort)s.Mode);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(32), s.Inode);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(40), s.Size);
        BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(48), s.Blocks);
        WriteTime64(b.AsSpan(64), s.AccessTime);
        WriteTime64(b.AsSpan(96), s.ChangeTime);
        WriteTime64(b.AsSpan(112), s.ModifyTime);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(128), s.RdevMajor);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(132), s.RdevMinor);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(136), s.DeviceMajor);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(140), s.DeviceMinor);
        memory.Write(address, b);
    }

    /// <summary>Seconds and nanoseconds since the epoch, split as timespec wants them (negative times floor).</summary>
    public static (long Seconds, uint Nanoseconds) Split(DateTimeOffset time)
    {
        var ticks = (time - DateTimeOffset.UnixEpoch).Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0) { seconds--; rest += TimeSpan.TicksPerSecond; }
        return (seconds, (uint)rest * 100);
    }

    private static void WriteTime32(Span<byte> at, DateTimeOffset time)
    {
        var (seconds, nanoseconds) = Split(time);
        BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], nanoseconds);
    }

    /// <summary>struct statx_timestamp: s64 seconds, u32 nanoseconds, 4 reserved bytes.</summary>
    private static void WriteTime64(Span<byte> at, DateTimeOffset time)
    {
        var (seconds, nanoseconds) = Split(time);
        BinaryPrimitives.WriteInt64LittleEndian(at, seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], nanoseconds);
    }
}
