using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>Primes below n by the sieve of Eratosthenes: byte loads and stores over a large array.</summary>
internal sealed class SieveKernel : BackendKernel
{
    public override string Name => "sieve";
    public override string Description => "primes below n, sieve of Eratosthenes (memory access)";
    public override long BenchmarkSize => 20_000_000;
    public override long ScratchBytes(long n) => n;

    public override void BuildIr(IrModule module, string symbol)
    {
        var k = StructuredIr.DefineKernel(module, symbol);
        var b = k.B;
        var composite = k.Param(1);
        var count = k.Var("count", k.T.I64, k.I64(0));
        k.For("i", k.I64(2), () => k.Param(0), i =>
        {
            var flag = Core.BuildLoad(b, k.T.I8, k.Element(k.T.I8, composite, i));
            k.If(Core.BuildICmp(b, IntPredicate.Eq, flag, Core.ConstInt(k.T.I8, 0L)), () =>
            {
                k.Set(count, Core.BuildAdd(b, k.Get(count), k.I64(1)));
                var multiple = k.Var("j", k.T.I64, Core.BuildMul(b, i, i));
                k.While(() => Core.BuildICmp(b, IntPredicate.Slt, k.Get(multiple), k.Param(0)), () =>
                {
                    Core.BuildStore(b, Core.ConstInt(k.T.I8, 1L), k.Element(k.T.I8, composite, k.Get(multiple)));
                    k.Set(multiple, Core.BuildAdd(b, k.Get(multiple), i));
                });
            });
        });
        k.Return(k.Get(count));
    }

    public override long RunManaged(long n, Span<byte> scratch)
    {
        long count = 0;
        for (long i = 2; i < n; i++)
        {
            if (scratch[(int)i] != 0) continue;
            count++;
            for (var j = i * i; j < n; j += i) scratch[(int)j] = 1;
        }
        return count;
    }
}
