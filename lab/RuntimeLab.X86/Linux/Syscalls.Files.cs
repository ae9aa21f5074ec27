using System.Text;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// File descriptors: read and write, open and close, directories, dup, pipes, fcntl, ioctl.
public sealed partial class Syscalls
{
    private const int AtFdCwd = -100;
    /// <summary>One read or write moves at most this much, as Linux caps a transfer at MAX_RW_COUNT.</summary>
    private const int MaxTransfer = 0x7FFF_F000;
    private const int MaxIoVectors = 1024;  // UIO_MAXIOV
    private const int FDupFd = 0, FGetFd = 1, FSetFd = 2, FGetFl = 3, FSetFl = 4, FDupFdCloseOnExec = 1030;
    private const uint FdCloseOnExec = 1;
    private const uint Tcgets = 0x5401, Tcsets = 0x5402, Tcsetsw = 0x5403, Tcsetsf = 0x5404, Tiocgpgrp = 0x540F, Tiocgwinsz = 0x5413;

    private void RegisterFiles()
    {
        Register(N.Read, "read", "drd", (in SyscallArgs a) => Read((int)a.A0, a.A1, a.A2));
        Register(N.Write, "write", "dwd", (in SyscallArgs a) => Write((int)a.A0, a.A1, a.A2));
        Register(N.Readv, "readv", "dxd", (in SyscallArgs a) => ReadVector((int)a.A0, a.A1, (int)a.A2));
        Register(N.Writev, "writev", "dxd", (in SyscallArgs a) => WriteVector((int)a.A0, a.A1, (int)a.A2));
        Register(N.Open, "open", "sxo", (in SyscallArgs a) => OpenAt(AtFdCwd, a.A0, (int)a.A1, a.A2));
        Register(N.Creat, "creat", "so", (in SyscallArgs a) => OpenAt(AtFdCwd, a.A0, OpenFlags.Create | OpenFlags.WriteOnly | OpenFlags.Truncate, a.A1));
        Register(N.Openat, "openat", "fsxo", (in SyscallArgs a) => OpenAt((int)a.A0, a.A1, (int)a.A2, a.A3));
        Register(N.Close, "close", "d", (in SyscallArgs a) => Files.Close((int)a.A0));
        Register(N.Lseek, "lseek", "ddd", (in SyscallArgs a) => SeekTo((int)a.A0, (int)a.A1, (int)a.A2));
        Register(N.Llseek, "_llseek", "duuxd", (in SyscallArgs a) => LongSeek((int)a.A0, ((long)a.A1 << 32) | a.A2, a.A3, (int)a.A4));
        Register(N.Getdents64, "getdents64", "dxu", (in SyscallArgs a) => GetDirectoryEntries((int)a.A0, a.A1, a.A2));
        Register(N.Access, "access", "so", (in SyscallArgs a) => AccessAt(AtFdCwd, a.A0, (int)a.A1));
        Register(N.Faccessat, "faccessat", "fso", (in SyscallArgs a) => AccessAt((int)a.A0, a.A1, (int)a.A2));
        Register(N.Faccessat2, "faccessat2", "fsox", (in SyscallArgs a) => AccessAt((int)a.A0, a.A1, (int)a.A2));
        Register(N.Readlink, "readlink", "sxu", (in SyscallArgs a) => ReadLinkAt(AtFdCwd, a.A0, a.A1, a.A2));
        Register(N.Readlinkat, "readlinkat", "fsxu", (in SyscallArgs a) => ReadLinkAt((int)a.A0, a.A1, a.A2, a.A3));
        Register(N.Getcwd, "getcwd", "xu", (in SyscallArgs a) => GetWorkingDirectory(a.A0, a.A1));
        Register(N.Chdir, "chdir", "s", (in SyscallArgs a) => -FileSystem.ChangeDirectory(Memory.ReadString(a.A0)));
        Register(N.Dup, "dup", "d", (in SyscallArgs a) => Files.Get((int)a.A0) is { } file ? Files.Add(file) : -Errno.EBADF);
        Register(N.Dup2, "dup2", "dd", (in SyscallArgs a) => Files.Duplicate((int)a.A0, (int)a.A1, closeOnExec: false));
        Register(N.Dup3, "dup3", "ddx", (in SyscallArgs a) => Dup3((int)a.A0, (int)a.A1, (int)a.A2));
        Register(N.Pipe, "pipe", "x", (in SyscallArgs a) => CreatePipe(a.A0, 0));
        Register(N.Pipe2, "pipe2", "xx", (in SyscallArgs a) => CreatePipe(a.A0, (int)a.A1));
        Register(N.Fcntl, "fcntl", "ddx", (in SyscallArgs a) => FileControl((int)a.A0, (int)a.A1, a.A2));
        Register(N.Fcntl64, "fcntl64", "ddx", (in SyscallArgs a) => FileControl((int)a.A0, (int)a.A1, a.A2));
        Register(N.Ioctl, "ioctl", "dxx", (in SyscallArgs a) => IoControl((int)a.A0, a.A1, a.A2));
    }

