using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// An operand width as a type, so that handlers written once are specialized by the JIT for 8, 16
/// and 32 bits with no run-time width checks left in them.
/// </summary>
public unsafe interface IWidth
{
    static abstract int Bits { get; }
    static abstract uint Mask { get; }
    static abstract uint SignBit { get; }
    /// <summary>0, 1 or 2: the low bits of a <see cref="CcOp"/>.</summary>
    static abstract int Index { get; }
    static abstract uint ReadReg(CpuState* s, byte offset);
    static abstract void WriteReg(CpuState* s, byte offset, uint value);
    static abstract uint ReadMem(CpuState* s, uint address);
    static abstract void WriteMem(CpuState* s, uint address, uint value);
    /// <summary>Sign-extends a value of this width to 32 bits.</summary>
    static abstract uint SignExtend(uint value);
}

public unsafe struct W8 : IWidth
{
    public static int Bits => 8;
    public static uint Mask => 0xFF;
    public static uint SignBit => 0x80;
    public static int Index => 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ReadReg(CpuState* s, byte offset) => *((byte*)s + offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WriteReg(CpuState* s, byte offset, uint value) => *((byte*)s + offset) = (byte)value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ReadMem(CpuState* s, uint address) => Mem.Read8(s, address);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WriteMem(CpuState* s, uint address, uint value) => Mem.Write8(s, address, (byte)value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint SignExtend(uint value) => (uint)(sbyte)value;
}

public unsafe struct W16 : IWidth
{
    public static int Bits => 16;
    public static uint Mask => 0xFFFF;
    public static uint SignBit => 0x8000;
    public static int Index => 1;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ReadReg(CpuState* s, byte offset) => *(ushort*)((byte*)s + offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WriteReg(CpuState* s, byte offset, uint value) => *(ushort*)((byte*)s + offset) = (ushort)value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ReadMem(CpuState* s, uint address) => Mem.Read16(s, address);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WriteMem(CpuState* s, uint address, uint value) => Mem.Write16(s, address, (ushort)value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint SignExtend(uint value) => (uint)(short)value;
}

public unsafe struct W32 : IWidth
{
    public static int Bits => 32;
    public static uint Mask => 0xFFFF_FFFF;
    public static uint SignBit => 0x8000_0000;
    public static int Index => 2;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ReadReg(CpuState* s, byte offset) => *(uint*)((byte*)s + offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WriteReg(CpuState* s, byte offset, uint value) => *(uint*)((byte*)s + offset) = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ReadMem(CpuState* s, uint address) => Mem.Read32(s, address);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void WriteMem(CpuState* s, uint address, uint value) => Mem.Write32(s, address, value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint SignExtend(uint value) => value;
}
