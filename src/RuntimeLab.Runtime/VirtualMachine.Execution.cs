using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime;

/// <summary>Calls the runtime makes on its own (class constructors, exception constructors,
/// delegates), and the managed exceptions it raises.</summary>
internal sealed unsafe partial class VirtualMachine
{
    /// <summary>Calls a method with arguments given as slot values, in a frame above the current top.</summary>
    public long CallManaged(RuntimeMethod method, params long[] args)
    {
        Types.EnsureSignature(method);
        var frame = Thread.Top;
        var savedTop = Thread.Top;
        var slot = 0;
        for (var i = 0; i < args.Length; i++)
        {
            frame[slot] = args[i];
            slot += Math.Max(1, method.Arguments[i].Slots);
        }
        Thread.Top = frame + Math.Max(slot, method.ReturnSlots) + 1;
        try
        {
            Interpreter.Invoke(method, frame);
            return frame[0];
        }
        finally
        {
            Thread.Top = savedTop;
        }
    }

    /// <summary>Runs a type's static constructor once (ECMA-335 Partition II §10.5.3.3); a
    /// constructor that throws leaves the type failed, and every use throws TypeInitializationException.</summary>
    public void EnsureClassInitialized(RuntimeType type)
    {
        if (type.InitState == ClassInitState.Done || type.InitState == ClassInitState.Running) return;
        if (type.InitState == ClassInitState.Failed)
            throw new PendingManagedException(type.InitializationError);
        type.InitState = ClassInitState.Running;
        // An exception never leaves a type initializer: its handlers are searched for inside it only,
        // and what escapes becomes a TypeInitializationException at the access that triggered it.
        var savedFloor = Thread.SearchFloor;
        Thread.SearchFloor = Thread.Depth;
        try
        {
            Types.EnsureStatics(type);
            if (type.StaticConstructor is { } cctor) CallManaged(cctor);
            type.InitState = ClassInitState.Done;
        }
        catch (UnwindSignal escaped) when (escaped.TargetDepth < 0)
        {
            type.InitState = ClassInitState.Failed;
            type.InitializationError = CreateTypeInitializationException(type, escaped.ExceptionObject);
            throw new PendingManagedException(type.InitializationError);
        }
        finally
        {
            Thread.SearchFloor = savedFloor;
        }
    }

    private nint CreateTypeInitializationException(RuntimeType type, nint inner)
    {
        var tieType = Types.CoreType("System", "TypeInitializationException");
        var ctor = tieType.Definition!.Methods.First(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 2);
        var tie = Allocate(tieType);
        InFlight.Add(tie);
        try
        {
            CallManaged(Types.GetMethod(ctor, tieType, []), tie, Strings.Intern(ClrTypeNames.FullName(type.Reference)), inner);
        }
        finally
        {
            InFlight.Remove(tie);
            InFlight.Remove(inner);
        }
        return tie;
    }