    private int Read(int fd, uint buffer, uint count)
    {
        if (Files.Get(fd) is not { CanRead: true } file) return -Errno.EBADF;
        Memory.RequireWritable(buffer, count);
        var data = new byte[Math.Min(count, 1u << 20)];
        var read = file.Read(data);
        if (read > 0) Memory.Write(buffer, data.AsSpan(0, read));
        return read;
    }

    private int Write(int fd, uint buffer, uint count)
    {
        if (Files.Get(fd) is not { CanWrite: true } file) return -Errno.EBADF;
        return file.Write(Memory.ReadBytes(buffer, (int)Math.Min(count, MaxTransfer)));
    }

    private (uint Base, uint Length)[]? ReadIoVectors(uint vectors, int count)
    {
        if (count < 0 || count > MaxIoVectors) return null;
        var result = new (uint, uint)[count];
        for (var i = 0; i < count; i++) result[i] = (Memory.ReadU32(vectors + (uint)i * 8), Memory.ReadU32(vectors + (uint)i * 8 + 4));
        return result;
    }

    private int ReadVector(int fd, uint vectors, int count)
    {
        if (Files.Get(fd) is not { CanRead: true }) return -Errno.EBADF;
        if (ReadIoVectors(vectors, count) is not { } iov) return -Errno.EINVAL;
        var total = 0;
        foreach (var (address, length) in iov)
        {
            if (length == 0) continue;
            var read = Read(fd, address, length);
            if (read < 0) return total > 0 ? total : read;
            total += read;
            if (read < length) break;
        }
        return total;
    }

    /// <summary>Gathers all vectors first, so the bytes reach the file in one write, as one writev does.</summary>
    private int WriteVector(int fd, uint vectors, int count)
    {
        if (Files.Get(fd) is not { CanWrite: true } file) return -Errno.EBADF;
        if (ReadIoVectors(vectors, count) is not { } iov) return -Errno.EINVAL;
        var gathered = new List<byte>();
        foreach (var (address, length) in iov) gathered.AddRange(Memory.ReadBytes(address, (int)Math.Min(length, MaxTransfer)));
        return file.Write(gathered.ToArray());
    }

    /// <summary>The guest directory a *at call resolves relative paths against, or a negative errno.</summary>
    private int BaseDirectory(int dirFd, string path, out string? directory)
    {
        directory = null;
        if (path.StartsWith('/') || dirFd == AtFdCwd) return 0;
        if (Files.Get(dirFd) is not { } file) return -Errno.EBADF;
        directory = file.DirectoryPath;
        return directory == null ? -Errno.ENOTDIR : 0;
    }

    private int OpenAt(int dirFd, uint pathAddress, int flags, uint mode)
    {
        var path = Memory.ReadString(pathAddress);
        var error = BaseDirectory(dirFd, path, out var directory);
        if (error != 0) return error;
        error = FileSystem.Open(path, flags, mode, out var file, directory);
        return error != 0 ? -error : Files.Add(file!, (flags & OpenFlags.CloseOnExec) != 0);
    }

    private int SeekTo(int fd, long offset, int whence)
    {
        if (Files.Get(fd) is not { } file) return -Errno.EBADF;
        var position = file.Seek(offset, whence);
        return position > int.MaxValue ? -75 /* EOVERFLOW */ : (int)position;
    }

    private int LongSeek(int fd, long offset, uint resultAddress, int whence)
    {
        if (Files.Get(fd) is not { } file) return -Errno.EBADF;
        Memory.RequireWritable(resultAddress, 8);
        var position = file.Seek(offset, whence);
        if (position < 0) return (int)position;
        Memory.WriteU64(resultAddress, (ulong)position);
        return 0;
    }

    /// <summary>struct linux_dirent64: d_ino, d_off, d_reclen, d_type, then the name, padded to 8 bytes.</summary>
    private int GetDirectoryEntries(int fd, uint buffer, uint count)
    {
        if (Files.Get(fd) is not { } file) return -Errno.EBADF;
        if (file is not DirectoryFile directory) return -Errno.ENOTDIR;
        Memory.RequireWritable(buffer, count);
        var written = 0u;
        for (; directory.Position < directory.Entries.Count; directory.Position++)
        {
            var (name, type) = directory.Entries[directory.Position];
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var length = (uint)(19 + nameBytes.Length + 1 + 7) & ~7u;
            if (written + length > count) break;
            var record = new byte[length];
            BitConverter.TryWriteBytes(record.AsSpan(0, 8), FileStatus.InodeOf(directory.DirectoryPath + "/" + name));
            BitConverter.TryWriteBytes(record.AsSpan(8, 8), (long)directory.Position + 1);
            BitConverter.TryWriteBytes(record.AsSpan(16, 2), (ushort)length);
            record[18] = type;
            nameBytes.CopyTo(record, 19);
            Memory.Write(buffer + written, record);
            written += length;
        }
        return written == 0 && directory.Position < directory.Entries.Count ? -Errno.EINVAL : (int)written;
    }

