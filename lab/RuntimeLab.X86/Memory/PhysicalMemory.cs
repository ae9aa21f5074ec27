using System.Runtime.InteropServices;

namespace RuntimeLab.X86.Memory;

/// <summary>
/// The bare-metal machine's RAM: one zeroed host block of <see cref="Size"/> bytes at physical
/// address 0. Physical addresses at or above the size hit no device (there is no memory-mapped I/O
/// yet): reads return all ones and writes are dropped, as on an open bus, so no physical address,
/// whatever its value, can reach host memory outside the block.
/// </summary>
public sealed unsafe class PhysicalMemory : IDisposable
{
    public const uint PageSize = 0x1000;

    private byte* _ram;

    public uint Size { get; }
    public uint PageCount => Size / PageSize;

    public PhysicalMemory(uint megabytes)
    {
        if (megabytes is < 2 or > 3072) throw new ArgumentOutOfRangeException(nameof(megabytes), megabytes, "RAM must be 2 to 3072 MiB");
        Size = megabytes << 20;
        _ram = (byte*)NativeMemory.AllocZeroed(Size);
    }

    public bool IsRam(uint physical) => physical < Size;

    /// <summary>The host address of a RAM page, for the TLB's addend; only valid for <see cref="IsRam"/> pages.</summary>
    public byte* HostPage(uint physicalPage) => _ram + ((nint)physicalPage << 12);

    public uint Read32(uint physical) => physical <= Size - 4 ? *(uint*)(_ram + physical) : ReadSlow(physical);

    public void Write32(uint physical, uint value)
    {
        if (physical <= Size - 4) *(uint*)(_ram + physical) = value;
        else for (var i = 0; i < 4; i++) Write8(physical + (uint)i, (byte)(value >> (8 * i)));
    }

    public byte Read8(uint physical) => physical < Size ? _ram[physical] : (byte)0xFF;

    public void Write8(uint physical, byte value)
    {
        if (physical < Size) _ram[physical] = value;
    }

    /// <summary>Copies bytes that lie within one physical page.</summary>
    public void Read(uint physical, Span<byte> destination)
    {
        if (IsRam(physical)) new ReadOnlySpan<byte>(_ram + physical, destination.Length).CopyTo(destination);
        else destination.Fill(0xFF);
    }

    /// <summary>Copies bytes that lie within one physical page.</summary>
    public void Write(uint physical, ReadOnlySpan<byte> source)
    {
        if (IsRam(physical)) source.CopyTo(new Span<byte>(_ram + physical, source.Length));
    }

    /// <summary>Loader access: copies an image to RAM, refusing one that does not fit.</summary>
    public void Load(uint physical, ReadOnlySpan<byte> bytes)
    {
        if ((ulong)physical + (ulong)bytes.Length > Size)
            throw new ArgumentOutOfRangeException(nameof(physical), $"0x{physical:x}+0x{bytes.Length:x} is outside the {Size >> 20} MiB of RAM");
        bytes.CopyTo(new Span<byte>(_ram + physical, bytes.Length));
    }

    private uint ReadSlow(uint physical)
    {
        uint value = 0;
        for (var i = 0; i < 4; i++) value |= (uint)Read8(physical + (uint)i) << (8 * i);
        return value;
    }

    public void Dispose()
    {
        if (_ram == null) return;
        NativeMemory.Free(_ram);
        _ram = null;
    }
}
