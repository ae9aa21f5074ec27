using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>Naive recursive Fibonacci: call overhead, in a second function of the same module.</summary>
internal sealed class FibonacciKernel : BackendKernel
{
    public override string Name => "fib";
    public override string Description => "recursive Fibonacci (calls)";
    public override long BenchmarkSize => 35;

    public override void BuildIr(IrModule module, string symbol)
    {
        var t = module.Types;
        var fibType = t.Function(t.I64, t.I64);
        var (fib, b) = module.DefineFunction(symbol + "_fib", t.I64, t.I64);
        Core.SetLinkage(fib, Linkage.Internal);
        var n = Core.GetParam(fib, 0);
        var small = module.AppendBlock(fib, "small");
        var recurse = module.AppendBlock(fib, "recurse");
        Core.BuildCondBr(b, Core.BuildICmp(b, IntPredicate.Slt, n, Core.ConstInt(t.I64, 2L)), small, recurse);
        Core.PositionBuilderAtEnd(b, small);
        Core.BuildRet(b, n);
        Core.PositionBuilderAtEnd(b, recurse);
        var left = Core.BuildCall(b, fibType, fib, [Core.BuildSub(b, n, Core.ConstInt(t.I64, 1L))]);
        var right = Core.BuildCall(b, fibType, fib, [Core.BuildSub(b, n, Core.ConstInt(t.I64, 2L))]);
        Core.BuildRet(b, Core.BuildAdd(b, left, right));

        var k = StructuredIr.DefineKernel(module, symbol);
        k.Return(Core.BuildCall(k.B, fibType, fib, [k.Param(0)]));
    }

    public override long RunManaged(long n, Span<byte> scratch) => Fib(n);

    private static long Fib(long n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
}