    private int AccessAt(int dirFd, uint pathAddress, int mode)
    {
        var path = Memory.ReadString(pathAddress);
        var error = BaseDirectory(dirFd, path, out var directory);
        return error != 0 ? error : -FileSystem.Access(path, mode, directory);
    }

    private int ReadLinkAt(int dirFd, uint pathAddress, uint buffer, uint size)
    {
        var path = Memory.ReadString(pathAddress);
        if ((int)size <= 0) return -Errno.EINVAL;
        string? target;
        if (path == "/proc/self/exe") target = ExecutablePath;
        else
        {
            var error = BaseDirectory(dirFd, path, out var directory);
            if (error != 0) return error;
            error = FileSystem.ReadLink(path, out target, directory);
            if (error != 0) return -error;
        }
        // readlink does not terminate the text and silently truncates it to the buffer.
        var bytes = Encoding.UTF8.GetBytes(target!);
        var length = (int)Math.Min((uint)bytes.Length, size);
        Memory.Write(buffer, bytes.AsSpan(0, length));
        return length;
    }

    /// <summary>The kernel's getcwd returns the length including the NUL (glibc turns it into the pointer).</summary>
    private int GetWorkingDirectory(uint buffer, uint size)
    {
        var bytes = Encoding.UTF8.GetBytes(FileSystem.WorkingDirectory + "\0");
        if (size < bytes.Length) return -Errno.ERANGE;
        Memory.Write(buffer, bytes);
        return bytes.Length;
    }

    private int Dup3(int oldFd, int newFd, int flags)
    {
        if ((flags & ~OpenFlags.CloseOnExec) != 0 || oldFd == newFd) return -Errno.EINVAL;
        return Files.Duplicate(oldFd, newFd, (flags & OpenFlags.CloseOnExec) != 0);
    }

    private int CreatePipe(uint fdsAddress, int flags)
    {
        if ((flags & ~(OpenFlags.CloseOnExec | OpenFlags.NonBlock)) != 0) return -Errno.EINVAL;
        Memory.RequireWritable(fdsAddress, 8);
        var (reader, writer) = PipeEnd.Create();
        var closeOnExec = (flags & OpenFlags.CloseOnExec) != 0;
        var readFd = Files.Add(reader, closeOnExec);
        if (readFd < 0) return readFd;
        var writeFd = Files.Add(writer, closeOnExec);
        if (writeFd < 0) { Files.Close(readFd); return writeFd; }
        Memory.WriteU32(fdsAddress, (uint)readFd);
        Memory.WriteU32(fdsAddress + 4, (uint)writeFd);
        return 0;
    }

    private int FileControl(int fd, int command, uint argument)
    {
        if (Files.Get(fd) is not { } file) return -Errno.EBADF;
        switch (command)
        {
            case FDupFd: return (int)argument >= FileTable.MaxFds ? -Errno.EINVAL : Files.Add(file, false, (int)argument);
            case FDupFdCloseOnExec: return (int)argument >= FileTable.MaxFds ? -Errno.EINVAL : Files.Add(file, true, (int)argument);
            case FGetFd: return Files.CloseOnExec(fd) ? (int)FdCloseOnExec : 0;
            case FSetFd: Files.SetCloseOnExec(fd, (argument & FdCloseOnExec) != 0); return 0;
            case FGetFl: return file.StatusFlags | OpenFlags.LargeFile;
            case FSetFl:
                const int changeable = OpenFlags.Append | OpenFlags.NonBlock;
                file.StatusFlags = (file.StatusFlags & ~changeable) | ((int)argument & changeable);
                return 0;
            default: return -Errno.EINVAL;
        }
    }

    /// <summary>Terminal ioctls answer only for a terminal; everything else is -ENOTTY, which is what isatty() looks for.</summary>
    private int IoControl(int fd, uint request, uint argument)
    {
        if (Files.Get(fd) is not { } file) return -Errno.EBADF;
        if (!file.IsTerminal) return -Errno.ENOTTY;
        switch (request)
        {
            case Tcgets:
                // struct termios: iflag ICRNL|IXON, oflag OPOST|ONLCR, cflag B38400|CS8|CREAD, lflag ISIG|ICANON|ECHO|..., line, cc[19].
                Memory.RequireWritable(argument, 36);
                Memory.WriteU32(argument, 0x0500);
                Memory.WriteU32(argument + 4, 0x0005);
                Memory.WriteU32(argument + 8, 0x00BF);
                Memory.WriteU32(argument + 12, 0x8A3B);
                Memory.Write(argument + 16, new byte[] { 0, 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0 });
                return 0;
            case Tcsets or Tcsetsw or Tcsetsf: return 0;
            case Tiocgpgrp: Memory.WriteU32(argument, GuestIdentity.Pid); return 0;
            case Tiocgwinsz:
                // struct winsize: rows, columns, then two pixel sizes nobody reads.
                Memory.RequireWritable(argument, 8);
                Memory.WriteU32(argument, 24 | (80u << 16));
                Memory.WriteU32(argument + 4, 0);
                return 0;
            default: return -Errno.ENOTTY;
        }
    }
}
