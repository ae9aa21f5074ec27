using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Memory;

/// <summary>
/// Guest memory accesses from handlers: a TLB tag compare and one host load or store when the access
/// stays inside one page, the address space's slow path otherwise (page crossings, faults, writes to
/// pages holding decoded code). x86 is little-endian like the host, so values are stored as they are.
/// </summary>
public static unsafe class Mem
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Read8(CpuState* s, uint address)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        return entry->ReadPage == address >> 12 ? *(byte*)(entry->Addend + address) : SlowRead<byte>(s, address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Read16(CpuState* s, uint address)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        return entry->ReadPage == address >> 12 && (address & 0xFFF) <= 0xFFE
            ? Unsafe.ReadUnaligned<ushort>((byte*)(entry->Addend + address)) : SlowRead<ushort>(s, address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Read32(CpuState* s, uint address)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        return entry->ReadPage == address >> 12 && (address & 0xFFF) <= 0xFFC
            ? Unsafe.ReadUnaligned<uint>((byte*)(entry->Addend + address)) : SlowRead<uint>(s, address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read64(CpuState* s, uint address)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        return entry->ReadPage == address >> 12 && (address & 0xFFF) <= 0xFF8
            ? Unsafe.ReadUnaligned<ulong>((byte*)(entry->Addend + address)) : SlowRead<ulong>(s, address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write8(CpuState* s, uint address, byte value)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        if (entry->WritePage == address >> 12) *(byte*)(entry->Addend + address) = value;
        else SlowWrite(s, address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write16(CpuState* s, uint address, ushort value)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        if (entry->WritePage == address >> 12 && (address & 0xFFF) <= 0xFFE) Unsafe.WriteUnaligned((byte*)(entry->Addend + address), value);
        else SlowWrite(s, address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write32(CpuState* s, uint address, uint value)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        if (entry->WritePage == address >> 12 && (address & 0xFFF) <= 0xFFC) Unsafe.WriteUnaligned((byte*)(entry->Addend + address), value);
        else SlowWrite(s, address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write64(CpuState* s, uint address, ulong value)
    {
        var entry = s->Tlb + ((address >> 12) & s->TlbMask);
        if (entry->WritePage == address >> 12 && (address & 0xFFF) <= 0xFF8) Unsafe.WriteUnaligned((byte*)(entry->Addend + address), value);
        else SlowWrite(s, address, value);
    }

    public static IAddressSpace AddressSpace(CpuState* s) => (IAddressSpace)GCHandle.FromIntPtr(s->AddressSpaceHandle).Target!;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T SlowRead<T>(CpuState* s, uint address) where T : unmanaged
    {
        T value;
        AddressSpace(s).Read(address, new Span<byte>(&value, sizeof(T)));
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SlowWrite<T>(CpuState* s, uint address, T value) where T : unmanaged =>
        AddressSpace(s).Write(address, new ReadOnlySpan<byte>(&value, sizeof(T)));
}
