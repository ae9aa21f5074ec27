using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>One activation on the frame chain: what the GC and the exception dispatcher need to walk
/// the stack. Pc is stored before every operation that can allocate, call or throw. An unmanaged
/// struct at fixed offsets in native memory, because compiled code pushes and pops its own records
/// (the offsets below are what it stores to).</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal unsafe struct Frame
{
    public const int Size = 56;
    public const int MethodIdOffset = 0, PcOffset = 4, FpOffset = 8, IsFuncletOffset = 16,
        CaughtExceptionOffset = 24, ReturnIpOffset = 32, CallerTopOffset = 40, NewObjectOffset = 48;

    /// <summary>The prepared method, by <see cref="PreparedMethod.Id"/> (a managed reference cannot live
    /// in native memory); <see cref="ExecutionThread.MethodOf"/> turns it back.</summary>
    [FieldOffset(MethodIdOffset)] public int MethodId;
    [FieldOffset(PcOffset)] public int Pc;
    [FieldOffset(FpOffset)] public long* Fp;
    /// <summary>A finally, fault or filter block running as a nested activation of the frame below.</summary>
    [FieldOffset(IsFuncletOffset)] public bool IsFunclet;
    /// <summary>The exception the innermost catch handler running in this frame caught (for rethrow; a root).</summary>
    [FieldOffset(CaughtExceptionOffset)] public nint CaughtException;
    /// <summary>Set for a frame the interpreter entered inline (without a host call): where the caller
    /// resumes, and the caller's stack top to restore. Null for a frame with a host call of its own.</summary>
    [FieldOffset(ReturnIpOffset)] public Instr* ReturnIp;
    [FieldOffset(CallerTopOffset)] public long* CallerTop;
    /// <summary>An inline constructor frame of newobj: the new object, put back in the caller's result slot on return.</summary>
    [FieldOffset(NewObjectOffset)] public nint NewObject;
}
