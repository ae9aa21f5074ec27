using System.Text;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Linux;
using RuntimeLab.X86.Memory;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Tests.Linux;

public sealed class SyscallProcessTests : SyscallFixture
{
    private const int MapPrivate = 2, MapFixed = 0x10, MapAnonymous = 0x20;

    [Fact]
    public void BrkGrowsAndShrinks()
    {
        Assert.Equal((int)InitialBreak, Call(N.Brk, 0));
        Assert.Equal((int)InitialBreak + 0x1880, Call(N.Brk, InitialBreak + 0x1880));
        Assert.Equal(Protection.ReadWrite, Memory.ProtectionOf(InitialBreak + 0x1FFF));
        Assert.False(Memory.IsMapped(UserAddressSpace.PageOf(InitialBreak + 0x2000)));
        Memory.WriteU32(InitialBreak + 0x1000, 0x1234);

        Assert.Equal((int)InitialBreak + 0x10, Call(N.Brk, InitialBreak + 0x10));
        Assert.False(Memory.IsMapped(UserAddressSpace.PageOf(InitialBreak + 0x1000)));
        Assert.Equal((int)InitialBreak + 0x10, Call(N.Brk, InitialBreak - 0x1000));  // below the start: unchanged
        Call(N.Brk, InitialBreak + 0x2000);
        Assert.Equal(0u, Memory.ReadU32(InitialBreak + 0x1000));  // regrown pages are fresh
    }

    [Fact]
    public void BrkStopsAtAnotherMapping()
    {
        Memory.Map(InitialBreak + 0x3000, 0x1000, Protection.Read);
        Assert.Equal((int)InitialBreak, Call(N.Brk, InitialBreak + 0x5000));
    }

    [Fact]
    public void AnonymousMmapAndMunmap()
    {
        var address = (uint)Call(N.Mmap2, 0, 0x3000, 3, MapPrivate | MapAnonymous, uint.MaxValue, 0);

        Assert.Equal(Syscalls.MmapBase, address);
        Assert.Equal(Protection.ReadWrite, Memory.ProtectionOf(address + 0x2FFF));
        Assert.Equal(0u, Memory.ReadU32(address + 0x1000));
        Assert.Equal(address + 0x3000, (uint)Call(N.Mmap2, 0, 0x1000, 1, MapPrivate | MapAnonymous, uint.MaxValue, 0));
        Assert.Equal(Protection.Read, Memory.ProtectionOf(address + 0x3000));

        Assert.Equal(0, Call(N.Munmap, address, 0x3000));
        Assert.False(Memory.IsMapped(UserAddressSpace.PageOf(address)));
        Assert.Equal(-Errno.EINVAL, Call(N.Munmap, address + 1, 0x1000));
        Assert.Equal(-Errno.EINVAL, Call(N.Mmap2, 0, 0, 3, MapPrivate | MapAnonymous, uint.MaxValue, 0));
        Assert.Contains("mmap2(NULL, 12288, 0x3, 0x22, -1, 0) = 0x40000000", Strace.ToString());
    }

    [Fact]
    public void FixedMmapReplacesAndFileMmapCopies()
    {
        Memory.WriteU32(Scratch, 0xFFFF_FFFF);
        Assert.Equal((int)Scratch, Call(N.Mmap2, Scratch, 0x1000, 3, MapPrivate | MapAnonymous | MapFixed, uint.MaxValue, 0));
        Assert.Equal(0u, Memory.ReadU32(Scratch));

        var fd = Call(N.Open, Put("/etc/hostname"), 0);
        var address = (uint)Call(N.Mmap2, 0, 100, 1, MapPrivate, (uint)fd, 0);
        Assert.Equal("inside\n", Encoding.UTF8.GetString(Memory.ReadBytes(address, 7)));
        Assert.Equal(0, Memory.ReadBytes(address + 7, 1)[0]);
        Assert.Equal(Protection.Read, Memory.ProtectionOf(address));
    }

    [Fact]
    public void MprotectAndMremap()
    {
        var address = (uint)Call(N.Mmap2, 0, 0x2000, 3, MapPrivate | MapAnonymous, uint.MaxValue, 0);
        Assert.Equal(0, Call(N.Mprotect, address, 0x1000, 1));
        Assert.Equal(Protection.Read, Memory.ProtectionOf(address));
        Assert.Equal(-Errno.ENOMEM, Call(N.Mprotect, Unmapped, 0x1000, 1));

        Memory.WriteU32(address + 0x1000, 77);
        Assert.Equal((int)address, Call(N.Mremap, address + 0x1000, 0x1000, 0x3000, 0) - 0x1000);
        Assert.Equal(77u, Memory.ReadU32(address + 0x1000));
        Assert.True(Memory.IsMapped(UserAddressSpace.PageOf(address + 0x3FFF)));
    }

    [Fact]
    public void UnameDescribesAnI686Linux()
    {
        Assert.Equal(0, Call(N.Uname, Scratch));
        string Field(int index) => Memory.ReadString(Scratch + (uint)index * 65);
        Assert.Equal("Linux", Field(0));
        Assert.Equal("runtimelab", Field(1));
        Assert.Equal("6.1.0", Field(2));
        Assert.Equal("i686", Field(4));
    }

