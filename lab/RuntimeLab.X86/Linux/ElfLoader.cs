using System.Buffers.Binary;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// Loads a static i386 ELF32 executable (ET_EXEC, or a static PIE) into a <see cref="UserAddressSpace"/>.
/// Every field is range-checked before use, so a malformed file ends in an <see cref="ElfException"/>
/// and never in an out-of-range access.
/// </summary>
public static class ElfLoader
{
    private const int HeaderSize = 52, ProgramHeaderEntrySize = 32;
    private const ushort TypeExec = 2, TypeDyn = 3, MachineI386 = 3;
    private const uint PtLoad = 1, PtInterp = 3, PtPhdr = 6, PtTls = 7, PtGnuStack = 0x6474E551;
    private const uint FlagExec = 1, FlagWrite = 2, FlagRead = 4;

    /// <summary>Where a static PIE goes: Linux's ELF_ET_DYN_BASE for 32-bit programs without ASLR.</summary>
    public const uint PieLoadBase = 0x5655_5000;
    /// <summary>Segments must end below the stack and the kernel's quarter (TASK_SIZE of a 3G/1G split).</summary>
    public const uint UserTop = 0xC000_0000;

    private readonly record struct Segment(int Index, uint Type, uint Offset, uint VirtualAddress, uint FileSize, uint MemorySize, uint Flags, uint Alignment);

    public static ElfImage Load(ReadOnlySpan<byte> file, UserAddressSpace memory)
    {
        CheckHeader(file);
        var type = U16(file, 16);
        var entry = U32(file, 24);
        var phoff = U32(file, 28);
        var phentsize = U16(file, 42);
        var phnum = U16(file, 44);
        if (phnum == 0) throw new ElfException("no program headers: not an executable");
        if (phentsize != ProgramHeaderEntrySize) throw new ElfException($"program header entry size {phentsize}, expected {ProgramHeaderEntrySize}");
        if ((ulong)phoff + (ulong)phnum * ProgramHeaderEntrySize > (ulong)file.Length)
            throw new ElfException($"program headers at 0x{phoff:x} lie beyond the end of the file ({file.Length} bytes)");

        var segments = new List<Segment>();
        for (var i = 0; i < phnum; i++)
        {
            var at = (int)phoff + i * ProgramHeaderEntrySize;
            segments.Add(new Segment(i, U32(file, at), U32(file, at + 4), U32(file, at + 8), U32(file, at + 16),
                U32(file, at + 20), U32(file, at + 24), U32(file, at + 28)));
        }
        if (segments.Any(s => s.Type == PtInterp))
            throw new ElfException("dynamically linked: RuntimeLab runs static i386 programs (gcc -m32 -static)");
        var loads = segments.Where(s => s.Type == PtLoad && s.MemorySize != 0).ToList();
        if (loads.Count == 0) throw new ElfException("no loadable segments");

        var bias = type == TypeDyn && loads.Min(s => s.VirtualAddress) < PieLoadBase ? PieLoadBase : 0u;
        foreach (var s in loads) CheckSegment(s, bias, file.Length);
        MapSegments(file, memory, loads, bias);

        var end = loads.Max(s => (ulong)s.VirtualAddress + bias + s.MemorySize);
        var tls = segments.FirstOrDefault(s => s.Type == PtTls);
        var stack = segments.FirstOrDefault(s => s.Type == PtGnuStack);
        return new ElfImage(
            Entry: entry + bias,
            ProgramHeaders: FindProgramHeaders(segments, loads, phoff, bias),
            ProgramHeaderCount: phnum,
            ProgramHeaderSize: phentsize,
            InitialBreak: (uint)UserAddressSpace.AlignUp(end),
            LoadBias: bias,
            Tls: tls.Type == PtTls ? new ElfTls(tls.VirtualAddress + bias, tls.FileSize, tls.MemorySize, tls.Alignment) : null,
            ExecutableStack: stack.Type != PtGnuStack || (stack.Flags & FlagExec) != 0);
    }

