using System.Text;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Linux;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Tests.Linux;

public sealed unsafe class UserModeProcessTests : IDisposable
{
    /// <summary>The test program's data segment: the string the scripted steps write.</summary>
    private const uint Message = ElfBuilder.DataAddress;

    private readonly TempRoot _dirs = new();
    private readonly MemoryStream _stdout = new(), _stderr = new();
    private readonly StringWriter _diagnostics = new(), _strace = new();
    private ScriptedCpu? _cpu;

    public UserModeProcessTests()
    {
        var builder = ElfBuilder.Minimal();
        "hi there\n"u8.CopyTo(builder.Body.AsSpan(0x1000));
        builder.Headers[1] = builder.Headers[1] with { FileSize = 9 };
        Directory.CreateDirectory(Path.Join(_dirs.Root, "bin"));
        File.WriteAllBytes(Path.Join(_dirs.Root, "bin", "prog"), builder.Build());
    }

    public void Dispose() => _dirs.Dispose();

    private int Run(params ScriptedCpu.Step[] steps) => UserModeProcess.Run(new UserModeOptions
    {
        ProgramPath = "/bin/prog",
        Arguments = ["prog", "arg"],
        Root = _dirs.Root,
        Streams = new StandardStreams(Stream.Null, _stdout, _stderr),
        Diagnostics = _diagnostics,
        Strace = _strace,
        MaxInstructions = 1000,
        CreateCpu = (memory, threadArea) => _cpu = new ScriptedCpu(memory, steps) { ThreadArea = threadArea },
    });

    [Fact]
    public void RunsSyscallsUntilExitGroup()
    {
        var status = Run(
            ScriptedCpu.Syscall(N.Write, 1, Message, 9),
            ScriptedCpu.Syscall(N.Readlink, Message, Message + 0x100, 64),
            ScriptedCpu.Syscall(N.ExitGroup, 3));

        Assert.Equal(3, status);
        Assert.Equal("hi there\n", Encoding.UTF8.GetString(_stdout.ToArray()));
        Assert.Equal(ElfBuilder.Entry, _cpu!.Start!.Value.Eip);
        Assert.Equal(0u, _cpu.Start.Value.Esp % 16);
        Assert.Equal(
            "write(1, \"hi there\\n\", 9) = 9\nreadlink(\"hi there\\n\", 0x804a100, 64) = -1 ENOENT (No such file or directory)\nexit_group(3) = ?\n+++ exited with 3 +++\n",
            _strace.ToString().Replace("\r\n", "\n"));
        Assert.Empty(_diagnostics.ToString());
    }

    [Fact]
    public void PageFaultKillsWithSigsegv()
    {
        var status = Run(ScriptedCpu.Fault(new GuestFault(FaultVector.PageFault, 6, 0xDEAD_BEEF), 0x0804_8123));

        Assert.Equal(139, status);
        Assert.Equal("runtimelab: x86: guest killed by SIGSEGV (page fault at 0xdeadbeef, eip 0x08048123)", _diagnostics.ToString().TrimEnd());
    }

    [Theory]
    [InlineData(FaultVector.InvalidOpcode, 132)]
    [InlineData(FaultVector.DivideError, 136)]
    [InlineData(FaultVector.Breakpoint, 133)]
    [InlineData(FaultVector.GeneralProtection, 139)]
    public void FaultsBecomeTheirSignals(FaultVector vector, int expected) =>
        Assert.Equal(expected, Run(ScriptedCpu.Fault(new GuestFault(vector, 0, 0), 0x0804_8100)));

    [Fact]
    public void AbortEndsWithStatus134()
    {
        var status = Run(ScriptedCpu.Syscall(N.Tgkill, GuestIdentity.Pid, GuestIdentity.Pid, Signals.SIGABRT));

        Assert.Equal(134, status);
        Assert.StartsWith("runtimelab: x86: guest killed by SIGABRT", _diagnostics.ToString());
    }

    [Fact]
    public void InstructionLimitEndsWith124()
    {
        var status = Run(ScriptedCpu.Syscall(N.Getpid));

        Assert.Equal(124, status);
        Assert.StartsWith("runtimelab: x86: instruction limit of 1000 reached", _diagnostics.ToString());
    }

    [Fact]
    public void SetThreadAreaReachesTheCpu()
    {
        // The user_desc goes on the data page: entry -1, base 0x0804a040.
        Run((state, memory) =>
            {
                memory.Write(Message + 0x20, [0xFF, 0xFF, 0xFF, 0xFF, 0x40, 0xA0, 0x04, 0x08, 0xFF, 0xFF, 0x0F, 0, 0x51, 0, 0, 0]);
                return ScriptedCpu.Syscall(N.SetThreadArea, Message + 0x20)(state, memory);
            },
            ScriptedCpu.Syscall(N.ExitGroup, 0));

        Assert.Equal((Seg.Gs, 0x0804_A040u), Assert.Single(_cpu!.SegmentBases));
        Assert.Equal(0x0804_A040u, _cpu.ThreadArea!.BaseForSelector(0x63));  // what the CPU's mov gs, 0x63 will find
    }

    [Fact]
    public void MalformedProgramThrowsElfException()
    {
        File.WriteAllBytes(Path.Join(_dirs.Root, "bin", "prog"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 1]);
        Assert.Throws<ElfException>(() => Run());
    }
}
