using RuntimeLab.X86.Linux;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Linux;

public sealed class ElfLoaderTests : IDisposable
{
    private readonly UserAddressSpace _memory = new();

    public void Dispose() => _memory.Dispose();

    [Fact]
    public void LoadsSegmentsWithTheirPermissionsAndZeroFilledBss()
    {
        var image = ElfLoader.Load(ElfBuilder.Minimal().Build(), _memory);

        Assert.Equal(ElfBuilder.Entry, image.Entry);
        Assert.Equal(Protection.Read | Protection.Exec, _memory.ProtectionOf(ElfBuilder.TextAddress));
        Assert.Equal(Protection.ReadWrite, _memory.ProtectionOf(ElfBuilder.DataAddress + 0x2FFF));
        Assert.Equal(0xCC, _memory.ReadBytes(ElfBuilder.Entry, 1)[0]);
        Assert.Equal(0x2A, _memory.ReadBytes(ElfBuilder.DataAddress, 1)[0]);
        Assert.All(_memory.ReadBytes(ElfBuilder.DataAddress + 0x10, 0x2FF0), b => Assert.Equal(0, b));
        Assert.False(_memory.IsMapped(UserAddressSpace.PageOf(ElfBuilder.DataAddress + 0x3000)));
        Assert.True(image.ExecutableStack == false);
    }

    [Fact]
    public void ReportsProgramHeadersAndTheInitialBreak()
    {
        var image = ElfLoader.Load(ElfBuilder.Minimal().Build(), _memory);

        Assert.Equal(ElfBuilder.TextAddress + 52, image.ProgramHeaders);
        Assert.Equal(3u, image.ProgramHeaderCount);
        Assert.Equal(32u, image.ProgramHeaderSize);
        Assert.Equal(ElfBuilder.DataAddress + 0x3000, image.InitialBreak);
        Assert.Equal(1u, _memory.ReadU32(image.ProgramHeaders));  // the first header, PT_LOAD, read through guest memory
    }

    [Fact]
    public void PlacesAStaticPieAtTheLoadBase()
    {
        var builder = new ElfBuilder { Type = 3, Body = new byte[0x1000] };
        builder.Headers.Add(new ElfBuilder.ProgramHeader(ElfBuilder.PtLoad, 0, 0, 0x1000, 0x1000, 5));

        var image = ElfLoader.Load(builder.Build(), _memory);

        Assert.Equal(ElfLoader.PieLoadBase, image.LoadBias);
        Assert.Equal(ElfLoader.PieLoadBase + ElfBuilder.Entry, image.Entry);
        Assert.True(_memory.IsMapped(UserAddressSpace.PageOf(ElfLoader.PieLoadBase)));
    }

    [Fact]
    public void TruncatedHeaderIsRejected() =>
        AssertRejected(ElfBuilder.Minimal().Build()[..40], "truncated ELF header");

    [Fact]
    public void NonElfIsRejected() => AssertRejected("#!/bin/sh\n"u8.ToArray(), "not an ELF file");

    [Fact]
    public void WrongMachineIsRejected()
    {
        var builder = ElfBuilder.Minimal();
        builder.Machine = 62;
        AssertRejected(builder.Build(), "ELF machine 62 is not i386");
    }

    [Fact]
    public void SixtyFourBitIsRejected()
    {
        var builder = ElfBuilder.Minimal();
        builder.Class = 2;
        AssertRejected(builder.Build(), "64-bit ELF");
    }

    [Fact]
    public void DynamicallyLinkedProgramIsRejected()
    {
        var builder = ElfBuilder.Minimal();
        builder.Headers.Insert(0, new ElfBuilder.ProgramHeader(ElfBuilder.PtInterp, 0x180, 0, 0x13, 0x13, 4));
        AssertRejected(builder.Build(), "dynamically linked: RuntimeLab runs static i386 programs (gcc -m32 -static)");
    }

    [Fact]
    public void SegmentBeyondTheFileIsRejected()
    {
        var builder = ElfBuilder.Minimal();
        builder.Headers[1] = builder.Headers[1] with { Offset = 0x1F00, FileSize = 0x200 };
        AssertRejected(builder.Build(), "segment 1 (offset 0x1f00, size 0x200) lies beyond the end of the file");
    }

    [Fact]
    public void SegmentWrappingTheAddressSpaceIsRejected()
    {
        var builder = ElfBuilder.Minimal();
        builder.Headers[1] = builder.Headers[1] with { Address = 0xFFFF_F000, MemorySize = 0x2000 };
        AssertRejected(builder.Build(), "lies outside the user address space");
    }

    [Fact]
    public void ProgramHeadersBeyondTheFileAreRejected()
    {
        var file = ElfBuilder.Minimal().Build()[..100];  // the header survives, the program headers do not
        AssertRejected(file, "program headers at 0x34 lie beyond the end of the file");
    }

    [Fact]
    public void FileSizeAboveMemorySizeIsRejected()
    {
        var builder = ElfBuilder.Minimal();
        builder.Headers[0] = builder.Headers[0] with { FileSize = 0x300 };
        AssertRejected(builder.Build(), "segment 0: file size 0x300 exceeds memory size 0x200");
    }

    private void AssertRejected(byte[] file, string expected)
    {
        var error = Assert.Throws<ElfException>(() => ElfLoader.Load(file, _memory));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
