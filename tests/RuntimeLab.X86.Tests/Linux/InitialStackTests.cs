using RuntimeLab.X86.Linux;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Linux;

public sealed class InitialStackTests : IDisposable
{
    private readonly UserAddressSpace _memory = new();
    private readonly ElfImage _image = new(0x0804_8100, 0x0804_8034, 3, 32, 0x0804_D000, 0, null, false);

    public void Dispose() => _memory.Dispose();

    private InitialStackLayout Build(ulong seed = 7) =>
        InitialStack.Build(_memory, _image, ["prog", "one", "two words"], ["PATH=/bin", "HOME=/"], "/bin/prog", new DeterministicRandom(seed));

    [Fact]
    public void ArgcArgvAndEnvpReadBack()
    {
        var layout = Build();

        Assert.Equal(0u, layout.StackPointer % 16);
        Assert.Equal(3u, _memory.ReadU32(layout.StackPointer));
        Assert.Equal(["prog", "one", "two words"], ReadStrings(layout.StackPointer + 4));
        Assert.Equal(layout.Envp, layout.StackPointer + 4 + 4 * 4);
        Assert.Equal(["PATH=/bin", "HOME=/"], ReadStrings(layout.Envp));
    }

    [Fact]
    public void AuxiliaryVectorDescribesTheProgram()
    {
        var layout = Build();
        var auxv = ReadAuxv(layout.Auxv);

        Assert.Equal(0x0804_8034u, auxv[InitialStack.AtPhdr]);
        Assert.Equal(32u, auxv[InitialStack.AtPhent]);
        Assert.Equal(3u, auxv[InitialStack.AtPhnum]);
        Assert.Equal(4096u, auxv[InitialStack.AtPagesz]);
        Assert.Equal(0x0804_8100u, auxv[InitialStack.AtEntry]);
        Assert.Equal(0u, auxv[InitialStack.AtBase]);
        Assert.Equal(0u, auxv[InitialStack.AtSecure]);
        Assert.Equal(100u, auxv[InitialStack.AtClktck]);
        Assert.Equal(0x8111u, auxv[InitialStack.AtHwcap]);
        Assert.Equal(GuestIdentity.Uid, auxv[InitialStack.AtUid]);
        Assert.Equal("i686", _memory.ReadString(auxv[InitialStack.AtPlatform]));
        Assert.Equal("/bin/prog", _memory.ReadString(auxv[InitialStack.AtExecfn]));
        Assert.Equal(layout.RandomBytes, auxv[InitialStack.AtRandom]);
    }

    [Fact]
    public void RandomBytesAreSixteenDeterministicBytes()
    {
        var first = _memory.ReadBytes(Build(seed: 7).RandomBytes, 16);
        using var other = new UserAddressSpace();
        var again = other.ReadBytes(InitialStack.Build(other, _image, ["p"], [], "/p", new DeterministicRandom(7)).RandomBytes, 16);
        var differentSeed = other.ReadBytes(InitialStack.Build(other, _image, ["p"], [], "/p", new DeterministicRandom(8)).RandomBytes, 16);

        Assert.Equal(first, again);
        Assert.NotEqual(first, differentSeed);
        Assert.Contains(first, b => b != 0);
    }

    [Fact]
    public void StackIsEightMegabytesBelowTheKernelSplit()
    {
        var layout = Build();

        Assert.Equal(0xC000_0000u - (8u << 20), layout.StackBottom);
        Assert.Equal(Protection.ReadWrite, _memory.ProtectionOf(layout.StackBottom));
        Assert.False(_memory.IsMapped(UserAddressSpace.PageOf(layout.StackBottom) - 1));
    }

    private string[] ReadStrings(uint vector)
    {
        var result = new List<string>();
        for (uint at = vector; _memory.ReadU32(at) is var pointer && pointer != 0; at += 4) result.Add(_memory.ReadString(pointer));
        return [.. result];
    }

    private Dictionary<uint, uint> ReadAuxv(uint at)
    {
        var auxv = new Dictionary<uint, uint>();
        for (; _memory.ReadU32(at) is var key && key != InitialStack.AtNull; at += 8) auxv[key] = _memory.ReadU32(at + 4);
        return auxv;
    }
}
