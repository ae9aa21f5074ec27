using System.Runtime.InteropServices;
using System.Text;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Linux;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Tests.Linux;

public sealed unsafe class SyscallFileTests : SyscallFixture
{
    private const uint AtFdCwd = unchecked((uint)-100), AtEmptyPath = 0x1000;

    [Fact]
    public void WriteThroughDispatchReachesStdoutByteExactly()
    {
        var state = (CpuState*)NativeMemory.AllocZeroed((nuint)sizeof(CpuState));
        try
        {
            byte[] bytes = [.. "hello\n"u8, 0, 0xFF];
            Memory.Write(Scratch, bytes);
            state->Regs[Gpr.Eax] = N.Write;
            state->Regs[Gpr.Ebx] = 1;
            state->Regs[Gpr.Ecx] = Scratch;
            state->Regs[Gpr.Edx] = 8;

            Calls.Dispatch(state);

            Assert.Equal(8u, state->Regs[Gpr.Eax]);
            Assert.Equal(bytes, Stdout.ToArray());
            Assert.Equal("write(1, \"hello\\n\\0\\377\", 8) = 8", Strace.ToString().TrimEnd());
        }
        finally { NativeMemory.Free(state); }
    }

    [Fact]
    public void StraceTruncatesLongStringsAtThirtyTwoCharacters()
    {
        Memory.Write(Scratch, Encoding.ASCII.GetBytes(new string('a', 40)));
        Call(N.Write, 1, Scratch, 40);
        Assert.Equal($"write(1, \"{new string('a', 32)}\"..., 40) = 40", Strace.ToString().TrimEnd());
    }

    [Fact]
    public void OpenReadCloseAFileInsideTheRoot()
    {
        var fd = Call(N.Openat, AtFdCwd, Put("/etc/hostname"), 0);
        Assert.Equal(3, fd);

        Assert.Equal(7, Call(N.Read, (uint)fd, Scratch, 100));
        Assert.Equal("inside\n", Encoding.UTF8.GetString(Memory.ReadBytes(Scratch, 7)));
        Assert.Equal(0, Call(N.Read, (uint)fd, Scratch, 100));
        Assert.Equal(0, Call(N.Close, (uint)fd));
        Assert.Equal(-Errno.EBADF, Call(N.Close, (uint)fd));
        Assert.Equal(-Errno.ENOENT, Call(N.Open, Put("/etc/missing"), 0));
    }

    [Fact]
    public void Fstat64ReportsSizeAndType()
    {
        var fd = Call(N.Open, Put("/etc/hostname"), 0);

        Assert.Equal(0, Call(N.Fstat64, (uint)fd, Scratch));
        Assert.Equal(FileStatus.Regular, Memory.ReadU32(Scratch + 16) & FileStatus.TypeMask);  // st_mode
        Assert.Equal(7ul, Memory.ReadU64(Scratch + 44));                                       // st_size
        Assert.Equal(4096u, Memory.ReadU32(Scratch + 52));                                      // st_blksize
        Assert.Equal(1u, Memory.ReadU32(Scratch + 20));                                         // st_nlink
        Assert.True(Memory.ReadU32(Scratch + 72) > 1_600_000_000);                              // st_mtime
    }

    [Fact]
    public void StatxOfStdoutWithEmptyPathIsAPipe()
    {
        Assert.Equal(0, Call(N.Statx, 1, Put(""), AtEmptyPath, 0x7FF, Scratch));
        Assert.Equal(0x7FFu, Memory.ReadU32(Scratch));
        Assert.Equal((ushort)FileStatus.Fifo, (ushort)(Memory.ReadU32(Scratch + 28) & FileStatus.TypeMask));
        Assert.Equal(-Errno.ENOTTY, Call(N.Ioctl, 1, 0x5401, Scratch));  // TCGETS: not a terminal
    }

    [Fact]
    public void Stat64OfADirectory()
    {
        Assert.Equal(0, Call(N.Stat64, Put("/etc"), Scratch));
        Assert.Equal(FileStatus.Directory, Memory.ReadU32(Scratch + 16) & FileStatus.TypeMask);
        Assert.Equal(-Errno.ENOENT, Call(N.Stat64, Put("/nothing"), Scratch));
    }

    [Fact]
    public void ReadlinkOfProcSelfExeIsTheGuestProgramPath()
    {
        Assert.Equal(9, Call(N.Readlink, Put("/proc/self/exe"), Scratch, 4096));
        Assert.Equal("/bin/prog", Encoding.UTF8.GetString(Memory.ReadBytes(Scratch, 9)));
    }

