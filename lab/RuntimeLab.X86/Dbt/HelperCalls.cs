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
    public static readonly nint TestConditionAddress = (nint)(delegate* unmanaged<CpuState*, int, int>)&TestCondition;
    public static readonly nint Read8Address = (nint)(delegate* unmanaged<CpuState*, uint, uint*, int>)&Read8;
    public static readonly nint Read16Address = (nint)(delegate* unmanaged<CpuState*, uint, uint*, int>)&Read16;
    public static readonly nint Read32Address = (nint)(delegate* unmanaged<CpuState*, uint, uint*, int>)&Read32;
    public static readonly nint Write8Address = (nint)(delegate* unmanaged<CpuState*, uint, uint, int>)&Write8;
    public static readonly nint Write16Address = (nint)(delegate* unmanaged<CpuState*, uint, uint, int>)&Write16;
    public static readonly nint Write32Address = (nint)(delegate* unmanaged<CpuState*, uint, uint, int>)&Write32;

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

    /// <summary>A condition on flags whose last setter the translation could not see (it ran in an earlier block or a helper).</summary>
    [UnmanagedCallersOnly]
    private static int TestCondition(CpuState* s, int condition) => Conditions.Test(s, (Condition)condition) ? 1 : 0;

    [UnmanagedCallersOnly]
    private static int Read8(CpuState* s, uint address, uint* value)
    {
        try { *value = Mem.Read8(s, address); return 0; }
        catch (Exception e) { return Park(e); }
    }

    [UnmanagedCallersOnly]
    private static int Read16(CpuState* s, uint address, uint* value)
    {
        try { *value = Mem.Read16(s, address); return 0; }
        catch (Exception e) { return Park(e); }
    }

    [UnmanagedCallersOnly]
    private static int Read32(CpuState* s, uint address, uint* value)
    {
        try { *value = Mem.Read32(s, address); return 0; }
        catch (Exception e) { return Park(e); }
    }

    [UnmanagedCallersOnly]
    private static int Write8(CpuState* s, uint address, uint value)
    {
        try { Mem.Write8(s, address, (byte)value); return 0; }
        catch (Exception e) { return Park(e); }
    }

    [UnmanagedCallersOnly]
    private static int Write16(CpuState* s, uint address, uint value)
    {
        try { Mem.Write16(s, address, (ushort)value); return 0; }
        catch (Exception e) { return Park(e); }
    }

    [UnmanagedCallersOnly]
    private static int Write32(CpuState* s, uint address, uint value)
    {
        try { Mem.Write32(s, address, value); return 0; }
        catch (Exception e) { return Park(e); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Park(Exception e)
    {
        // Anything else (a host bug, an unsupported path) is parked too, and rethrown by the run loop as it is.
        t_pending = e;
        return 1;
    }
}
