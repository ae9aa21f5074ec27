using System.Buffers.Binary;
using RuntimeLab.X86.Machine;
using RuntimeLab.X86.Tests.Linux;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>Hand-built multiboot kernels: an ELF whose one segment, loaded at 1 MiB, holds a multiboot header and then code.</summary>
internal static class KernelImages
{
    public const uint LoadAddress = 0x10_0000, HeaderOffset = 0x100, CodeOffset = 0x200;
    public const uint EntryAddress = LoadAddress + CodeOffset;

    public static byte[] WithCode(byte[] code, uint checksumError = 0, ushort machine = 3, bool header = true)
    {
        var body = new byte[CodeOffset + code.Length];
        if (header)
        {
            var at = body.AsSpan((int)HeaderOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(at, MultibootLoader.HeaderMagic);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], 3);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], unchecked(0u - (MultibootLoader.HeaderMagic + 3u) + checksumError));
        }
        code.CopyTo(body, (int)CodeOffset);
        var elf = new ElfBuilder { Body = body, Machine = machine, EntryPoint = EntryAddress };
        elf.Headers.Add(new ElfBuilder.ProgramHeader(ElfBuilder.PtLoad, 0, LoadAddress, (uint)body.Length, (uint)body.Length + 0x1000, 7));
        return elf.Build();
    }
}
