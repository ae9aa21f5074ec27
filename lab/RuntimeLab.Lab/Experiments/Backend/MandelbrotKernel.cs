using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>Points of an n×n grid inside the Mandelbrot set: double-precision arithmetic in a tight loop.</summary>
internal sealed class MandelbrotKernel : BackendKernel
{
    private const long Iterations = 50;

    public override string Name => "mandelbrot";
    public override string Description => "n×n Mandelbrot grid, 50 iterations (floating point)";
    public override long BenchmarkSize => 1000;

    public override void BuildIr(IrModule module, string symbol)
    {
        var k = StructuredIr.DefineKernel(module, symbol);
        var b = k.B;
        var size = Core.BuildSIToFP(b, k.Param(0), k.T.F64);
        var inside = k.Var("inside", k.T.I64, k.I64(0));
        k.For("y", k.I64(0), () => k.Param(0), y =>
        {
            k.For("x", k.I64(0), () => k.Param(0), x =>
            {
                ValueRef Scaled(ValueRef v, double offset) =>
                    Core.BuildFSub(b, Core.BuildFDiv(b, Core.BuildFMul(b, k.F64(2.0), Core.BuildSIToFP(b, v, k.T.F64)), size), k.F64(offset));
                var cr = Scaled(x, 1.5);
                var ci = Scaled(y, 1.0);
                var zr = k.Var("zr", k.T.F64, k.F64(0));
                var zi = k.Var("zi", k.T.F64, k.F64(0));
                var i = k.Var("iter", k.T.I64, k.I64(0));
                k.While(() =>
                {
                    var zr2 = Core.BuildFMul(b, k.Get(zr), k.Get(zr));
                    var zi2 = Core.BuildFMul(b, k.Get(zi), k.Get(zi));
                    var bounded = Core.BuildFCmp(b, RealPredicate.Ole, Core.BuildFAdd(b, zr2, zi2), k.F64(4.0));
                    return Core.BuildAnd(b, bounded, Core.BuildICmp(b, IntPredicate.Slt, k.Get(i), k.I64(Iterations)));
                }, () =>
                {
                    var re = Core.BuildFAdd(b, Core.BuildFSub(b, Core.BuildFMul(b, k.Get(zr), k.Get(zr)), Core.BuildFMul(b, k.Get(zi), k.Get(zi))), cr);
                    k.Set(zi, Core.BuildFAdd(b, Core.BuildFMul(b, Core.BuildFMul(b, k.F64(2.0), k.Get(zr)), k.Get(zi)), ci));
                    k.Set(zr, re);
                    k.Set(i, Core.BuildAdd(b, k.Get(i), k.I64(1)));
                });
                k.If(Core.BuildICmp(b, IntPredicate.Eq, k.Get(i), k.I64(Iterations)), () => k.Set(inside, Core.BuildAdd(b, k.Get(inside), k.I64(1))));
            });
        });
        k.Return(k.Get(inside));
    }

    public override long RunManaged(long n, Span<byte> scratch)
    {
        long inside = 0;
        double size = n;
        for (long y = 0; y < n; y++)
            for (long x = 0; x < n; x++)
            {
                double cr = 2.0 * x / size - 1.5, ci = 2.0 * y / size - 1.0;
                double zr = 0, zi = 0;
                long i = 0;
                while (zr * zr + zi * zi <= 4.0 && i < Iterations)
                {
                    var re = zr * zr - zi * zi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zr = re;
                    i++;
                }
                if (i == Iterations) inside++;
            }
        return inside;
    }
}
