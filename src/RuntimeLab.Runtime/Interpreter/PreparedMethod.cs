using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// A method ready for the interpreter. Its frame is a run of 8-byte slots:
/// <code>
///   [arguments][locals and temporaries][evaluation stack …]      fp → slot 0
/// </code>
/// A call's arguments are the caller's top stack slots, so the callee's frame starts there and the
/// return value lands where the caller's stack expects it: calls copy nothing.
/// </summary>
public sealed unsafe class PreparedMethod
{
    public required RuntimeMethod Method { get; init; }

    /// <summary>This method's number on its thread (<see cref="ExecutionThread.IdOf"/>), by which frame
    /// records name it; -1 until the method is first entered or compiled.</summary>
    internal int Id = -1;
    public required ImportedMethod Imported { get; init; }

    private readonly Instr[] _code = [];

    /// <summary>The instructions, in a pinned array: the interpreter switches between methods without
    /// a host call, so it keeps a raw pointer to each method's code (<see cref="CodeStart"/>).</summary>
    public required Instr[] Code
    {
        get => _code;
        init
        {
            _code = GC.AllocateUninitializedArray<Instr>(value.Length, pinned: true);
            value.CopyTo(_code, 0);
            CodeStart = (Instr*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_code));
        }
    }

    public Instr* CodeStart { get; private init; }

    /// <summary>No exception clauses: the interpreter runs it in the caller's dispatch loop, without a
    /// host call of its own (a method with clauses needs one, to catch and to run its funclets).</summary>
    /// <remarks>False as well once the method is compiled: a compiled method is entered through Invoke.</remarks>
    public bool RunsInline { get; internal set; }

    /// <summary>The compiled code (<c>int (long* fp, nint ctx)</c>), or 0 while the method is interpreted.
    /// Written once, by the JIT, before <see cref="RunsInline"/> is cleared.</summary>
    internal volatile nint Native;

    /// <summary>Calls left before the method counts as hot (tiered mode); it is compiled when this reaches 0.</summary>
    internal int HotCountdown;

    /// <summary>Loop iterations (LoopHeader operations) left before the running activation asks for on-stack replacement.</summary>
    internal int LoopCountdown = int.MaxValue;
    /// <summary>
    /// Code that continues an activation of this method at the loop header <see cref="OsrPc"/>, taking
    /// over its frame (0 until compiled). OsrPc is written before the compile is queued, OsrNative once it is done.
    /// </summary>
    internal volatile nint OsrNative;
    internal int OsrPc = -1;
    public required object[] Tokens { get; init; }
    public required int LocalsStart { get; init; }
    public required int EvalStart { get; init; }
    /// <summary>Slots the frame needs, scratch included: the stack limit check uses it.</summary>
    public required int FrameSlots { get; init; }
    /// <summary>Local slot of each IL local.</summary>
    public required int[] LocalSlot { get; init; }
    public required RuntimeType[] LocalTypes { get; init; }
    public required Handler[] Handlers
    {
        get => _handlers;
        init
        {
            _handlers = value;
            RunsInline = value.Length == 0;
        }
    }

    private readonly Handler[] _handlers = [];
    /// <summary>First prepared instruction of each IL instruction (by IL instruction index).</summary>
    public required int[] PcOfIlIndex { get; init; }
    /// <summary>Per prepared instruction, the IL instruction index it came from.</summary>
    public required int[] IlIndexOfPc { get; init; }
    /// <summary>Frame slots that hold references / managed pointers whatever the pc (arguments, locals).</summary>
    public required GcSlots FixedRoots { get; init; }

    /// <summary>Evaluation-stack slots live at an IL instruction, by kind: computed on demand for the GC.</summary>
    private readonly Dictionary<int, GcSlots> _stackRoots = [];
    public required Func<int, GcSlots> StackRootsAt { get; init; }

    public GcSlots StackRoots(int ilIndex)
    {
        if (!_stackRoots.TryGetValue(ilIndex, out var roots))
            _stackRoots[ilIndex] = roots = StackRootsAt(ilIndex);
        return roots;
    }
}

/// <summary>Slots holding object references, managed pointers, and structs with references inside.</summary>
public sealed record GcSlots(int[] References, int[] Interiors)
{
    public static readonly GcSlots None = new([], []);
}

public enum HandlerKind : byte { Catch, Filter, Finally, Fault }

/// <summary>An exception clause in prepared-instruction indices (end exclusive).</summary>
public sealed class Handler
{
    public HandlerKind Kind { get; init; }
    public int TryStart { get; init; }
    public int TryEnd { get; init; }
    public int HandlerStart { get; init; }
    public int HandlerEnd { get; init; }
    public int FilterStart { get; init; }
    public RuntimeType? CatchType { get; init; }

    public bool TryCovers(int pc) => pc >= TryStart && pc < TryEnd;
    public bool HandlerCovers(int pc) => pc >= HandlerStart && pc < HandlerEnd || Kind == HandlerKind.Filter && pc >= FilterStart && pc < HandlerStart;
}
