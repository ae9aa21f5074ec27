using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Tests;

public sealed class LifecycleTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly JitSession _jit = fixture.Session;

    private static void BuildConstant(IrModule module, string name, long value)
    {
        var (_, b) = module.DefineFunction(name, module.Types.I64);
        Core.BuildRet(b, Core.ConstInt(module.Types.I64, value));
    }

    private CompiledModule CompileConstant(string symbol, long value, CompileRoute route = CompileRoute.ObjectFile)
    {
        var module = _jit.CreateModule(Levels.Unique("const"));
        BuildConstant(module, symbol, value);
        return _jit.Compile(module, new CompileOptions { Route = route });
    }

    [Theory]
    [InlineData(CompileRoute.ObjectFile)]
    [InlineData(CompileRoute.IrModule)]
    public void DiscardingAModuleFreesItsCodeSoTheSymbolCanBeDefinedAgain(CompileRoute route)
    {
        var symbol = Levels.Unique("redefined");
        var first = CompileConstant(symbol, 1, route);
        Assert.Equal(1, Invoke.I64(first[symbol].Address));

        // While the first definition lives, a second one is a duplicate definition.
        Assert.Throws<JitException>(() => CompileConstant(symbol, 99, route).Dispose());

        first.Dispose();
        using var second = CompileConstant(symbol, 2, route);
        Assert.Equal(2, Invoke.I64(second[symbol].Address));
        Assert.Equal(second[symbol].Address, _jit.Lookup(symbol));
    }

    [Fact]
    public void InvalidIrIsAManagedExceptionAndTheSessionStaysUsable()
    {
        var module = _jit.CreateModule("broken");
        var t = module.Types;
        var (f, b) = module.DefineFunction(Levels.Unique("broken"), t.I64, t.I64);
        // An i32 returned from an i64 function, and no terminator on a second block: both must be reported.
        Core.BuildRet(b, Core.ConstInt(t.I32, 1L));
        module.AppendBlock(f, "dangling");

        var failuresBefore = _jit.Counters.Snapshot().FailedCompiles;
        var error = Assert.Throws<IrVerificationException>(() => _jit.Compile(module));
        Assert.Contains("broken", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.VerifierMessage));
        Assert.Equal(failuresBefore + 1, _jit.Counters.Snapshot().FailedCompiles);

        var symbol = Levels.Unique("after_broken");
        using var fine = CompileConstant(symbol, 7);
        Assert.Equal(7, Invoke.I64(fine[symbol].Address));
    }

    [Fact]
    public void LookingUpAnUndefinedSymbolIsAManagedException()
    {
        var error = Assert.Throws<JitException>(() => _jit.Lookup(Levels.Unique("no_such_function")));
        Assert.Contains("no_such_function", error.Message);
    }

    [Fact]
    public async Task ConcurrentBackgroundSubmissionsAreAllCompiledCorrectly()
    {
        using var session = new JitSession(new JitOptions { BackgroundWorkers = 2 });
        const int jobs = 24;
        var submissions = Enumerable.Range(0, jobs).Select(i => Task.Run(() =>
        {
            var name = $"poly_{i}";
            return (i, name, session.Background.Enqueue(name, module =>
            {
                var t = module.Types;
                var (f, b) = module.DefineFunction(name, t.I64, t.I64);
                var x = Core.GetParam(f, 0);
                Core.BuildRet(b, Core.BuildAdd(b, Core.BuildMul(b, x, Core.ConstInt(t.I64, (long)i)), Core.ConstInt(t.I64, (long)(i * i))));
            }, CompileOptions.At(i % 2 == 0 ? OptLevel.O2 : OptLevel.O0)));
        })).ToList();

        var compiled = new List<CompiledModule>();
        foreach (var submission in submissions)
        {
            var (i, name, task) = await submission;
            var module = await task.WaitAsync(TimeSpan.FromSeconds(60));
            compiled.Add(module);
            Assert.Equal(10L * i + (long)i * i, Invoke.I64(module[name].Address, 10));
        }
        Assert.Equal(jobs, session.Counters.Snapshot().ModulesCompiled);
        Assert.Equal(0, session.Background.Pending);
        compiled.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task ABuildFailureInTheBackgroundFailsOnlyItsOwnTask()
    {
        using var session = new JitSession();
        var failing = session.Background.Enqueue("throws", _ => throw new InvalidOperationException("frontend bug"));
        var fine = session.Background.Enqueue("fine", module => BuildConstant(module, "fine_const", 5));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        using var module = await fine;
        Assert.Equal(5, Invoke.I64(module["fine_const"].Address));
    }

    [Fact]
    public void CountersAddUpWhatWasCompiled()
    {
        using var session = new JitSession();
        var module = session.CreateModule("counted");
        BuildConstant(module, "c1", 1);
        BuildConstant(module, "c2", 2);
        using var compiled = session.Compile(module, CompileOptions.At(OptLevel.O1));
        var totals = session.Counters.Snapshot();
        Assert.Equal(1, totals.ModulesCompiled);
        Assert.Equal(2, totals.FunctionsCompiled);
        Assert.Equal(2, totals.IrInstructionsBefore);
        Assert.True(totals.CodeBytes >= compiled.Functions.Sum(f => f.Size));
        Assert.All(compiled.Functions, f => Assert.True(f.Size > 0));
    }
}

public sealed class BackgroundShutdownTests
{
    [Fact]
    public async Task ShutdownFinishesTheCompileInFlightAndCancelsTheQueuedRest()
    {
        var session = new JitSession();
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var inFlight = session.Background.Enqueue("in_flight", module =>
        {
            started.Set();
            release.Wait();
            var (_, b) = module.DefineFunction("in_flight_fn", module.Types.I64);
            Core.BuildRet(b, Core.ConstInt(module.Types.I64, 1L));
        });
        started.Wait();
        var queued = Enumerable.Range(0, 5).Select(i => session.Background.Enqueue($"queued_{i}", _ => { })).ToList();

        var background = session.Background;
        var shutdown = Task.Run(session.Dispose);
        Assert.True(SpinWait.SpinUntil(() => background.IsShuttingDown, TimeSpan.FromSeconds(10)));
        release.Set();
        await shutdown.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(inFlight.IsCompletedSuccessfully);
        Assert.All(queued, task => Assert.True(task.IsCanceled));
        Assert.Throws<ObjectDisposedException>(() => session.Background);
    }
}
