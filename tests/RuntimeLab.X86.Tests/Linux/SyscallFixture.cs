using System.Text;
using RuntimeLab.X86.Linux;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Linux;

/// <summary>A system call layer over a fresh address space and a scratch root, with captured stdio and strace.</summary>
public abstract class SyscallFixture : IDisposable
{
    protected const uint InitialBreak = 0x0810_0000;
    /// <summary>A read-write page for arguments and results.</summary>
    protected const uint Scratch = 0x1000_0000;
    protected const uint ReadOnlyPage = 0x1000_2000;
    protected const uint Unmapped = 0xDEAD_0000;

    private readonly TempRoot _dirs = new();
    protected UserAddressSpace Memory { get; } = new();
    protected MemoryStream Stdout { get; } = new();
    protected MemoryStream Stderr { get; } = new();
    protected StringWriter Strace { get; } = new();
    protected List<(int Segment, uint Base)> SegmentLoads { get; } = [];
    protected Syscalls Calls { get; }
    protected string Root => _dirs.Root;

    protected SyscallFixture()
    {
        Memory.Map(Scratch, 0x2000, Protection.ReadWrite);
        Memory.Map(ReadOnlyPage, 0x1000, Protection.Read);
        Calls = new Syscalls(Memory, new GuestFileSystem(_dirs.Root), InitialBreak,
            new StandardStreams(new MemoryStream("typed input"u8.ToArray()), Stdout, Stderr))
        {
            ExecutablePath = "/bin/prog",
            Strace = Strace,
            Random = new DeterministicRandom(1),
            SetSegmentBase = (segment, @base) => SegmentLoads.Add((segment, @base)),
        };
    }

    protected int Call(int number, uint a0 = 0, uint a1 = 0, uint a2 = 0, uint a3 = 0, uint a4 = 0, uint a5 = 0) =>
        Calls.Invoke(number, new SyscallArgs(a0, a1, a2, a3, a4, a5));

    /// <summary>Puts a NUL-terminated string at <paramref name="address"/> and returns the address.</summary>
    protected uint Put(string text, uint address = Scratch + 0x1800)
    {
        Memory.Write(address, Encoding.UTF8.GetBytes(text + "\0"));
        return address;
    }

    public void Dispose()
    {
        Calls.Dispose();
        Memory.Dispose();
        _dirs.Dispose();
        GC.SuppressFinalize(this);
    }
}
