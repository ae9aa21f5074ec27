namespace RuntimeLab.X86.Linux;

/// <summary>What stat reports about a file, independent of the struct layout (stat64 or statx) it is written in.</summary>
public sealed record FileStatus(uint Mode, ulong Size, uint LinkCount, ulong Inode, DateTimeOffset AccessTime,
    DateTimeOffset ModifyTime, DateTimeOffset ChangeTime, uint DeviceMajor = 8, uint DeviceMinor = 1, uint RdevMajor = 0, uint RdevMinor = 0)
{
    public const uint TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, Regular = 0x8000, Symlink = 0xA000;
    public const uint BlockSize = 4096;

    public ulong Blocks => (Size + 511) / 512;

    /// <summary>A file inside the root, described through .NET (no raw stat): owner is always the guest user.</summary>
    public static FileStatus OfHostPath(string hostPath, string rootRelativeName, bool describeLinkItself)
    {
        FileSystemInfo info = System.IO.Directory.Exists(hostPath) ? new DirectoryInfo(hostPath) : new FileInfo(hostPath);
        if (describeLinkItself && info.LinkTarget is { } target)
            return new FileStatus(Symlink | 0x1FF, (ulong)System.Text.Encoding.UTF8.GetByteCount(target), 1,
                InodeOf(rootRelativeName), info.LastAccessTimeUtc, info.LastWriteTimeUtc, info.LastWriteTimeUtc);
        var isDirectory = info is DirectoryInfo;
        var permissions = (uint)info.UnixFileMode & 0xFFF;
        return new FileStatus((isDirectory ? Directory : Regular) | permissions,
            isDirectory ? 4096 : (ulong)((FileInfo)info).Length, isDirectory ? 2u : 1u, InodeOf(rootRelativeName),
            info.LastAccessTimeUtc, info.LastWriteTimeUtc, info.LastWriteTimeUtc);
    }

    /// <summary>A character device or pipe that is no host file: stdio streams, pipes, /dev/null.</summary>
    public static FileStatus OfSpecial(uint type, string name, uint rdevMajor = 0, uint rdevMinor = 0) =>
        new(type | 0x1B6 /* rw-rw-rw- */, 0, 1, InodeOf(name), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch, 0, 0, rdevMajor, rdevMinor);

    /// <summary>Inode numbers from the guest path (FNV-1a): stable across runs, unlike the host's.</summary>
    public static ulong InodeOf(string name)
    {
        var hash = 0xCBF2_9CE4_8422_2325ul;
        foreach (var c in name) hash = (hash ^ c) * 0x100_0000_01B3ul;
        return hash & 0x7FFF_FFFF;  // fits the 32-bit __st_ino too
    }
}
