using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// What compiled blocks call in the host. An instruction without an inline lowering runs through the
/// interpreter's own handler (one implementation of each semantic, never two), and a memory access
/// that misses the TLB goes through the interpreter's own slow path. Guest exceptions are managed
/// exceptions, which must not unwind through native frames: each entry catches them, parks the
/// exception for <see cref="Interp.Interpreter"/>, and returns non-zero so that the compiled code
/// leaves by its fault exit.
/// </summary>
public static unsafe class HelperCalls
{
    [ThreadStatic] private static Exception? t_pending;

    /// <summary>The exception the last failed helper call parked (one CPU runs per thread at a time).</summary>
    public static Exception TakePending()
    {
        var pending = t_pending ?? throw new InvalidOperationException("compiled code reported a guest exception, but none is pending");
        t_pending = null;
        return pending;
    }

    public static readonly nint RunOpAddress = (nint)(delegate* unmanaged<CpuState*, DecodedOp*, int>)&RunOp;
    [UnmanagedCallersOnly]
    private static int RunOp(CpuState* s, DecodedOp* op)
    {
        try
        {
            op->Handler(s, op);
            return 0;
        }
        catch (Exception e)
        {
            return Park(e);
        }
    }

    public static readonly nint ReadMemAddress = (nint)(delegate* unmanaged<CpuState*, uint, int, uint*, int>)&ReadMem;
    /// <summary>The TLB miss path of an inline load: the interpreter's own access, with its page walk, faults and MMIO.</summary>
    [UnmanagedCallersOnly]
    private static int ReadMem(CpuState* s, uint address, int bytes, uint* value)
    {
        try
        {
            *value = bytes switch { 1 => Mem.Read8(s, address), 2 => Mem.Read16(s, address), _ => Mem.Read32(s, address) };
            return 0;
        }
        catch (Exception e)
        {
            return Park(e);
        }
    }

    public static readonly nint WriteMemAddress = (nint)(delegate* unmanaged<CpuState*, uint, int, uint, int>)&WriteMem;
    /// <summary>The TLB miss path of an inline store (a write to a page holding decoded code lands here too).</summary>
    [UnmanagedCallersOnly]
    private static int WriteMem(CpuState* s, uint address, int bytes, uint value)
    {
        try
        {
            switch (bytes)
            {
                case 1: Mem.Write8(s, address, (byte)value); break;
                case 2: Mem.Write16(s, address, (ushort)value); break;
                default: Mem.Write32(s, address, value); break;
            }
            return 0;
        }
        catch (Exception e)
        {
            return Park(e);
        }
    }

    public static readonly nint TestConditionAddress = (nint)(delegate* unmanaged<CpuState*, int, int>)&TestCondition;
    /// <summary>A condition after a flag-setting operation the translation cannot see (a helper's, or the previous block's).</summary>
    [UnmanagedCallersOnly]
    private static int TestCondition(CpuState* s, int condition) => Conditions.Test(s, (Condition)condition) ? 1 : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Park(Exception e)
    {
        // Anything else (a host bug, an unsupported path) is parked too, and rethrown by the run loop as it is.
        t_pending = e;
        return 1;
    }
}
