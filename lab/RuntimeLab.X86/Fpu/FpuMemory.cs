using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Fpu;

/// <summary>Guest memory accesses wider than 8 bytes: 80-bit values and environment images, each all-or-nothing when it faults.</summary>
public static unsafe class FpuMemory
{
    public static Float80 Read80(CpuState* s, uint address)
    {
        if ((address & 0xFFF) <= 0xFF6) return new Float80(Mem.Read64(s, address), Mem.Read16(s, address + 8));
        Float80 value = default;
        Mem.AddressSpace(s).Read(address, new Span<byte>(&value, 10));
        return value;
    }

    /// <summary>Within one page both parts take the same path, so the first faults exactly when the second would; across pages the slow path checks every page before writing.</summary>
    public static void Write80(CpuState* s, uint address, Float80 value)
    {
        if ((address & 0xFFF) <= 0xFF6)
        {
            Mem.Write64(s, address, value.Significand);
            Mem.Write16(s, address + 8, value.SignExponent);
        }
        else
        {
            Mem.AddressSpace(s).Write(address, new ReadOnlySpan<byte>(&value, 10));
        }
    }

    public static void Read(CpuState* s, uint address, Span<byte> destination) => Mem.AddressSpace(s).Read(address, destination);
    public static void Write(CpuState* s, uint address, ReadOnlySpan<byte> source) => Mem.AddressSpace(s).Write(address, source);
}
