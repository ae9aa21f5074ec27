using System.Runtime.CompilerServices;
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
    /// <summary>Sized for the deepest chain up front: the interpreter holds refs into it across calls,
    /// so it must never be reallocated.</summary>
    public readonly Frame[] Frames;
    public int Depth;
    /// <summary>First free slot above the innermost frame: where the runtime starts a call of its own.</summary>
    public long* Top;
    public readonly int MaxDepth;
    /// <summary>The lowest frame a handler search may look at: while a filter runs, an exception
    /// raised inside it must not find the handlers of the frames below (§12.4.2.7: it is swallowed).</summary>
    public int SearchFloor;

    public ExecutionThread(long slotCount, int maxDepth)
    {
        StackBase = (long*)NativeMemory.AllocZeroed((nuint)(slotCount * 8));
        StackLimit = StackBase + slotCount;
        Top = StackBase;
        MaxDepth = maxDepth;
        // Funclets (finally, filter) push frames of their own beyond the managed call depth.
        Frames = new Frame[maxDepth * 2 + 64];
    }

    public ref Frame Current => ref Frames[Depth - 1];

    /// <summary>Pushes a frame; <paramref name="returnIp"/> and what follows it are for a frame the
    /// dispatch loop enters inline (see <see cref="Frame.ReturnIp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(PreparedMethod method, long* fp, bool funclet, Instr* returnIp = null, long* callerTop = null, nint newObject = 0)
    {
        if (Depth == Frames.Length) throw new Exceptions.StackOverflowSignal { Frames = [] };
        // Field by field: a whole-struct store would copy through the GC's write-barrier helper.
        ref var frame = ref Frames[Depth++];
        frame.Method = method;
        frame.Fp = fp;
        frame.Pc = 0;
        frame.IsFunclet = funclet;
        frame.CaughtException = 0;
        frame.ReturnIp = returnIp;
        frame.CallerTop = callerTop;
        frame.NewObject = newObject;
    }

    public void Dispose() => NativeMemory.Free(StackBase);
}
