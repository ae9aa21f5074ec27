using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Machine;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>The loader's entry state, and a clear error for every kind of kernel it cannot boot.</summary>
public sealed unsafe class MultibootLoaderTests
{
    private static BareMetalMachine NewMachine(uint megabytes = 128) =>
        new(new MachineOptions { Serial = new MemoryStream(), Diagnostics = TextWriter.Null, Megabytes = megabytes });

    [Fact]
    public void AKernelStartsAtItsEntryWithTheMultibootMagicAndInfo()
    {
        using var machine = NewMachine();
        machine.LoadKernel(KernelImages.WithCode([0xF4]));
        var s = machine.State;
        Assert.Equal(KernelImages.EntryAddress, s->Eip);
        Assert.Equal(MultibootLoader.BootMagic, s->Regs[Gpr.Eax]);
        Assert.Equal(MultibootLoader.InfoAddress, s->Regs[Gpr.Ebx]);
        Assert.Equal(0x08, s->Selectors[Seg.Cs]);
        Assert.Equal(0u, s->FlagsRest & EflagsBits.IF);
        Assert.Equal(Cr0Bits.PE | Cr0Bits.ET, s->Cr0);
        Assert.Equal(639u, machine.Ram.Read32(MultibootLoader.InfoAddress + 4));
        Assert.Equal((128u << 10) - 1024 - 128, machine.Ram.Read32(MultibootLoader.InfoAddress + 8));
    }

    [Fact]
    public void MemUpperFollowsTheRamSize()
    {
        using var machine = NewMachine(64);
        machine.LoadKernel(KernelImages.WithCode([0xF4]));
        Assert.Equal((64u << 10) - 1024 - 128, machine.Ram.Read32(MultibootLoader.InfoAddress + 8));
    }

    public static TheoryData<string, byte[]> Malformed() => new()
    {
        { "not an ELF file", "#!/bin/sh\necho hello\n"u8.ToArray() },
        { "not an ELF file", [] },
        { "no multiboot header", KernelImages.WithCode([0xF4], header: false) },
        { "no multiboot header", KernelImages.WithCode([0xF4], checksumError: 1) },
        { "not an i386 ELF file", KernelImages.WithCode([0xF4], machine: 62) },
        { "no loadable segment", WithoutSegments() },
        { "does not fit in RAM", OutsideRam() },
    };

    [Theory, MemberData(nameof(Malformed))]
    public void AKernelItCannotBootIsRefusedWithAClearMessage(string expected, byte[] image)
    {
        using var machine = NewMachine();
        var error = Assert.Throws<KernelImageException>(() => machine.LoadKernel(image));
        Assert.Contains(expected, error.Message);
    }

    private static byte[] WithoutSegments()
    {
        var image = KernelImages.WithCode([0xF4]);
        image[44] = 0; // e_phnum
        return image;
    }

    /// <summary>The one segment's physical address moved to 256 MiB, beyond the 128 MiB of RAM.</summary>
    private static byte[] OutsideRam()
    {
        var image = KernelImages.WithCode([0xF4]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(52 + 12), 0x1000_0000);
        return image;
    }
}
