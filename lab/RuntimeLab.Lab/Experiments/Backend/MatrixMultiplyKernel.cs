using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>
/// C = A×B for n×n doubles in host memory, checksum = sum of C. The entries are small integers, so
/// every sum is exact and the checksum does not depend on the order of additions.
/// </summary>
internal sealed class MatrixMultiplyKernel : BackendKernel
{
    public override string Name => "matmul";
    public override string Description => "n×n double matrix multiply (loads, FP, vectorizable loops)";
    public override long BenchmarkSize => 400;
    public override long ScratchBytes(long n) => 3 * n * n * sizeof(double);

    public override void BuildIr(IrModule module, string symbol)
    {
        var k = StructuredIr.DefineKernel(module, symbol);
        var b = k.B;
        var n = k.Param(0);
        var nn = Core.BuildMul(b, n, n);
        var a = k.Param(1);
        var bm = k.Element(k.T.F64, a, nn);
        var c = k.Element(k.T.F64, bm, nn);
        ValueRef At(ValueRef matrix, ValueRef row, ValueRef column) => k.Element(k.T.F64, matrix, Core.BuildAdd(b, Core.BuildMul(b, row, n), column));
        ValueRef AsDouble(ValueRef v) => Core.BuildSIToFP(b, v, k.T.F64);

        k.For("i", k.I64(0), () => n, i => k.For("j", k.I64(0), () => n, j =>
        {
            Core.BuildStore(b, AsDouble(Core.BuildAdd(b, Core.BuildSRem(b, Core.BuildMul(b, i, j), k.I64(7)), k.I64(1))), At(a, i, j));
            Core.BuildStore(b, AsDouble(Core.BuildSub(b, Core.BuildSRem(b, Core.BuildAdd(b, i, Core.BuildMul(b, j, k.I64(2))), k.I64(5)), k.I64(2))), At(bm, i, j));
        }));
        var checksum = k.Var("checksum", k.T.F64, k.F64(0));
        k.For("i", k.I64(0), () => n, i => k.For("j", k.I64(0), () => n, j =>
        {
            var sum = k.Var("sum", k.T.F64, k.F64(0));
            k.For("k", k.I64(0), () => n, kk =>
                k.Set(sum, Core.BuildFAdd(b, k.Get(sum), Core.BuildFMul(b, Core.BuildLoad(b, k.T.F64, At(a, i, kk)), Core.BuildLoad(b, k.T.F64, At(bm, kk, j))))));
            Core.BuildStore(b, k.Get(sum), At(c, i, j));
            k.Set(checksum, Core.BuildFAdd(b, k.Get(checksum), k.Get(sum)));
        }));
        k.Return(Core.BuildFPToSI(b, k.Get(checksum), k.T.I64));
    }

    public override long RunManaged(long n, Span<byte> scratch)
    {
        var m = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(scratch);
        var size = (int)n;
        var a = m[..(size * size)];
        var b = m.Slice(size * size, size * size);
        var c = m.Slice(2 * size * size, size * size);
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
            {
                a[i * size + j] = i * j % 7 + 1;
                b[i * size + j] = (i + j * 2) % 5 - 2;
            }
        double checksum = 0;
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
            {
                double sum = 0;
                for (var k = 0; k < size; k++) sum += a[i * size + k] * b[k * size + j];
                c[i * size + j] = sum;
                checksum += sum;
            }
        return (long)checksum;
    }
}
