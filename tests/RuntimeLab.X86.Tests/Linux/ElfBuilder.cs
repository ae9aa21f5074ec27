using System.Buffers.Binary;

namespace RuntimeLab.X86.Tests.Linux;

/// <summary>Hand-built ELF32 files: a header, program headers right after it, then segment bytes.</summary>
internal sealed class ElfBuilder
{
    public const uint TextAddress = 0x0804_8000, DataAddress = 0x0804_A000, Entry = TextAddress + 0x100;
    public const uint PtLoad = 1, PtInterp = 3, PtPhdr = 6, PtTls = 7, PtGnuStack = 0x6474E551;

    public readonly record struct ProgramHeader(uint Type, uint Offset, uint Address, uint FileSize, uint MemorySize, uint Flags);

    public ushort Machine { get; set; } = 3;
    public byte Class { get; set; } = 1;
    public ushort Type { get; set; } = 2;
    public uint EntryPoint { get; set; } = Entry;
    public List<ProgramHeader> Headers { get; } = [];
    public byte[] Body { get; set; } = [];

    /// <summary>A typical static program: text (R-X) holding the headers and code at file offset 0, data (RW-) with a bss tail.</summary>
    public static ElfBuilder Minimal()
    {
        var builder = new ElfBuilder { Body = new byte[0x2000] };
        builder.Body[0x100] = 0xCC;  // the "code" at the entry point
        builder.Body[0x1000] = 0x2A;  // the first data byte
        builder.Headers.Add(new ProgramHeader(PtLoad, 0, TextAddress, 0x200, 0x200, 5));
        builder.Headers.Add(new ProgramHeader(PtLoad, 0x1000, DataAddress, 0x10, 0x3000, 6));
        builder.Headers.Add(new ProgramHeader(PtGnuStack, 0, 0, 0, 0, 6));
        return builder;
    }

    public byte[] Build()
    {
        var file = new byte[Math.Max(Body.Length, 52 + 32 * Headers.Count)];
        Body.CopyTo(file, 0);
        file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
        file[4] = Class; file[5] = 1; file[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(16), Type);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(18), Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), EntryPoint);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), 52);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(40), 52);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(42), 32);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(44), (ushort)Headers.Count);
        for (var i = 0; i < Headers.Count; i++)
        {
            var at = file.AsSpan(52 + i * 32);
            var h = Headers[i];
            BinaryPrimitives.WriteUInt32LittleEndian(at, h.Type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], h.Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], h.Address);
            BinaryPrimitives.WriteUInt32LittleEndian(at[12..], h.Address);
            BinaryPrimitives.WriteUInt32LittleEndian(at[16..], h.FileSize);
            BinaryPrimitives.WriteUInt32LittleEndian(at[20..], h.MemorySize);
            BinaryPrimitives.WriteUInt32LittleEndian(at[24..], h.Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(at[28..], 0x1000);
        }
        return file;
    }
}
