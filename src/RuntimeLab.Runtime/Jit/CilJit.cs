using System.Diagnostics;
using System.Runtime.InteropServices;
using RuntimeLab.Jit;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// One VM's JIT: decides when a method compiles (before its first call in <c>jit</c> mode; once hot,
/// in the background, in <c>tiered</c> mode), compiles it through the shared backend, installs the
/// code, and keeps the log and the totals. A method that cannot compile stays interpreted, with
/// the reason logged; nothing here is fatal to the program.
/// </summary>
internal sealed unsafe class CilJit : IDisposable
{
    /// <summary>One LLVM JIT for the process: VMs (and tests running side by side) share it, each
    /// compiled method a module of its own that its VM frees.</summary>
    private static readonly Lazy<JitSession> SharedSession = new(() => new JitSession(), LazyThreadSafetyMode.ExecutionAndPublication);
    internal static JitSession Session => SharedSession.Value;
    private static int _functionCounter;

    private readonly VirtualMachine _vm;
    private readonly GCHandle _self;
    private readonly CompilerEnvironment _environment;
    private readonly Lock _gate = new();
    private readonly List<CompiledModule> _modules = [];
    private readonly Bytecode.Inspect.MethodPattern? _breakIr;
    private bool _disposed;

    public TierMode Mode { get; }
    public int HotCalls { get; }
    public int HotLoops { get; }
    /// <summary>Passed to every compiled method: a handle of the interpreter its helpers call back.</summary>
    public nint Context { get; }
    public JitStatistics Statistics { get; } = new();

    public CilJit(VirtualMachine vm, Interpreter.Interpreter interpreter, RunOptions options)
    {
        _vm = vm;
        Mode = options.Tier;
        HotCalls = Math.Max(1, options.HotCalls);
        HotLoops = Math.Max(1, options.HotLoops);
        _self = GCHandle.Alloc(interpreter);
        Context = GCHandle.ToIntPtr(_self);
        _breakIr = options.JitBreakIr is { } pattern ? new Bytecode.Inspect.MethodPattern(pattern) : null;
        _environment = EnvironmentOf(vm, this);
    }

    /// <summary>A method was just prepared: in <c>jit</c> mode it compiles now; in <c>tiered</c> mode its count starts.</summary>
    public void Prepared(PreparedMethod pm)
    {
        if (Mode == TierMode.Jit)
        {
            PrepareSmallCallees((Interpreter.Interpreter)_self.Target!, pm, _preparingCallees);
            Compile(pm, "first call");
        }
        else
        {
            pm.HotCountdown = HotCalls;
            pm.LoopCountdown = HotLoops;
        }
    }

    /// <summary>
    /// An activation of <paramref name="pm"/> has spent <see cref="HotLoops"/> iterations in the loop at
    /// <paramref name="pc"/>: its continuation from there (on-stack replacement) compiles in the
    /// background, and the interpreter switches to it at that loop header once it is ready.
    /// </summary>
    public void HotLoop(PreparedMethod pm, int pc)
    {
        pm.OsrPc = pc; // once per method: the first loop to get hot
        if (!Admit(pm)) return;
        var name = FunctionName(pm) + $".osr{pc}";
        var why = $"hot loop: {HotLoops} iterations";
        var environment = EnvironmentFor(pm);
        var queued = Stopwatch.GetTimestamp();
        SharedSession.Value.Background.Enqueue(name, module => MethodCompiler.Build(module, pm, name, environment, osrPc: pc), CompileOptions.At(OptLevel.O2),
            (compiled, failure) =>
            {
                if (compiled is not null) Install(pm, compiled, name, why, Stopwatch.GetElapsedTime(queued), osrPc: pc);
                else Refused(pm, Reason(failure!));
            });
    }

