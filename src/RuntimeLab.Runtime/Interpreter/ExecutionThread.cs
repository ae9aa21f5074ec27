using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>The part of a thread that compiled code reads and writes directly, at fixed offsets.</summary>
[StructLayout(LayoutKind.Explicit)]
internal unsafe struct FrameChainState
{
    public const int FramesOffset = 0, DepthOffset = 8, MaxDepthOffset = 12, TopOffset = 16, StackLimitOffset = 24;
    [FieldOffset(FramesOffset)] public Frame* Frames;
    [FieldOffset(DepthOffset)] public int Depth;
    [FieldOffset(MaxDepthOffset)] public int MaxDepth;
    [FieldOffset(TopOffset)] public long* Top;
    [FieldOffset(StackLimitOffset)] public long* StackLimit;
}

/// <summary>The frame records, in native memory: sized for the deepest chain up front, since the
/// interpreter holds refs into it across calls.</summary>
internal readonly unsafe struct FrameStack(Frame* frames, int length)
{
    public int Length => length;
    public ref Frame this[int index] => ref frames[index];
}

/// <summary>
/// The one guest thread: its slot stack (native memory, so frames hold raw references the GC can
/// find and fix) and its frame chain. Frames are pushed by <see cref="Interpreter"/> and by compiled code.
/// </summary>
internal sealed unsafe class ExecutionThread : IDisposable
{
    public readonly long* StackBase;
    public readonly long* StackLimit;
    public readonly FrameStack Frames;
    /// <summary>Depth, top and the frame array, where compiled code finds them.</summary>
    public readonly FrameChainState* State;
    public ref int Depth => ref State->Depth;
    /// <summary>First free slot above the innermost frame: where the runtime starts a call of its own.</summary>
    public ref long* Top => ref State->Top;
    public readonly int MaxDepth;
    /// <summary>The lowest frame a handler search may look at: while a filter runs, an exception
    /// raised inside it must not find the handlers of the frames below (§12.4.2.7: it is swallowed).</summary>
    public int SearchFloor;

    public ExecutionThread(long slotCount, int maxDepth)
    {
        StackBase = (long*)NativeMemory.AllocZeroed((nuint)(slotCount * 8));
        StackLimit = StackBase + slotCount;
        MaxDepth = maxDepth;
        // Funclets (finally, filter) push frames of their own beyond the managed call depth.
        var frameCount = maxDepth * 2 + 64;
        var frames = (Frame*)NativeMemory.AllocZeroed((nuint)frameCount, (nuint)sizeof(Frame));
        Frames = new FrameStack(frames, frameCount);
        State = (FrameChainState*)NativeMemory.AllocZeroed((nuint)sizeof(FrameChainState));
        State->Frames = frames;
        State->MaxDepth = maxDepth;
        State->Top = StackBase;
        State->StackLimit = StackLimit;
    }

    public ref Frame Current => ref Frames[Depth - 1];

    private readonly Lock _registryGate = new();
    private PreparedMethod[] _methods = new PreparedMethod[256];
    private int _registered;

    /// <summary>The method a frame record names.</summary>
    public PreparedMethod MethodOf(in Frame frame) => Volatile.Read(ref _methods)[frame.MethodId];

    /// <summary>The number frame records use for <paramref name="method"/>, given on first use. The JIT
    /// asks for it from its worker thread, so giving one out is locked; reading is not.</summary>
    public int IdOf(PreparedMethod method)
    {
        if (method.Id >= 0) return method.Id;
        lock (_registryGate)
        {
            if (method.Id >= 0) return method.Id;
            if (_registered == _methods.Length)
            {
                var grown = new PreparedMethod[_methods.Length * 2];
                _methods.CopyTo(grown, 0);
                Volatile.Write(ref _methods, grown);
            }
            _methods[_registered] = method;
            method.Id = _registered++;
            return method.Id;
        }
    }

    /// <summary>Pushes a frame; <paramref name="returnIp"/> and what follows it are for a frame the
    /// dispatch loop enters inline (see <see cref="Frame.ReturnIp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(PreparedMethod method, long* fp, bool funclet, Instr* returnIp = null, long* callerTop = null, nint newObject = 0)
    {
        if (Depth == Frames.Length) throw new Exceptions.StackOverflowSignal { Frames = [] };
        ref var frame = ref Frames[Depth++];
        frame.MethodId = method.Id >= 0 ? method.Id : IdOf(method);
        frame.Fp = fp;
        frame.Pc = 0;
        frame.IsFunclet = funclet;
        frame.CaughtException = 0;
        frame.ReturnIp = returnIp;
        frame.CallerTop = callerTop;
        frame.NewObject = newObject;
    }

    public void Dispose()
    {
        NativeMemory.Free(StackBase);
        NativeMemory.Free(State->Frames);
        NativeMemory.Free(State);
    }
}
