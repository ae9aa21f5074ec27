using System.Runtime.ExceptionServices;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// The interpreter's side of compiled code. A compiled method pushes its own frame record, in the
/// same native frame array the interpreter uses, and what its code does not do inline comes back here one operation at a
/// time (<see cref="ExecuteForCompiled"/>), so calls, allocation and type tests have one implementation.
/// Host exceptions never cross native frames: a helper parks the exception, compiled frames return
/// 1 up to <see cref="RunCompiled"/>, and that rethrows it here, where the interpreter's own handling
/// (Run's catch clauses) takes over.
/// </summary>
internal sealed unsafe partial class Interpreter
{
    /// <summary>The JIT of this VM; null when running interpreter-only.</summary>
    internal Jit.CilJit? Jit;

    private ExceptionDispatchInfo? _parked;

    private void RunCompiled(PreparedMethod pm, long* fp) => RunNative(pm.Native, fp);

    /// <summary>Runs compiled code (a method's, or its on-stack-replacement continuation) on the frame at <paramref name="fp"/>.</summary>
    private void RunNative(nint code, long* fp)
    {
        var entry = (delegate* unmanaged<long*, nint, int>)code;
        if (entry(fp, Jit!.Context) == 0) return;
        // An error the engine raised under compiled code becomes a managed exception here, as Run
        // does for interpreted frames: the frames above are still on the chain, so the handler
        // search and the stack trace see them.
        try
        {
            RethrowParked();
        }
        catch (ManagedRuntimeError e)
        {
            throw Raise(_vm.CreateRuntimeException(e));
        }
        catch (PendingManagedException pending)
        {
            throw Raise(pending.ExceptionObject);
        }
        catch (OverflowException)
        {
            throw Raise(_vm.CreateRuntimeException(new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage)));
        }
    }

    /// <summary>Holds a host exception raised under compiled code until control is back on the managed side.</summary>
    internal void Park(Exception e) => _parked = ExceptionDispatchInfo.Capture(e);

    private void RethrowParked()
    {
        var parked = _parked ?? throw new InvalidOperationException("compiled code reported an exception but none was parked");
        _parked = null;
        parked.Throw();
    }

    /// <summary>Loop iterations between two looks at whether a requested on-stack replacement is ready.</summary>
    private const int OsrRecheck = 256;

    /// <summary>
    /// A loop header of the running activation got hot. True when the activation can continue compiled
    /// from here now; otherwise the continuation is requested (once, compiled in the background) and
    /// the interpreter goes on, looking again every <see cref="OsrRecheck"/> iterations.
    /// </summary>
    private bool OnHotLoop(PreparedMethod pm, int pc)
    {
        if (Jit is null) { pm.LoopCountdown = int.MaxValue; return false; }
        if (pm.OsrNative != 0 && pm.OsrPc == pc)
        {
            Jit.EnteringOsr(pm, pc);
            return true;
        }
        if (pm.OsrPc < 0) Jit.HotLoop(pm, pc);
        pm.LoopCountdown = OsrRecheck;
        return false;
    }

    private void OnHot(PreparedMethod pm)
    {
        if (Jit is null) pm.HotCountdown = int.MinValue; // interpreter only: count on, harmlessly
        else Jit.Hot(pm);
    }

    /// <summary>Runs the one operation at <paramref name="pc"/> of the compiled method on top of the frame
    /// chain, for its compiled code. Exceptions propagate to the helper that called this.</summary>
    internal void ExecuteForCompiled(long* fp, int pc)
    {
        ref var frame = ref _thread.Current;
        frame.Pc = pc;
        var pm = _thread.MethodOf(frame);
        var code = pm.CodeStart;
        var ip = code + pc;
        var tokens = pm.Tokens;
        switch (ip->Op)
        {
            case Op.Nop: // a ClassInit compiled before its type was initialized, which has since run
            case Op.LoopHeader:
                break;
            case Op.Call:
                if (ip->C != 0 && fp[ip->A] == 0) NullReference();
                Invoke((RuntimeMethod)tokens[ip->Token], fp + ip->A);
                break;
            case Op.CallVirt: case Op.CallInterface:
            {
                var args = fp + ip->A;
                Invoke(ResolveVirtual((CallSite)tokens[ip->Token], args), args);
                break;
            }
            case Op.NewObj:
            {
                var ctor = (RuntimeMethod)tokens[ip->Token];
                var args = fp + ip->A;
                var obj = AllocateForConstructor(ctor, args, ip->B);
                Invoke(ctor, args);
                args[0] = obj;
                break;
            }
            case Op.Convert:
                Conversions.Convert(fp + ip->A, fp + ip->B, ip->C);
                break;
            case Op.StoreN:
                if (fp[ip->A] == 0) NullReference();
                StoreStruct(ip, fp, tokens);
                break;
            default:
                if (Slow(pm, fp, ip, code, tokens) != pc + 1)
                    throw new InvalidOperationException($"compiled code sent {ip->Op}, which branches, to the interpreter");
                break;
        }
    }

    /// <summary>
    /// A compiled frame (its record at <paramref name="depth"/>) has an exception pending at
    /// <paramref name="pc"/>, inside one of its try blocks: the interpreter handles it on that frame,
    /// as for one of its own (two passes, finally blocks, filters), and if a handler of this frame
    /// catches it, runs the handler and the rest of the method to its return. An exception that
    /// leaves the frame propagates to the helper, which parks it again.
    /// </summary>
    internal void HandleForCompiled(long* fp, int pc, int depth)
    {
        ref var frame = ref _thread.Frames[depth];
        frame.Pc = pc;
        Run(_thread.MethodOf(frame), fp, pc, depth, resumeParked: true);
    }

    /// <summary>The call part of the operation at <paramref name="pc"/> (a newobj whose object compiled code allocated): its method, its arguments at A.</summary>
    internal void InvokeForCompiled(long* fp, int pc)
    {
        ref var frame = ref _thread.Current;
        frame.Pc = pc;
        var pm = _thread.MethodOf(frame);
        var ip = pm.CodeStart + pc;
        Invoke((RuntimeMethod)pm.Tokens[ip->Token], fp + ip->A);
    }

    /// <summary>
    /// A virtual or interface call from compiled code whose inline cache missed (another receiver type,
    /// or a target not compiled yet): resolves it as the interpreter does, refills the site's cache
    /// with the receiver's type and the target's entry cell, and calls.
    /// </summary>
    internal void CallVirtualForCompiled(long* fp, int pc)
    {
        ref var frame = ref _thread.Current;
        frame.Pc = pc;
        var pm = _thread.MethodOf(frame);
        var ip = pm.CodeStart + pc;
        var site = (CallSite)pm.Tokens[ip->Token];
        var args = fp + ip->A;
        var receiverType = args[0] == 0 ? null : *(MethodTable**)args[0];
        var target = ResolveVirtual(site, args);
        if (site.NativeCache != null && receiverType != null)
        {
            site.NativeCache->Type = receiverType;
            site.NativeCache->EntryCell = (nint*)Jit!.EntryCellOf(target);
            site.NativeCache->ThisAdjust = target.DeclaringType.IsValueType && !target.IsStatic ? ObjectLayout.FirstFieldOffset : 0;
        }
        Invoke(target, args);
    }

    /// <summary>Compiled code's allocation slow path: what newobj allocates, the same way.</summary>
    internal nint AllocateForCompiled(int typeId) => _vm.Allocate(_vm.Types.ById(typeId));

    /// <summary>StoreN after its null check: C bytes from slot B to the address in slot A plus Imm,
    /// with the write barrier over the range when the struct holds references.</summary>
    private void StoreStruct(Instr* ip, long* fp, object[] tokens)
    {
        var p = fp[ip->A];
        Buffer.MemoryCopy(fp + ip->B, (void*)(p + ip->Imm), ip->C, ip->C);
        if (ip->Token >= 0) _vm.Heap.NoteStructStore((nint)(p + ip->Imm), (RuntimeType)tokens[ip->Token]);
    }

    /// <summary>Compiled code found no room for its frame: the error EnterFrame raises for an interpreted one.</summary>
    internal void StackOverflowForCompiled() => throw new StackOverflowSignal { Frames = _vm.StackTrace(_thread).ToArray() };

    /// <summary>A check in compiled code failed: the error the interpreter raises at the same operation.</summary>
    internal void RaiseForCompiled(int pc, RuntimeErrorKind kind)
    {
        _thread.Current.Pc = pc;
        throw kind switch
        {
            RuntimeErrorKind.DivideByZero => new ManagedRuntimeError(kind, ManagedRuntimeError.DivideByZeroMessage),
            RuntimeErrorKind.Overflow => new ManagedRuntimeError(kind, ManagedRuntimeError.OverflowMessage),
            _ => new ManagedRuntimeError(kind),
        };
    }
}