    [Fact]
    public void GetcwdAndChdir()
    {
        Assert.Equal(2, Call(N.Getcwd, Scratch, 100));
        Assert.Equal("/", Memory.ReadString(Scratch));
        Assert.Equal(0, Call(N.Chdir, Put("etc")));
        Assert.Equal(5, Call(N.Getcwd, Scratch, 100));
        Assert.Equal("/etc", Memory.ReadString(Scratch));
        Assert.Equal(-Errno.ERANGE, Call(N.Getcwd, Scratch, 3));
    }

    [Fact]
    public void Getdents64ListsTheDirectory()
    {
        var fd = Call(N.Open, Put("/etc"), 0x10000);
        var length = Call(N.Getdents64, (uint)fd, Scratch, 0x800);

        var names = new List<string>();
        for (uint at = 0; at < length; at += BitConverter.ToUInt16(Memory.ReadBytes(Scratch + at + 16, 2)))
            names.Add(Memory.ReadString(Scratch + at + 19));
        Assert.Equal([".", "..", "hostname"], names);
        Assert.Equal(0, Call(N.Getdents64, (uint)fd, Scratch, 0x800));
    }

    [Fact]
    public void WritesCreateFilesInsideTheRoot()
    {
        var fd = Call(N.Open, Put("/out.txt"), OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Truncate, 0x1A4);
        Memory.Write(Scratch, "data"u8);
        Assert.Equal(4, Call(N.Write, (uint)fd, Scratch, 4));
        Call(N.Close, (uint)fd);
        Assert.Equal("data", File.ReadAllText(Path.Join(Root, "out.txt")));
    }

    [Fact]
    public void WritevGathersAndReadReadsStdin()
    {
        Memory.Write(Scratch + 0x100, "ab"u8);
        Memory.Write(Scratch + 0x200, "cd"u8);
        foreach (var (i, (address, length)) in new[] { (0u, (Scratch + 0x100, 2u)), (1u, (Scratch + 0x200, 2u)) })
        {
            Memory.WriteU32(Scratch + i * 8, address);
            Memory.WriteU32(Scratch + i * 8 + 4, length);
        }
        Assert.Equal(4, Call(N.Writev, 1, Scratch, 2));
        Assert.Equal("abcd"u8.ToArray(), Stdout.ToArray());
        Assert.Equal(5, Call(N.Read, 0, Scratch, 5));
        Assert.Equal("typed", Encoding.UTF8.GetString(Memory.ReadBytes(Scratch, 5)));
    }

    [Fact]
    public void DupPipeAndFcntl()
    {
        Assert.Equal(0, Call(N.Pipe2, Scratch, OpenFlags.CloseOnExec));
        var (reader, writer) = (Memory.ReadU32(Scratch), Memory.ReadU32(Scratch + 4));
        Assert.Equal(1, Call(N.Fcntl64, reader, 1));  // F_GETFD: FD_CLOEXEC
        var copy = Call(N.Dup, writer);
        Call(N.Close, writer);
        Memory.Write(Scratch + 0x100, "xyz"u8);
        Assert.Equal(3, Call(N.Write, (uint)copy, Scratch + 0x100, 3));
        Assert.Equal(1, Call(N.Read, reader, Scratch + 0x200, 1));
        Assert.Equal(2, Call(N.Read, reader, Scratch + 0x201, 5));
        Assert.Equal("xyz", Encoding.UTF8.GetString(Memory.ReadBytes(Scratch + 0x200, 3)));
        Assert.Equal(Errno.Restart, Call(N.Read, reader, Scratch + 0x200, 1));  // empty, a writer still open: the call waits
        Call(N.Close, (uint)copy);
        Assert.Equal(0, Call(N.Read, reader, Scratch + 0x200, 1));  // end of file once the writers are gone
        Assert.Equal(10, Call(N.Dup2, reader, 10));
        Assert.Equal(-Errno.EINVAL, Call(N.Dup3, 10, 10, 0));
    }

    [Fact]
    public void InvalidPointersReturnEfault()
    {
        Assert.Equal(-Errno.EFAULT, Call(N.Write, 1, Unmapped, 4));
        Assert.Equal(-Errno.EFAULT, Call(N.Uname, Unmapped));
        Assert.Equal(-Errno.EFAULT, Call(N.Open, Unmapped, 0));
        Assert.Equal(-Errno.EFAULT, Call(N.Read, 0, ReadOnlyPage, 4));
        Assert.Equal(5, Call(N.Read, 0, Scratch, 5));  // the failed read consumed no input
        Assert.Equal("typed", Encoding.UTF8.GetString(Memory.ReadBytes(Scratch, 5)));
        Assert.Empty(Stdout.ToArray());
    }
}
