using RuntimeLab.X86.Memory;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// stat and its relatives: stat64, lstat64, fstat64, fstatat64 and statx.
public sealed partial class Syscalls
{
    private const int AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;

    private void RegisterFileStatus()
    {
        Register(N.Stat64, "stat64", "sx", (in SyscallArgs a) => StatAt(AtFdCwd, a.A0, 0, a.A1, StatLayouts.WriteStat64));
        Register(N.Lstat64, "lstat64", "sx", (in SyscallArgs a) => StatAt(AtFdCwd, a.A0, AtSymlinkNoFollow, a.A1, StatLayouts.WriteStat64));
        Register(N.Fstat64, "fstat64", "dx", (in SyscallArgs a) => StatFd((int)a.A0, a.A1, StatLayouts.WriteStat64));
        Register(N.Fstatat64, "fstatat64", "fsxx", (in SyscallArgs a) => StatAt((int)a.A0, a.A1, (int)a.A3, a.A2, StatLayouts.WriteStat64));
        Register(N.Statx, "statx", "fsxxx", (in SyscallArgs a) => StatAt((int)a.A0, a.A1, (int)a.A2, a.A4, StatLayouts.WriteStatx));
    }

    private int StatFd(int fd, uint buffer, Action<UserAddressSpace, uint, FileStatus> write)
    {
        if (Files.Get(fd) is not { } file) return -Errno.EBADF;
        write(Memory, buffer, file.Status());
        return 0;
    }

    /// <summary>AT_EMPTY_PATH with "" describes the dirfd itself: glibc's fstat is statx(fd, "", AT_EMPTY_PATH).</summary>
    private int StatAt(int dirFd, uint pathAddress, int flags, uint buffer, Action<UserAddressSpace, uint, FileStatus> write)
    {
        var path = Memory.ReadString(pathAddress);
        if (path.Length == 0 && (flags & AtEmptyPath) != 0)
        {
            if (dirFd != AtFdCwd) return StatFd(dirFd, buffer, write);
            path = ".";
        }
        var error = BaseDirectory(dirFd, path, out var directory);
        if (error != 0) return error;
        error = FileSystem.Stat(path, (flags & AtSymlinkNoFollow) == 0, out var status, directory);
        if (error != 0) return -error;
        write(Memory, buffer, status!);
        return 0;
    }
}
