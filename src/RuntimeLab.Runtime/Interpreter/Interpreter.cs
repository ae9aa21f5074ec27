using System.Runtime.CompilerServices;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// The interpreter: a switch over prepared instructions (<see cref="Dispatch"/>). Calls of methods
/// without exception clauses stay in the switch's loop; a method with clauses gets a host call of
/// <see cref="Run"/> of its own, which is where exceptions are caught. Exceptions use two passes (ECMA-335 Partition I §12.4.2.5): the first
/// walks the frame chain to find a handler, running filters; the second unwinds host frames with an
/// <see cref="UnwindSignal"/>, each frame running its finally and fault blocks on the way.
/// </summary>
internal sealed unsafe partial class Interpreter(VirtualMachine vm, ExecutionThread thread)
{
    private readonly VirtualMachine _vm = vm;
    private readonly ExecutionThread _thread = thread;

    /// <summary>Calls <paramref name="method"/> with its arguments at <paramref name="args"/>; the result replaces them.</summary>
    public void Invoke(RuntimeMethod method, long* args)
    {
        var pm = method.Prepared;
        if (pm is null)
        {
            if (method.InternalCall is null) Prepare(method);
            if (method.InternalCall is { } icall)
            {
                icall.Invoke(_vm, args);
                return;
            }
            pm = method.Prepared!;
        }
        if (pm.Native != 0)
        {
            RunCompiled(pm, args); // compiled code pushes and pops its own frame record
            return;
        }
        var t = _thread;
        var savedTop = t.Top;
        var depth = t.Depth;
        EnterFrame(pm, args, returnIp: null, newObject: 0);
        // No try/finally here (it costs every call): a frame that catches an exception resets the
        // depth and the stack top itself (see Run), and the run ends on anything else.
        if (--pm.HotCountdown == 0) OnHot(pm);
        Run(pm, args, 0, depth);
        t.Depth = depth;
        t.Top = savedTop;
    }

    /// <summary>
    /// Pushes the frame of <paramref name="callee"/> at <paramref name="args"/>: the depth and stack
    /// checks, zeroed locals, the new stack top. <paramref name="returnIp"/> is set for a frame the
    /// dispatch loop runs in place (<see cref="Dispatch"/>) and null for one with a host call of its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterFrame(PreparedMethod callee, long* args, Instr* returnIp, nint newObject)
    {
        var t = _thread;
        if (t.Depth >= t.MaxDepth || args + callee.FrameSlots >= t.StackLimit)
            throw new StackOverflowSignal { Frames = _vm.StackTrace(t).ToArray() };
        // Locals start zeroed (C# sets localsinit; RuntimeLab zeroes them regardless). Evaluation
        // slots need no clearing: each is written before it is read, and the GC reads only live ones.
        var locals = callee.EvalStart - callee.LocalsStart;
        if (locals > 0) new Span<long>(args + callee.LocalsStart, locals).Clear();
        var callerTop = t.Top;
        t.Top = args + callee.FrameSlots;
        t.Push(callee, args, funclet: false, returnIp, callerTop, newObject);
    }

    /// <summary>The method a virtual or interface call reaches for the receiver at <paramref name="args"/>
    /// (a one-entry cache per call site); a boxed struct's receiver becomes a byref to its value.</summary>
    private RuntimeMethod ResolveVirtual(CallSite site, long* args)
    {
        var self = (nint)args[0];
        if (self == 0) NullReference();
        var mt = *(MethodTable**)self;
        RuntimeMethod target;
        if (site.CachedType == mt) target = site.CachedTarget!;
        else
        {
            target = _vm.Types.ResolveVirtual(_vm.Types.ById(mt->TypeId), site.Method);
            site.CachedType = mt;
            site.CachedTarget = target;
        }
        if (target.DeclaringType.IsValueType && !target.IsStatic)
            args[0] = self + ObjectLayout.FirstFieldOffset;
        return target;
    }

    /// <summary>newobj of a class: shifts the <paramref name="argCount"/> constructor arguments up one
    /// slot and allocates the object into the first. The shift comes first, before anything can collect
    /// (preparing the constructor interns its literals): the GC map of a newobj describes the shifted
    /// arguments (Preparer.StackRootsAt).</summary>
    private nint AllocateForConstructor(RuntimeMethod ctor, long* args, int argCount)
    {
        Buffer.MemoryCopy(args, args + 1, argCount * 8, argCount * 8);
        args[0] = 0;
        Prepare(ctor);
        var obj = _vm.Allocate(ctor.DeclaringType);
        args[0] = obj;
        return obj;
    }

