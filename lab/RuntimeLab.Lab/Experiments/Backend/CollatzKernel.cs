using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>The longest Collatz chain below n: integer arithmetic and unpredictable branches.</summary>
internal sealed class CollatzKernel : BackendKernel
{
    public override string Name => "collatz";
    public override string Description => "longest Collatz chain below n (integer ops, branches)";
    public override long BenchmarkSize => 300_000;

    public override void BuildIr(IrModule module, string symbol)
    {
        var k = StructuredIr.DefineKernel(module, symbol);
        var b = k.B;
        var longest = k.Var("longest", k.T.I64, k.I64(0));
        k.For("i", k.I64(1), () => k.Param(0), i =>
        {
            var x = k.Var("x", k.T.I64, i);
            var steps = k.Var("steps", k.T.I64, k.I64(0));
            k.While(() => Core.BuildICmp(b, IntPredicate.Ne, k.Get(x), k.I64(1)), () =>
            {
                var odd = Core.BuildICmp(b, IntPredicate.Ne, Core.BuildAnd(b, k.Get(x), k.I64(1)), k.I64(0));
                k.If(odd,
                    () => k.Set(x, Core.BuildAdd(b, Core.BuildMul(b, k.Get(x), k.I64(3)), k.I64(1))),
                    () => k.Set(x, Core.BuildLShr(b, k.Get(x), k.I64(1))));
                k.Set(steps, Core.BuildAdd(b, k.Get(steps), k.I64(1)));
            });
            k.If(Core.BuildICmp(b, IntPredicate.Sgt, k.Get(steps), k.Get(longest)), () => k.Set(longest, k.Get(steps)));
        });
        k.Return(k.Get(longest));
    }

    public override long RunManaged(long n, Span<byte> scratch)
    {
        long longest = 0;
        for (long i = 1; i < n; i++)
        {
            long x = i, steps = 0;
            while (x != 1)
            {
                x = (x & 1) != 0 ? x * 3 + 1 : (long)((ulong)x >> 1);
                steps++;
            }
            if (steps > longest) longest = steps;
        }
        return longest;
    }
}
