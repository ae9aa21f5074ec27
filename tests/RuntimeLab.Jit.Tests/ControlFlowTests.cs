using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Tests;

public sealed unsafe class ControlFlowTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private readonly JitSession _jit = fixture.Session;

    /// <summary>Collatz steps: a loop, a two-way branch, and phis merging both arms.</summary>
    private static long CollatzSteps(long n)
    {
        long steps = 0;
        while (n != 1) { n = (n & 1) == 0 ? n / 2 : 3 * n + 1; steps++; }
        return steps;
    }

    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void LoopWithBranchesAndPhis(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("collatz");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I64, t.I64);
        var entry = Core.GetInsertBlock(b);
        var head = module.AppendBlock(f, "head");
        var body = module.AppendBlock(f, "body");
        var even = module.AppendBlock(f, "even");
        var odd = module.AppendBlock(f, "odd");
        var join = module.AppendBlock(f, "join");
        var exit = module.AppendBlock(f, "exit");
        Core.BuildBr(b, head);

        Core.PositionBuilderAtEnd(b, head);
        var n = Core.BuildPhi(b, t.I64, "n");
        var steps = Core.BuildPhi(b, t.I64, "steps");
        Core.BuildCondBr(b, Core.BuildICmp(b, IntPredicate.Ne, n, Core.ConstInt(t.I64, 1L)), body, exit);

        Core.PositionBuilderAtEnd(b, body);
        var isEven = Core.BuildICmp(b, IntPredicate.Eq, Core.BuildAnd(b, n, Core.ConstInt(t.I64, 1L)), Core.ConstInt(t.I64, 0L));
        Core.BuildCondBr(b, isEven, even, odd);
        Core.PositionBuilderAtEnd(b, even);
        var half = Core.BuildSDiv(b, n, Core.ConstInt(t.I64, 2L), "half");
        Core.BuildBr(b, join);
        Core.PositionBuilderAtEnd(b, odd);
        var triple = Core.BuildAdd(b, Core.BuildMul(b, n, Core.ConstInt(t.I64, 3L)), Core.ConstInt(t.I64, 1L), "triple");
        Core.BuildBr(b, join);

        Core.PositionBuilderAtEnd(b, join);
        var next = Core.BuildPhi(b, t.I64, "next");
        Core.AddIncoming(next, half, even);
        Core.AddIncoming(next, triple, odd);
        var nextSteps = Core.BuildAdd(b, steps, Core.ConstInt(t.I64, 1L));
        Core.BuildBr(b, head);

        Core.AddIncoming(n, Core.GetParam(f, 0), entry);
        Core.AddIncoming(n, next, join);
        Core.AddIncoming(steps, Core.ConstInt(t.I64, 0L), entry);
        Core.AddIncoming(steps, nextSteps, join);
        Core.PositionBuilderAtEnd(b, exit);
        Core.BuildRet(b, steps);

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<long, long>)compiled[name].Address;
        foreach (var input in new long[] { 1, 2, 3, 27, 97, 871, 837_799 })
            Assert.Equal(CollatzSteps(input), fn(input));
    }

    /// <summary>A switch over a dense and a sparse case, and a select for the default.</summary>
    [Theory, MemberData(nameof(Levels.Both), MemberType = typeof(Levels))]
    public void SwitchAndSelect(OptLevel level, CompileRoute route)
    {
        var name = Levels.Unique("classify");
        var module = _jit.CreateModule(name);
        var t = module.Types;
        var (f, b) = module.DefineFunction(name, t.I32, t.I32);
        var x = Core.GetParam(f, 0);
        var one = module.AppendBlock(f, "one");
        var two = module.AppendBlock(f, "two");
        var big = module.AppendBlock(f, "big");
        var other = module.AppendBlock(f, "other");
        var sw = Core.BuildSwitch(b, x, other, 3);
        Core.AddCase(sw, Core.ConstInt(t.I32, 1L), one);
        Core.AddCase(sw, Core.ConstInt(t.I32, 2L), two);
        Core.AddCase(sw, Core.ConstInt(t.I32, 1000L), big);
        Core.PositionBuilderAtEnd(b, one); Core.BuildRet(b, Core.ConstInt(t.I32, 10L));
        Core.PositionBuilderAtEnd(b, two); Core.BuildRet(b, Core.ConstInt(t.I32, 20L));
        Core.PositionBuilderAtEnd(b, big); Core.BuildRet(b, Core.ConstInt(t.I32, 30L));
        Core.PositionBuilderAtEnd(b, other);
        var negative = Core.BuildICmp(b, IntPredicate.Slt, x, Core.ConstInt(t.I32, 0L));
        Core.BuildRet(b, Core.BuildSelect(b, negative, Core.ConstInt(t.I32, -1L), Core.ConstInt(t.I32, 0L)));

        using var compiled = _jit.Compile(module, new CompileOptions { Level = level, Route = route });
        var fn = (delegate* unmanaged<int, int>)compiled[name].Address;
        static int Expected(int v) => v switch { 1 => 10, 2 => 20, 1000 => 30, < 0 => -1, _ => 0 };
        foreach (var input in new[] { 1, 2, 3, 999, 1000, 1001, -5, int.MinValue, int.MaxValue })
            Assert.Equal(Expected(input), fn(input));
    }
}
