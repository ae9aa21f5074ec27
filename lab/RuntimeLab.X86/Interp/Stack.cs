using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>Pushes and pops through SS:ESP, writing memory before ESP so a faulting push changes nothing.</summary>
public static unsafe class GuestStack
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push32(CpuState* s, uint value)
    {
        uint esp = s->Regs[Gpr.Esp] - 4;
        Mem.Write32(s, s->SegmentBase[Seg.Ss] + esp, value);
        s->Regs[Gpr.Esp] = esp;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push16(CpuState* s, uint value)
    {
        uint esp = s->Regs[Gpr.Esp] - 2;
        Mem.Write16(s, s->SegmentBase[Seg.Ss] + esp, (ushort)value);
        s->Regs[Gpr.Esp] = esp;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pop32(CpuState* s)
    {
        uint esp = s->Regs[Gpr.Esp];
        uint value = Mem.Read32(s, s->SegmentBase[Seg.Ss] + esp);
        s->Regs[Gpr.Esp] = esp + 4;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pop16(CpuState* s)
    {
        uint esp = s->Regs[Gpr.Esp];
        uint value = Mem.Read16(s, s->SegmentBase[Seg.Ss] + esp);
        s->Regs[Gpr.Esp] = esp + 2;
        return value;
    }

    /// <summary>Reads the top of the stack without popping (so a later fault leaves ESP alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Peek32(CpuState* s, uint offset = 0) => Mem.Read32(s, s->SegmentBase[Seg.Ss] + s->Regs[Gpr.Esp] + offset);
}