    private static void CheckHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < 4 || file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            throw new ElfException("not an ELF file");
        if (file.Length < HeaderSize) throw new ElfException($"truncated ELF header ({file.Length} bytes)");
        if (file[4] != 1) throw new ElfException(file[4] == 2 ? "64-bit ELF: RuntimeLab runs 32-bit i386 programs (gcc -m32 -static)" : $"unknown ELF class {file[4]}");
        if (file[5] != 1) throw new ElfException("big-endian ELF: RuntimeLab runs little-endian i386 programs");
        var machine = U16(file, 18);
        if (machine != MachineI386) throw new ElfException($"ELF machine {machine} is not i386 (EM_386 = 3)");
        var type = U16(file, 16);
        if (type != TypeExec && type != TypeDyn) throw new ElfException($"ELF type {type} is not an executable (ET_EXEC or a static PIE)");
    }

    private static void CheckSegment(Segment s, uint bias, int fileLength)
    {
        if (s.FileSize > s.MemorySize) throw new ElfException($"segment {s.Index}: file size 0x{s.FileSize:x} exceeds memory size 0x{s.MemorySize:x}");
        if ((ulong)s.Offset + s.FileSize > (ulong)fileLength)
            throw new ElfException($"segment {s.Index} (offset 0x{s.Offset:x}, size 0x{s.FileSize:x}) lies beyond the end of the file ({fileLength} bytes)");
        var start = (ulong)s.VirtualAddress + bias;
        if (start < UserAddressSpace.PageSize || start + s.MemorySize > UserTop)
            throw new ElfException($"segment {s.Index} at 0x{start:x} (size 0x{s.MemorySize:x}) lies outside the user address space");
    }

    /// <summary>
    /// Segments may share a page (text end and data start), so the pages are mapped writable first,
    /// filled, and only then given the union of the permissions of the segments that touch them.
    /// </summary>
    private static void MapSegments(ReadOnlySpan<byte> file, UserAddressSpace memory, List<Segment> loads, uint bias)
    {
        var pagePermissions = new SortedDictionary<uint, Protection>();
        foreach (var s in loads)
        {
            var start = s.VirtualAddress + bias;
            memory.Map(UserAddressSpace.AlignDown(start), start - UserAddressSpace.AlignDown(start) + (ulong)s.MemorySize, Protection.ReadWrite);
            memory.Write(start, file.Slice((int)s.Offset, (int)s.FileSize));
            for (var page = UserAddressSpace.PageOf(start); page <= UserAddressSpace.PageOf(start + s.MemorySize - 1); page++)
                pagePermissions[page] = pagePermissions.GetValueOrDefault(page) | ToProtection(s.Flags);
        }
        foreach (var (page, protection) in pagePermissions)
            memory.Protect(page << 12, UserAddressSpace.PageSize, protection);
    }

    private static Protection ToProtection(uint flags) =>
        ((flags & FlagRead) != 0 ? Protection.Read : 0) | ((flags & FlagWrite) != 0 ? Protection.Write : 0) |
        ((flags & FlagExec) != 0 ? Protection.Exec : 0);

    /// <summary>PT_PHDR if present, else the loaded segment whose file bytes contain the headers (as Linux computes AT_PHDR).</summary>
    private static uint FindProgramHeaders(List<Segment> segments, List<Segment> loads, uint phoff, uint bias)
    {
        var phdr = segments.FirstOrDefault(s => s.Type == PtPhdr);
        if (phdr.Type == PtPhdr) return phdr.VirtualAddress + bias;
        var holder = loads.FirstOrDefault(s => phoff >= s.Offset && (ulong)phoff - s.Offset < s.FileSize);
        return holder.Type == PtLoad ? holder.VirtualAddress + bias + (phoff - holder.Offset) : 0;
    }

    internal static ushort U16(ReadOnlySpan<byte> file, int at) => BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(at, 2));
    internal static uint U32(ReadOnlySpan<byte> file, int at) => BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(at, 4));
}