    [Fact]
    public void UnknownAndUnsupportedCallsReturnEnosys()
    {
        Assert.Equal(-Errno.ENOSYS, Call(9999));
        Assert.Equal(-Errno.ENOSYS, Call(N.Rseq, Scratch, 32, 0, 0));
        Assert.Equal(-Errno.ENOSYS, Call(N.SetRobustList, Scratch, 12));
        Assert.Contains("syscall_9999(", Strace.ToString());
    }

    [Fact]
    public void SetThreadAreaAllocatesEntryTwelveAndSetsGs()
    {
        Memory.Write(Scratch, new byte[16]);
        Memory.WriteU32(Scratch, uint.MaxValue);
        Memory.WriteU32(Scratch + 4, 0x0810_0040);
        Memory.WriteU32(Scratch + 8, 0xFFFFF);
        Memory.WriteU32(Scratch + 12, 0x51);

        Assert.Equal(0, Call(N.SetThreadArea, Scratch));

        Assert.Equal(12u, Memory.ReadU32(Scratch));
        Assert.Equal(0x0810_0040u, Calls.ThreadArea.BaseForSelector((12 << 3) | 3));
        Assert.Equal(0xFFFF_FFFFu, Calls.ThreadArea.Lookup((12 << 3) | 3)!.Value.Limit);
        Assert.Null(Calls.ThreadArea.BaseForSelector((13 << 3) | 3));
        Assert.Equal((Seg.Gs, 0x0810_0040u), Assert.Single(SegmentLoads));
    }

    [Fact]
    public void IdentityAndLimits()
    {
        Assert.Equal((int)GuestIdentity.Pid, Call(N.Getpid));
        Assert.Equal((int)GuestIdentity.Pid, Call(N.Gettid));
        Assert.Equal((int)GuestIdentity.Uid, Call(N.Getuid32));
        Assert.Equal(0, Call(N.Ugetrlimit, 3, Scratch));
        Assert.Equal(8u << 20, Memory.ReadU32(Scratch));
        Assert.Equal(uint.MaxValue, Memory.ReadU32(Scratch + 4));
        Assert.Equal(0, Call(N.Prlimit64, 0, 7, 0, Scratch));
        Assert.Equal(1024ul, Memory.ReadU64(Scratch));
    }

    [Fact]
    public void GetrandomIsDeterministic()
    {
        Assert.Equal(16, Call(N.Getrandom, Scratch, 16, 0));
        var expected = new byte[16];
        new DeterministicRandom(1).Fill(expected);
        Assert.Equal(expected, Memory.ReadBytes(Scratch, 16));
    }

    [Fact]
    public void ClocksTick()
    {
        Assert.Equal(0, Call(N.ClockGettime64, 0, Scratch));
        Assert.True(Memory.ReadU64(Scratch) > 1_600_000_000);
        Assert.Equal(0, Call(N.ClockGettime, 1, Scratch));
        Assert.True(Memory.ReadU32(Scratch + 4) < 1_000_000_000);
        Assert.Equal(-Errno.EINVAL, Call(N.ClockGettime, 99, Scratch));
        Assert.True(Call(N.Time, 0) > 1_600_000_000);
    }

    [Fact]
    public void KillMakesTheSignalPendingUntilTheProcessLeavesTheKernel()
    {
        Assert.Equal(0, Call(N.Kill, GuestIdentity.Pid, 0));
        Assert.Equal(0, Calls.SignalState.NextDeliverable);
        Call(N.Tgkill, GuestIdentity.Pid, GuestIdentity.Pid, Signals.SIGABRT);
        Assert.Equal(Signals.SIGABRT, Calls.SignalState.NextDeliverable);
        Assert.Null(Calls.Exit);  // delivery (here the default action, SIGABRT's 134) is UserModeProcessTests' concern
        Assert.Equal(-Errno.ESRCH, Call(N.Kill, GuestIdentity.Pid + 7, Signals.SIGTERM));
    }

    [Fact]
    public void ExitGroupKeepsTheLowByte()
    {
        Call(N.ExitGroup, 0x1FF);
        Assert.Equal(255, Calls.Exit!.Status);
        Assert.Contains("exit_group(511) = ?", Strace.ToString());
    }

    [Fact]
    public void SigactionRecordsTheHandler()
    {
        Memory.Write(Scratch, new byte[20]);
        Memory.WriteU32(Scratch, 0x0804_9000);
        Assert.Equal(0, Call(N.RtSigaction, Signals.SIGSEGV, Scratch, 0, 8));
        Assert.Equal(0, Call(N.RtSigaction, Signals.SIGSEGV, 0, Scratch + 0x100, 8));
        Assert.Equal(0x0804_9000u, Memory.ReadU32(Scratch + 0x100));
        Assert.Equal(-Errno.EINVAL, Call(N.RtSigaction, Signals.SIGSEGV, Scratch, 0, 4));
    }
}