    /// <summary>The method reached the call threshold: it compiles in the background while the interpreter runs on.</summary>
    public void Hot(PreparedMethod pm)
    {
        pm.HotCountdown = int.MinValue; // once
        if (!Admit(pm)) return;
        var name = FunctionName(pm);
        var why = $"hot: {HotCalls} calls";
        var environment = EnvironmentFor(pm);
        var queued = Stopwatch.GetTimestamp();
        SharedSession.Value.Background.Enqueue(name, module => MethodCompiler.Build(module, pm, name, environment), CompileOptions.At(OptLevel.O2),
            (compiled, failure) =>
            {
                if (compiled is not null) Install(pm, compiled, name, why, Stopwatch.GetElapsedTime(queued));
                else Refused(pm, Reason(failure!));
            });
    }

    /// <summary>An interpreted activation of <paramref name="pm"/> continues in its on-stack-replacement code.</summary>
    public void EnteringOsr(PreparedMethod pm, int pc)
    {
        Statistics.EnteredOsr();
        Log($"{pm.Method.Signature} continues in compiled code from its loop at pc {pc} (on-stack replacement)");
    }

    /// <summary>IL bytes up to which a direct callee is prepared ahead of its caller in <c>jit</c> mode.</summary>
    private const int SmallCalleeIlBytes = 64;

    /// <summary>
    /// In <c>jit</c> mode a method compiles before any of its callees has run, so none would be
    /// prepared for the compiler to inline (<c>MethodCompiler.Inlining</c>): the small direct callees
    /// are prepared (and so compiled) first. One that cannot be prepared (invalid IL, an unsupported
    /// member) is left alone: the call raises that, if it is ever made. <c>jit dump</c> does the same,
    /// so that it shows what <c>jit</c> mode compiles. <paramref name="inProgress"/>: the methods whose
    /// callees are being prepared (a method is marked prepared only once this returns: the set stops
    /// mutual recursion).
    /// </summary>
    internal static void PrepareSmallCallees(Interpreter.Interpreter interpreter, PreparedMethod pm, HashSet<TypeSystem.RuntimeMethod> inProgress)
    {
        if (!inProgress.Add(pm.Method)) return;
        foreach (var ins in pm.Code)
        {
            if (ins.Op != Op.Call || pm.Tokens[ins.Token] is not TypeSystem.RuntimeMethod target || inProgress.Contains(target)) continue;
            if (target.Prepared is not null || target.InternalCall is not null || !target.HasBody || target.Definition.Body.CodeSize > SmallCalleeIlBytes) continue;
            try { interpreter.Prepare(target); }
            catch (Exception) { }
        }
        inProgress.Remove(pm.Method);
    }

    private readonly HashSet<TypeSystem.RuntimeMethod> _preparingCallees = [];

    /// <summary>Compiles on the calling thread (<c>jit</c> mode).</summary>
    private void Compile(PreparedMethod pm, string why)
    {
        if (!Admit(pm)) return;
        var name = FunctionName(pm);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var environment = EnvironmentFor(pm);
            var compiled = SharedSession.Value.Compile(name, module => MethodCompiler.Build(module, pm, name, environment), CompileOptions.At(OptLevel.O2));
            Install(pm, compiled, name, why, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is JitException or NotCompilableException or DllNotFoundException or EntryPointNotFoundException)
        {
            Refused(pm, Reason(e));
        }
    }

    /// <summary>False (and logged) for a method the frontend does not lower.</summary>
    private bool Admit(PreparedMethod pm)
    {
        if (MethodCompiler.Refusal(pm) is not { } why) return true;
        Refused(pm, why);
        return false;
    }

    private CompilerEnvironment EnvironmentFor(PreparedMethod pm) =>
        _breakIr?.Matches(pm.Method.Definition) == true ? _environment with { BreakIr = true } : _environment;