    /// <summary>A managed exception object for an error the engine detected.</summary>
    public nint CreateRuntimeException(ManagedRuntimeError error)
    {
        var type = Types.Get(Types.CoreDefinition(error.ExceptionTypeName) ?? Types.CoreDefinition("System.Exception")!);
        var obj = Allocate(type);
        InFlight.Add(obj);
        try
        {
            var ctor = type.Definition!.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 1 && m.Parameters[0].ParameterType.FullName == "System.String");
            if (error.ManagedMessage is not null && ctor is not null)
                CallManaged(Types.GetMethod(ctor, type, []), obj, Strings.Intern(error.ManagedMessage));
            else if (type.Definition.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0) is { } ctor0)
                CallManaged(Types.GetMethod(ctor0, type, []), obj);
        }
        finally
        {
            InFlight.Remove(obj);
        }
        return obj;
    }

    private readonly Dictionary<nint, string[]> _stackTraces = [];

    /// <summary>Records where an exception was thrown (for Exception.StackTrace and the unhandled report).</summary>
    public void RecordStackTrace(nint exception, ExecutionThread thread)
    {
        if (!_stackTraces.ContainsKey(exception)) _stackTraces[exception] = StackTrace(thread).ToArray();
    }

    public string[] StackTraceOf(nint exception) => _stackTraces.TryGetValue(exception, out var t) ? t : [];

    public IEnumerable<string> StackTrace(ExecutionThread thread)
    {
        for (var d = thread.Depth - 1; d >= 0; d--)
        {
            var f = thread.Frames[d];
            if (f.IsFunclet) continue;
            var pm = thread.MethodOf(f);
            var il = f.Pc < pm.Code.Length ? pm.Code[f.Pc].IlOffset : 0;
            yield return $"   at {pm.Method.Signature} in IL_{il:x4}";
        }
    }

    public void* Localloc(ExecutionThread thread, int bytes)
    {
        var p = System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
        _localloc.Add((nint)p);
        return p;
    }

    private readonly List<nint> _localloc = [];

    /// <summary>Delegate construction: the target object and a method handle from ldftn/ldvirtftn.</summary>
    public nint NewDelegate(RuntimeType delegateType, nint target, long methodHandle)
    {
        var d = Allocate(delegateType);
        var fields = DelegateFields();
        Heap.StoreReference((nint*)(d + fields.Target.Offset), target);
        *(long*)(d + fields.Method.Offset) = methodHandle;
        return d;
    }

    private (RuntimeField Target, RuntimeField Method, RuntimeField? List)? _delegateFields;

    /// <summary>Where a delegate keeps its target, method and invocation list: looked up once per VM,
    /// since every delegate call reads them.</summary>
    private (RuntimeField Target, RuntimeField Method, RuntimeField? List) DelegateFields()
    {
        if (_delegateFields is { } known) return known;
        var del = Types.CoreType("System", "Delegate");
        var multi = Types.CoreType("System", "MulticastDelegate");
        _delegateFields = (del.InstanceFields.First(f => f.Name == "_target"), del.InstanceFields.First(f => f.Name == "_methodHandle"),
            multi.InstanceFields.FirstOrDefault(f => f.Name == "_invocationList"));
        return _delegateFields.Value;
    }

    /// <summary>Invoke on a delegate: each target in turn for a multicast delegate, the last result kept.</summary>
    public void InvokeDelegate(Interpreter.Interpreter interpreter, RuntimeMethod invoke, long* args)
    {
        var d = (nint)args[0];
        if (d == 0) throw new ManagedRuntimeError(RuntimeErrorKind.NullReference);
        var fields = DelegateFields();
        var list = fields.List is null ? 0 : *(nint*)(d + fields.List.Offset);
        if (list == 0)
        {
            InvokeSingle(interpreter, invoke, d, args, fields);
            return;
        }
        // args[0] is overwritten by each target in turn: keep the delegate (and its list) alive.
        InFlight.Add(d);
        try
        {
            InvokeEach(interpreter, invoke, list, args, fields);
        }
        finally
        {
            InFlight.Remove(d);
        }
    }

    private void InvokeEach(Interpreter.Interpreter interpreter, RuntimeMethod invoke, nint list, long* args,
        (RuntimeField Target, RuntimeField Method, RuntimeField? List) fields)
    {
        var count = *(int*)(list + ObjectLayout.ArrayLengthOffset);
        var argSlots = invoke.ArgumentSlots;
        var saved = new long[argSlots];
        new Span<long>(args, argSlots).CopyTo(saved);
        for (var i = 0; i < count; i++)
        {
            var each = *(nint*)(list + ObjectLayout.SzArrayDataOffset + 8 * i);
            saved.CopyTo(new Span<long>(args, argSlots));
            args[0] = each;
            InvokeSingle(interpreter, invoke, each, args, fields);
        }
    }

    private void InvokeSingle(Interpreter.Interpreter interpreter, RuntimeMethod invoke, nint d, long* args,
        (RuntimeField Target, RuntimeField Method, RuntimeField? List) fields)
    {
        var target = *(nint*)(d + fields.Target.Offset);
        var method = MethodOfHandle(*(long*)(d + fields.Method.Offset));
        Types.EnsureSignature(method);
        if (method.IsStatic)
        {
            // A static target takes the arguments without the delegate: call it in a fresh frame above
            // the stack top, so the caller's slots keep the types its GC map gives them.
            var slots = invoke.ArgumentSlots - 1;
            var frame = Thread.Top;
            var savedTop = Thread.Top;
            Buffer.MemoryCopy(args + 1, frame, slots * 8, slots * 8);
            Thread.Top = frame + Math.Max(slots, invoke.ReturnSlots) + 1;
            try
            {
                interpreter.Invoke(method, frame);
            }
            finally
            {
                Thread.Top = savedTop;
            }
            Buffer.MemoryCopy(frame, args, invoke.ReturnSlots * 8, invoke.ReturnSlots * 8);
            return;
        }
        args[0] = method.DeclaringType.IsValueType ? target + ObjectLayout.FirstFieldOffset : target;
        interpreter.Invoke(method, args);
    }
}
