using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// The stack's address size as a type: ESP (SS's B bit set) or SP (clear, and real mode's usual
/// case), where pushes and pops change only the low half of ESP and addresses wrap at 64 KiB.
/// </summary>
public unsafe interface IStackWidth
{
    static abstract uint Mask { get; }
    /// <summary>Writes the new stack pointer: all of ESP, or SP alone.</summary>
    static abstract void Set(CpuState* s, uint pointer);
}

public unsafe struct Stack32 : IStackWidth
{
    public static uint Mask => 0xFFFF_FFFF;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Set(CpuState* s, uint pointer) => s->Regs[Gpr.Esp] = pointer;
}

public unsafe struct Stack16 : IStackWidth
{
    public static uint Mask => 0xFFFF;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Set(CpuState* s, uint pointer) => *(ushort*)&s->Regs[Gpr.Esp] = (ushort)pointer;
}

/// <summary>
/// Pushes and pops through SS:ESP (or SS:SP), writing memory before ESP so a faulting push changes
/// nothing. Hot handlers are specialized by stack width at decode time (the generic forms); the
/// plain forms serve rare instructions and follow <see cref="CpuState.CodeMode"/> at run time.
/// </summary>
public static unsafe class GuestStack
{
    /// <summary>The linear address <paramref name="offset"/> bytes above the stack pointer (negative: below it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Address<TS>(CpuState* s, uint offset) where TS : struct, IStackWidth =>
        s->SegmentBase[Seg.Ss] + ((s->Regs[Gpr.Esp] + offset) & TS.Mask);

    // ESP is read once: guest memory never aliases the CPU state, so the store cannot change it.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push32<TS>(CpuState* s, uint value) where TS : struct, IStackWidth
    {
        uint esp = s->Regs[Gpr.Esp] - 4;
        Mem.Write32(s, s->SegmentBase[Seg.Ss] + (esp & TS.Mask), value);
        TS.Set(s, esp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push16<TS>(CpuState* s, uint value) where TS : struct, IStackWidth
    {
        uint esp = s->Regs[Gpr.Esp] - 2;
        Mem.Write16(s, s->SegmentBase[Seg.Ss] + (esp & TS.Mask), (ushort)value);
        TS.Set(s, esp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pop32<TS>(CpuState* s) where TS : struct, IStackWidth
    {
        uint esp = s->Regs[Gpr.Esp];
        uint value = Mem.Read32(s, s->SegmentBase[Seg.Ss] + (esp & TS.Mask));
        TS.Set(s, esp + 4);
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pop16<TS>(CpuState* s) where TS : struct, IStackWidth
    {
        uint esp = s->Regs[Gpr.Esp];
        uint value = Mem.Read16(s, s->SegmentBase[Seg.Ss] + (esp & TS.Mask));
        TS.Set(s, esp + 2);
        return value;
    }

    /// <summary>Reads the top of the stack without popping (so a later fault leaves ESP alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Peek32<TS>(CpuState* s, uint offset = 0) where TS : struct, IStackWidth => Mem.Read32(s, Address<TS>(s, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Peek16<TS>(CpuState* s, uint offset = 0) where TS : struct, IStackWidth => Mem.Read16(s, Address<TS>(s, offset));

    /// <summary>Moves the stack pointer by <paramref name="delta"/> bytes (releasing or reserving without access).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Adjust<TS>(CpuState* s, uint delta) where TS : struct, IStackWidth => TS.Set(s, s->Regs[Gpr.Esp] + delta);

    public static bool Is32(CpuState* s) => (s->CodeMode & CodeMode.Stack32) != 0;

    public static void Push32(CpuState* s, uint value) { if (Is32(s)) Push32<Stack32>(s, value); else Push32<Stack16>(s, value); }
    public static void Push16(CpuState* s, uint value) { if (Is32(s)) Push16<Stack32>(s, value); else Push16<Stack16>(s, value); }
    public static uint Pop32(CpuState* s) => Is32(s) ? Pop32<Stack32>(s) : Pop32<Stack16>(s);
    public static uint Pop16(CpuState* s) => Is32(s) ? Pop16<Stack32>(s) : Pop16<Stack16>(s);
    public static uint Peek32(CpuState* s, uint offset = 0) => Is32(s) ? Peek32<Stack32>(s, offset) : Peek32<Stack16>(s, offset);
    public static uint Peek16(CpuState* s, uint offset = 0) => Is32(s) ? Peek16<Stack32>(s, offset) : Peek16<Stack16>(s, offset);
    public static uint Address(CpuState* s, uint offset) => Is32(s) ? Address<Stack32>(s, offset) : Address<Stack16>(s, offset);
    public static void Adjust(CpuState* s, uint delta) { if (Is32(s)) Adjust<Stack32>(s, delta); else Adjust<Stack16>(s, delta); }
}