    private void Install(PreparedMethod pm, CompiledModule module, string name, string why, TimeSpan elapsed, int osrPc = -1)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                module.Dispose();
                return;
            }
            _modules.Add(module);
            if (osrPc >= 0) pm.OsrNative = module[name].Address; // only a running activation enters it
            else
            {
                pm.Native = module[name].Address;
                unsafe
                {
                    if (pm.Method.EntryCell != null) *pm.Method.EntryCell = pm.Native;
                }
                pm.RunsInline = false; // calls now go through Invoke, which enters the compiled code
            }
        }
        Statistics.Compiled(module.Stats);
        var what = osrPc >= 0 ? $"{pm.Method.Signature} for on-stack replacement at pc {osrPc}" : pm.Method.Signature;
        Log($"compiled {what} ({why}) in {elapsed.TotalMilliseconds:0.0} ms: " +
            $"{pm.Code.Length} operations, IR {module.Stats.IrInstructionsBefore}→{module.Stats.IrInstructionsAfter} instructions, {module.Stats.CodeBytes} bytes");
    }

    private void Refused(PreparedMethod pm, string reason)
    {
        Statistics.Refused();
        Log($"{pm.Method.Signature} stays interpreted: {reason}");
    }

    private static string Reason(Exception e) => e switch
    {
        IrVerificationException => "the backend rejected its IR (" + e.Message.Split('\n')[0] + ")",
        _ => e.Message.Split('\n')[0],
    };

    private void Log(string line)
    {
        if (_vm.Options.JitLog is not { } log) return;
        lock (log) log.WriteLine("[jit] " + line);
    }

    internal static CompilerEnvironment EnvironmentOf(VirtualMachine vm, CilJit? jit = null) =>
        new(JitHelpers.ExecuteAddress, JitHelpers.RaiseAddress, JitHelpers.StackOverflowAddress, JitHelpers.HandleAddress,
            JitHelpers.InvokeAddress, JitHelpers.AllocateObjectAddress, vm.Heap.Gc.Barrier, JitHelpers.CallVirtualAddress, vm.Thread,
            jit is null ? _ => (nint)NeverCompiled : jit.EntryCellOf, jit is null ? _ => (nint)NeverUsedCache : jit.CacheOf,
            mt => vm.InlineAllocationContext((Objects.MethodTable*)mt), vm.InlineArrayContexts, BreakIr: false);

    /// <summary>The entry cell of every callee for code that is only shown, never run (jit dump).</summary>
    private static readonly nint* NeverCompiled = (nint*)NativeMemory.AllocZeroed((nuint)sizeof(nint));
    /// <summary>The inline cache of every virtual call site in code that is only shown.</summary>
    private static readonly CallSiteCache* NeverUsedCache = (CallSiteCache*)NativeMemory.AllocZeroed((nuint)sizeof(CallSiteCache));

    /// <summary>The native inline cache of a virtual or interface call site, made the first time compiled code calls through it.</summary>
    internal nint CacheOf(CallSite site)
    {
        lock (_gate)
        {
            if (site.NativeCache == null)
            {
                site.NativeCache = (CallSiteCache*)NativeMemory.AllocZeroed((nuint)sizeof(CallSiteCache));
                _entryCells.Add((nint)site.NativeCache);
            }
            return (nint)site.NativeCache;
        }
    }

    /// <summary>Native memory this JIT made for compiled code (entry cells, call-site caches): freed with it.</summary>
    private readonly List<nint> _entryCells = [];

    /// <summary>The cell compiled callers load <paramref name="method"/>'s entry point from: 0 while it
    /// is interpreted (they call through the helper then), its code once installed.</summary>
    internal unsafe nint EntryCellOf(TypeSystem.RuntimeMethod method)
    {
        lock (_gate)
        {
            if (method.EntryCell == null)
            {
                method.EntryCell = (nint*)NativeMemory.AllocZeroed((nuint)sizeof(nint));
                *method.EntryCell = method.Prepared?.Native ?? 0;
                _entryCells.Add((nint)method.EntryCell);
            }
            return (nint)method.EntryCell;
        }
    }

    internal static string FunctionName(PreparedMethod pm)
    {
        var id = Interlocked.Increment(ref _functionCounter);
        var display = new string(pm.Method.DisplayName.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        return $"cil{id}.{display}";
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var module in _modules) module.Dispose();
            _modules.Clear();
            unsafe
            {
                foreach (var cell in _entryCells) NativeMemory.Free((void*)cell);
            }
            _entryCells.Clear();
        }
        _self.Free();
    }
}
