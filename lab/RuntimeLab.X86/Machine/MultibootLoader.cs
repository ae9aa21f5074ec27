using System.Buffers.Binary;
using System.Text;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Machine;

/// <summary>A kernel the machine cannot boot: not ELF, not i386, no multiboot header, or not fitting in RAM.</summary>
public sealed class KernelImageException(string message) : Exception(message);

/// <summary>Where a loaded kernel starts, and the multiboot information it is handed in EBX.</summary>
public readonly record struct LoadedKernel(uint Entry, uint InfoAddress);

/// <summary>
/// Loads a Multiboot (version 1) ELF kernel into physical memory as qemu-system-i386 -kernel does:
/// the header must lie 4-aligned in the first 8 KiB with a valid checksum; PT_LOAD segments go to
/// their physical addresses, their BSS zeroed; the multiboot information and memory map describe RAM
/// as SeaBIOS reports it under QEMU (measured with lab/guests/kernels/entry-state.c: 639 KiB below
/// 1 MiB, the top 128 KiB of RAM reserved). The a.out kludge (header flag 16) and modules are not supported.
/// </summary>
public static class MultibootLoader
{
    public const uint HeaderMagic = 0x1BAD_B002, BootMagic = 0x2BAD_B002;
    private const int SearchLimit = 8192;

    /// <summary>Low memory the loader owns: the boot GDT, then the information structure, memory map and strings.</summary>
    public const uint BootGdt = 0x8000, InfoAddress = 0x9000, MemoryMapAddress = 0x9100, CommandLineAddress = 0x9400, LoaderNameAddress = 0x9800;

    private const uint InfoMemory = 1 << 0, InfoBootDevice = 1 << 1, InfoCommandLine = 1 << 2, InfoModules = 1 << 3, InfoMemoryMap = 1 << 6, InfoLoaderName = 1 << 9;
    /// <summary>What SeaBIOS reserves at the top of RAM under QEMU (ACPI tables and the like).</summary>
    private const uint ReservedTop = 0x2_0000;

    public static LoadedKernel Load(ReadOnlySpan<byte> image, PhysicalMemory ram, string commandLine)
    {
        if (image.Length < 52 || !image[..4].SequenceEqual("\u007FELF"u8))
            throw new KernelImageException("not an ELF file (multiboot kernels in a.out-kludge format are not supported)");
        FindHeader(image);
        var entry = LoadElf(image, ram);
        WriteInfo(ram, commandLine);
        WriteBootGdt(ram);
        return new LoadedKernel(entry, InfoAddress);
    }

    private static void FindHeader(ReadOnlySpan<byte> image)
    {
        var limit = Math.Min(image.Length, SearchLimit) - 12;
        for (var offset = 0; offset <= limit; offset += 4)
        {
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(image[offset..]);
            if (magic != HeaderMagic) continue;
            var flags = BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 4)..]);
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(image[(offset + 8)..]);
            if (magic + flags + checksum != 0) continue;
            return;
        }
        throw new KernelImageException("no multiboot header in the first 8 KiB (magic 0x1BADB002 with a valid checksum)");
    }

    private static uint LoadElf(ReadOnlySpan<byte> image, PhysicalMemory ram)
    {
        if (image[4] != 1 || image[5] != 1) throw new KernelImageException("not a 32-bit little-endian ELF file");
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(image[18..]);
        if (machine != 3) throw new KernelImageException($"not an i386 ELF file (e_machine {machine})");
        var entry = BinaryPrimitives.ReadUInt32LittleEndian(image[24..]);
        var phoff = BinaryPrimitives.ReadUInt32LittleEndian(image[28..]);
        var phentsize = BinaryPrimitives.ReadUInt16LittleEndian(image[42..]);
        var phnum = BinaryPrimitives.ReadUInt16LittleEndian(image[44..]);
        var loaded = 0;
        for (var k = 0; k < phnum; k++)
        {
            var at = (long)phoff + (long)k * phentsize;
            if (phentsize < 32 || at + 32 > image.Length) throw new KernelImageException("program header table outside the file");
            var header = image.Slice((int)at, 32);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 1) continue; // PT_LOAD only
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var physical = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
            var fileSize = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
            var memorySize = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            if ((ulong)offset + fileSize > (ulong)image.Length || fileSize > memorySize)
                throw new KernelImageException($"segment {k} lies outside the file");
            if ((ulong)physical + memorySize > ram.Size || physical < 0x10_0000 && physical + memorySize > BootGdt)
                throw new KernelImageException($"segment {k} (0x{physical:x}, 0x{memorySize:x} bytes) does not fit in RAM above the loader's low memory");
            ram.Load(physical, image.Slice((int)offset, (int)fileSize));
            ram.Load(physical + fileSize, new byte[memorySize - fileSize]);
            loaded++;
        }
        if (loaded == 0) throw new KernelImageException("no loadable segment");
        return entry;
    }

    private static void WriteInfo(PhysicalMemory ram, string commandLine)
    {
        var usableTop = ram.Size - ReservedTop;
        // base, length, type (1 usable, 2 reserved): SeaBIOS's e820 map under QEMU's pc machine.
        (ulong Base, ulong Length, uint Type)[] map =
        [
            (0, 0x9_FC00, 1),
            (0x9_FC00, 0x400, 2),
            (0xF_0000, 0x1_0000, 2),
            (0x10_0000, usableTop - 0x10_0000, 1),
            (usableTop, ReservedTop, 2),
            (0xFFFC_0000, 0x4_0000, 2),
        ];
        var info = new byte[88];
        void Put(int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(offset), value);
        Put(0, InfoMemory | InfoBootDevice | InfoCommandLine | InfoModules | InfoMemoryMap | InfoLoaderName);
        Put(4, 639);
        Put(8, (usableTop - 0x10_0000) / 1024);
        Put(12, 0x8000_FFFF); // the first BIOS hard disk, no partition
        Put(16, CommandLineAddress);
        Put(20, 0);           // no modules
        Put(24, 0);
        Put(44, (uint)(map.Length * 24));
        Put(48, MemoryMapAddress);
        Put(64, LoaderNameAddress);
        ram.Load(InfoAddress, info);

        var entries = new byte[map.Length * 24];
        for (var k = 0; k < map.Length; k++)
        {
            var e = entries.AsSpan(k * 24);
            BinaryPrimitives.WriteUInt32LittleEndian(e, 20); // size of the rest of the entry
            BinaryPrimitives.WriteUInt64LittleEndian(e[4..], map[k].Base);
            BinaryPrimitives.WriteUInt64LittleEndian(e[12..], map[k].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(e[20..], map[k].Type);
        }
        ram.Load(MemoryMapAddress, entries);
        var line = Encoding.UTF8.GetBytes(commandLine);
        ram.Load(CommandLineAddress, [.. line.AsSpan(0, Math.Min(line.Length, 0x3FF)), 0]);
        ram.Load(LoaderNameAddress, "qemu\0"u8);
    }

    /// <summary>
    /// A flat GDT like the one QEMU's multiboot loader leaves: 0x08 code, 0x10 data, both base 0 and
    /// limit 4 GiB, so a kernel that reloads the boot selectors before installing its own GDT still works.
    /// </summary>
    private static void WriteBootGdt(PhysicalMemory ram)
    {
        var gdt = new byte[24];
        BinaryPrimitives.WriteUInt64LittleEndian(gdt.AsSpan(8), 0x00CF_9A00_0000_FFFF);
        BinaryPrimitives.WriteUInt64LittleEndian(gdt.AsSpan(16), 0x00CF_9200_0000_FFFF);
        ram.Load(BootGdt, gdt);
    }
}
