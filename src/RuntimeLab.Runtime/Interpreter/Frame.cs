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
    /// <summary>Set for a frame the interpreter entered inline (without a host call): where the caller
    /// resumes, and the caller's stack top to restore. Null for a frame with a host call of its own.</summary>
    public Instr* ReturnIp;
    public long* CallerTop;
    /// <summary>An inline constructor frame of newobj: the new object, put back in the caller's result slot on return.</summary>
    public nint NewObject;
}
