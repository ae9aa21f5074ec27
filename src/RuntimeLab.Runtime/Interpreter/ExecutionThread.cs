using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// The one guest thread: its slot stack (native memory, so frames hold raw references the GC can
/// find and fix) and its frame chain. Frames are pushed by <see cref="Interpreter"/>.
/// </summary>
internal sealed unsafe class ExecutionThread : IDisposable
{
    public readonly long* StackBase;
    public readonly long* StackLimit;
    public Frame[] Frames = new Frame[256];
    public int Depth;
    /// <summary>First free slot above the innermost frame: where the runtime starts a call of its own.</summary>
    public long* Top;
    public readonly int MaxDepth;

    public ExecutionThread(long slotCount, int maxDepth)
    {
        StackBase = (long*)NativeMemory.AllocZeroed((nuint)(slotCount * 8));
        StackLimit = StackBase + slotCount;
        Top = StackBase;
        MaxDepth = maxDepth;
    }

    public ref Frame Current => ref Frames[Depth - 1];

    public void Push(PreparedMethod method, long* fp, bool funclet)
    {
        if (Depth == Frames.Length) Array.Resize(ref Frames, Frames.Length * 2);
        Frames[Depth++] = new Frame { Method = method, Fp = fp, Pc = 0, IsFunclet = funclet };
    }

    public void Dispose() => NativeMemory.Free(StackBase);
}
