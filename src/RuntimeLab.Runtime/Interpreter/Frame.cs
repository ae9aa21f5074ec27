namespace RuntimeLab.Runtime.Interpreter;

/// <summary>One activation on the interpreter's frame chain: what the GC and the exception
/// dispatcher need to walk the stack. Pc is stored before every operation that can allocate, call or throw.</summary>
internal unsafe struct Frame
{
    public PreparedMethod Method;
    public long* Fp;
    public int Pc;
    /// <summary>A finally, fault or filter block running as a nested activation of the frame below.</summary>
    public bool IsFunclet;
    /// <summary>The exception the innermost catch handler running in this frame caught (for rethrow; a root).</summary>
    public nint CaughtException;
}