    public void Prepare(RuntimeMethod method)
    {
        if (method.InternalCall is not null || method.Prepared is not null) return;
        if (_vm.InternalCalls.TryBind(method) is { } icall)
        {
            method.InternalCall = icall;
            return;
        }
        if (!method.HasBody)
            throw new Bytecode.Loading.UnsupportedMemberException(method.Signature, why: method.Definition.IsPInvokeImpl ? "P/Invoke" : "no body");
        var prepared = Preparer.Prepare(_vm, method);
        if (_vm.ShowPrepared?.Matches(method.Definition) == true)
            PreparedListing.Write(_vm.Io.Stderr, prepared);
        Jit?.Prepared(prepared);
        method.Prepared = prepared;
    }

    /// <summary>
    /// Runs a frame (or one of its funclets) from <paramref name="pc"/>; returns an endfilter's value.
    /// With <paramref name="resumeParked"/>, the frame is a compiled one the interpreter takes over: the
    /// exception its code left parked at <paramref name="pc"/> is raised here first, as if this frame
    /// had raised it.
    /// </summary>
    private int Run(PreparedMethod pm, long* fp, int pc, int myDepth, bool resumeParked = false)
    {
        while (true)
        {
            UnwindSignal? unwind;
            try
            {
                if (resumeParked)
                {
                    resumeParked = false;
                    RethrowParked();
                }
                return Dispatch(pm, fp, pc);
            }
            catch (UnwindSignal u)
            {
                Unwound(pm, fp, myDepth);
                unwind = u;
            }
            // An error raised by the engine is raised before the frames above this one are dropped:
            // they are frames the dispatch loop entered inline (they have no handlers), and the stack
            // trace names them.
            catch (ManagedRuntimeError e)
            {
                unwind = Raise(_vm.CreateRuntimeException(e));
                Unwound(pm, fp, myDepth);
            }
            catch (PendingManagedException pending)
            {
                unwind = Raise(pending.ExceptionObject);
                Unwound(pm, fp, myDepth);
            }
            catch (OverflowException)
            {
                // checked arithmetic in the handlers uses C#'s own overflow checks
                unwind = Raise(_vm.CreateRuntimeException(new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage)));
                Unwound(pm, fp, myDepth);
            }
            pc = ContinueUnwinding(pm, fp, myDepth, unwind);
        }
    }

    /// <summary>
    /// The second pass in this frame: run the finally blocks on the way and resume at the handler if it
    /// is here (returning its pc), or pass the exception on. A finally block that throws replaces the
    /// exception; its search started at that finally block, which is where this frame now stands.
    /// </summary>
    private int ContinueUnwinding(PreparedMethod pm, long* fp, int myDepth, UnwindSignal unwind)
    {
        while (true)
        {
            var pc = _thread.Current.Pc;
            try
            {
                if (unwind.TargetDepth == myDepth)
                {
                    var handler = pm.Handlers[unwind.HandlerIndex];
                    RunFinallies(pm, fp, pc, innerOf: handler);
                    fp[pm.EvalStart] = unwind.ExceptionObject;
                    _thread.Current.CaughtException = unwind.ExceptionObject;
                    _vm.InFlight.Remove(unwind.ExceptionObject);
                    _thread.Current.Pc = handler.HandlerStart;
                    return handler.HandlerStart;
                }
                RunFinallies(pm, fp, pc, innerOf: null);
            }
            catch (UnwindSignal replaced) when (replaced != unwind)
            {
                Unwound(pm, fp, myDepth);
                unwind = replaced;
                continue;
            }
            throw unwind;
        }
    }

    /// <summary>Frames above this one are gone: the frame chain and the stack top end here again.</summary>
    private void Unwound(PreparedMethod pm, long* fp, int myDepth)
    {
        _thread.Depth = myDepth + 1;
        if (!_thread.Current.IsFunclet) _thread.Top = fp + pm.FrameSlots;
    }

    /// <summary>First pass: find the handler for <paramref name="exception"/>, then start the second.</summary>
    private UnwindSignal Raise(nint exception)
    {
        _vm.InFlight.Add(exception);
        _vm.RecordStackTrace(exception, _thread);
        var type = _vm.TypeOf(exception);
        for (var depth = _thread.Depth - 1; depth >= _thread.SearchFloor; depth--)
        {
            ref var frame = ref _thread.Frames[depth];
            var pm = _thread.MethodOf(frame);
            var pc = frame.Pc;
            for (var i = 0; i < pm.Handlers.Length; i++)
            {
                var h = pm.Handlers[i];
                if (!h.TryCovers(pc)) continue;
                if (frame.IsFunclet && !IsInsideFunclet(pm, h, frame.Pc)) continue;
                if (h.Kind == HandlerKind.Catch && _vm.Types.IsAssignableTo(type, h.CatchType!))
                    return new UnwindSignal(exception, depth, i);
                if (h.Kind == HandlerKind.Filter && RunFilter(depth, h, exception))
                    return new UnwindSignal(exception, depth, i);
            }
        }
        return new UnwindSignal(exception, -1, -1);
    }

    private static bool IsInsideFunclet(PreparedMethod pm, Handler h, int funcletPc) =>
        pm.Handlers.Any(f => f.HandlerCovers(funcletPc) && h.TryStart >= f.HandlerStart && h.TryEnd <= f.HandlerEnd);

    /// <summary>Runs a filter on a copy of its frame's arguments and locals above the stack top, since
    /// the frames above it are still live in the first pass.</summary>
    private bool RunFilter(int frameDepth, Handler h, nint exception)
    {
        var frame = _thread.Frames[frameDepth];
        var pm = _thread.MethodOf(frame);
        var copy = _thread.Top;
        if (copy + pm.FrameSlots >= _thread.StackLimit)
            throw new StackOverflowSignal { Frames = _vm.StackTrace(_thread).ToArray() };
        Buffer.MemoryCopy(frame.Fp, copy, pm.EvalStart * 8, pm.EvalStart * 8);
        copy[pm.EvalStart] = exception;
        var savedTop = _thread.Top;
        _thread.Top = copy + pm.FrameSlots;
        var filterDepth = _thread.Depth;
        var savedFloor = _thread.SearchFloor;
        _thread.Push(pm, copy, funclet: true);
        _thread.SearchFloor = filterDepth;
        try
        {
            return Run(pm, copy, h.FilterStart, filterDepth) != 0;
        }
        catch (UnwindSignal)
        {
            return false; // an exception inside a filter means "no" (Partition I §12.4.2.7)
        }
        finally
        {
            _thread.SearchFloor = savedFloor;
            _thread.Depth = filterDepth;
            _thread.Top = savedTop;
            Buffer.MemoryCopy(copy, frame.Fp, pm.EvalStart * 8, pm.EvalStart * 8);
        }
    }

    /// <summary>Second pass in one frame: finally and fault blocks covering <paramref name="pc"/>,
    /// innermost first; only those inside <paramref name="innerOf"/>'s try when it is the target.</summary>
    private void RunFinallies(PreparedMethod pm, long* fp, int pc, Handler? innerOf)
    {
        foreach (var h in pm.Handlers)
        {
            if (h == innerOf) break; // clauses are ordered inner first: the rest enclose the target
            if (h.Kind is not (HandlerKind.Finally or HandlerKind.Fault) || !h.TryCovers(pc)) continue;
            if (innerOf is not null && !(h.TryStart >= innerOf.TryStart && h.TryEnd <= innerOf.TryEnd)) continue;
            RunFunclet(pm, fp, h.HandlerStart);
        }
    }

    private void RunFunclet(PreparedMethod pm, long* fp, int start)
    {
        var outerPc = _thread.Current.Pc;
        _thread.Current.Pc = start; // exceptions from the funclet are looked up from its handler
        var depth = _thread.Depth;
        _thread.Push(pm, fp, funclet: true);
        Run(pm, fp, start, depth);
        // On an exception the frame keeps the finally block's start as its pc: the replacing
        // exception's handlers are the ones that enclose this block (see ContinueUnwinding).
        _thread.Depth = depth;
        _thread.Current.Pc = outerPc;
    }

    /// <summary>Raises a managed exception object at the current frame (the throw instruction).</summary>
    private void Throw(nint exception)
    {
        if (exception == 0)
            exception = _vm.CreateRuntimeException(new ManagedRuntimeError(RuntimeErrorKind.NullReference));
        // No handler (target depth -1) still unwinds: CoreCLR runs the finally blocks before it
        // reports the unhandled exception, and programs print from them.
        throw Raise(exception);
    }

    internal void ThrowFromHost(nint exception) => Throw(exception);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NullReference() => throw new ManagedRuntimeError(RuntimeErrorKind.NullReference);

    /// <summary>The fast path records the pc only when it fails, so the handler search knows where.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NullReference(ref Frame frame, long pc)
    {
        frame.Pc = (int)pc;
        throw new ManagedRuntimeError(RuntimeErrorKind.NullReference);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void IndexOutOfRange(ref Frame frame, long pc)
    {
        frame.Pc = (int)pc;
        throw new ManagedRuntimeError(RuntimeErrorKind.IndexOutOfRange);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void IndexOutOfRange() => throw new ManagedRuntimeError(RuntimeErrorKind.IndexOutOfRange);
}
