using System.Runtime.InteropServices;
using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Tests;

public sealed unsafe class CallTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly JitSession _jit = fixture.Session;

    [UnmanagedCallersOnly]
    private static long TripleAndAddOne(long x) => 3 * x + 1;

    private static long s_observed;

    [UnmanagedCallersOnly]
    private static void Observe(long x) => s_observed += x;

    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void CallsHostHelperByNameAndByAddress(OptLevel level, CompileRoute route)
    {
        var helper = Levels.Unique("host_triple");
        _jit.DefineHostSymbols(new HostSymbol(helper, (nint)(delegate* unmanaged<long, long>)&TripleAndAddOne));
        var name = Levels.Unique("calls_host");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var helperType = t.Function(t.I64, t.I64);
        var observeType = t.Function(t.Void, t.I64);
        var byName = Core.AddFunction(module.Module, helper, helperType);
        var (f, b) = module.DefineFunction(name, t.I64, t.I64);
        var once = Core.BuildCall(b, helperType, byName, [Core.GetParam(f, 0)], "once");
        // Without a symbol: the helper's address baked in as a constant pointer.
        var observeAddress = Core.ConstIntToPtr(Core.ConstInt(t.I64, (ulong)(nint)(delegate* unmanaged<long, void>)&Observe), t.Ptr);
        Core.BuildCall(b, observeType, observeAddress, [once]);
        Core.BuildRet(b, Core.BuildCall(b, helperType, byName, [once], "twice"));

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<long, long>)compiled[name].Address;
        s_observed = 0;
        Assert.Equal(3 * (3 * 5L + 1) + 1, fn(5));
        Assert.Equal(3 * 5L + 1, s_observed);
    }

    /// <summary>One JIT'd function calls another in its module (and tail-calls a third), and a second module calls into the first.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void CallsBetweenJitFunctionsAndModules(OptLevel level, CompileRoute route)
    {
        var square = Levels.Unique("square");
        var sumSquares = Levels.Unique("sum_squares");
        var first = _jit.CreateModule(Levels.Unique("first"));
        var t = first.Types;
        var (sq, sb) = first.DefineFunction(square, t.I64, t.I64);
        Core.BuildRet(sb, Core.BuildMul(sb, Core.GetParam(sq, 0), Core.GetParam(sq, 0)));
        var (sum, b) = first.DefineFunction(sumSquares, t.I64, t.I64, t.I64);
        var sqType = t.Function(t.I64, t.I64);
        var a2 = Core.BuildCall(b, sqType, sq, [Core.GetParam(sum, 0)]);
        var b2 = Core.BuildCall(b, sqType, sq, [Core.GetParam(sum, 1)]);
        Core.BuildRet(b, Core.BuildAdd(b, a2, b2));
        using var firstCompiled = _jit.Compile(first, new CompileOptions { Level = level, Route = route });

        var tail = Levels.Unique("tail_to_sum");
        var second = _jit.CreateModule(Levels.Unique("second"));
        var t2 = second.Types;
        var sumType = t2.Function(t2.I64, t2.I64, t2.I64);
        var external = Core.AddFunction(second.Module, sumSquares, sumType);
        var (tf, tb) = second.DefineFunction(tail, t2.I64, t2.I64, t2.I64);
        var call = Core.BuildCall(tb, sumType, external, [Core.GetParam(tf, 1), Core.GetParam(tf, 0)]);
        Core.SetTailCallKind(call, TailCallKind.MustTail);
        Core.BuildRet(tb, call);
        using var secondCompiled = _jit.Compile(second, new CompileOptions { Level = level, Route = route });

        var fn = (delegate* unmanaged<long, long, long>)secondCompiled[tail].Address;
        Assert.Equal(3 * 3 + 4 * 4, fn(3, 4));
        Assert.Equal(firstCompiled[sumSquares].Address, _jit.Lookup(sumSquares));
    }

    /// <summary>A module-level global with an initializer, read and written with explicit alignment and volatility.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void GlobalsWithAlignedVolatileAccess(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("counter");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var global = Core.AddGlobal(module.Module, t.I64, name + "_value");
        Core.SetInitializer(global, Core.ConstInt(t.I64, 40L));
        Core.SetLinkage(global, Linkage.Internal);
        Core.SetAlignment(global, 8);
        var (f, b) = module.DefineFunction(name, t.I64);
        var load = Core.BuildLoad(b, t.I64, global, "old");
        Core.SetAlignment(load, 8);
        Core.SetVolatile(load, true);
        var next = Core.BuildAdd(b, load, Core.ConstInt(t.I64, 1L));
        var store = Core.BuildStore(b, next, global);
        Core.SetAlignment(store, 8);
        Core.SetVolatile(store, true);
        Core.BuildRet(b, next);

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route, CaptureIr = true });
        Assert.Contains("load volatile i64", compiled.IrAfterOptimization);
        var fn = (delegate* unmanaged<long>)compiled[name].Address;
        Assert.Equal(41, fn());
        Assert.Equal(42, fn());
    }
}

public sealed unsafe class AtomicTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    /// <summary>
    /// lock xadd and lock cmpxchg as a frontend lowers them: an atomic add returning the old value,
    /// then a compare-exchange that succeeds only when the expected value is current.
    /// </summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void AtomicAddAndCompareExchangeOnHostMemory(OptLevel level, CompileRoute route)
    {
        var jit = fixture.Session;
        var name = Levels.Unique("atomics");
        var module = jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I64, t.Ptr, t.I64, t.I64);
        var (cell, addend, replacement) = (Core.GetParam(f, 0), Core.GetParam(f, 1), Core.GetParam(f, 2));
        var old = Core.BuildAtomicRmw(b, AtomicRmwOp.Add, cell, addend);
        var expected = Core.BuildAdd(b, old, addend);
        var pair = Core.BuildAtomicCmpXchg(b, cell, expected, replacement);
        var swapped = Core.BuildZExt(b, Core.BuildExtractValue(b, pair, 1), t.I64);
        // old * 2 + swapped: both halves of the result are checked.
        Core.BuildRet(b, Core.BuildAdd(b, Core.BuildMul(b, old, Core.ConstInt(t.I64, 2L)), swapped));

        using var compiled = jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<long*, long, long, long>)compiled[name].Address;
        long memory = 40;
        Assert.Equal(40 * 2 + 1, fn(&memory, 2, 1000));
        Assert.Equal(1000, memory);
    }
}
