using RuntimeLab.Jit.Compile;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>One optimization level's view of the demo function.</summary>
public sealed record DemoLevel(OptLevel Level, string IrAfter, IReadOnlyList<NativeInstruction> Native, CompileStats Stats, long Result, TimeSpan RunTime);

/// <summary>Everything `runtimelab jit demo` shows: the input IR, and per level the optimized IR, native code and run.</summary>
public sealed record DemoReport(string Source, string IrBefore, IReadOnlyList<DemoLevel> Levels, long ManagedResult, TimeSpan ManagedRunTime, long N);

/// <summary>
/// The teaching demo of the shared backend: a sum-of-squares loop, built as a naive frontend builds
/// it (stack slots), compiled at O0 and O2. At O2 LLVM promotes the slots to SSA and replaces the
/// loop by its closed form, which the side-by-side views make visible.
/// </summary>
public static class BackendDemo
{
    public const string Symbol = "sum_of_squares";
    public const string Source = "long sum_of_squares(long n) { long sum = 0; for (long i = 0; i < n; i++) sum += i * i; return sum; }";
    public const long DefaultN = 100_000_000;

    private sealed class SumOfSquares : BackendKernel
    {
        public override string Name => Symbol;
        public override string Description => "sum of i*i below n";
        public override long BenchmarkSize => DefaultN;

        public override void BuildIr(IrModule module, string symbol)
        {
            var k = StructuredIr.DefineKernel(module, symbol);
            var sum = k.Var("sum", k.T.I64, k.I64(0));
            k.For("i", k.I64(0), () => k.Param(0), i => k.Set(sum, Core.BuildAdd(k.B, k.Get(sum), Core.BuildMul(k.B, i, i))));
            k.Return(k.Get(sum));
        }

        public override long RunManaged(long n, Span<byte> scratch)
        {
            long sum = 0;
            for (long i = 0; i < n; i++) sum += i * i;
            return sum;
        }
    }

    public static DemoReport Run(long n = DefaultN, params OptLevel[] levels)
    {
        if (levels.Length == 0) levels = [OptLevel.O0, OptLevel.O2];
        var kernel = new SumOfSquares();
        using var session = new JitSession();
        string? irBefore = null;
        var results = new List<DemoLevel>();
        foreach (var level in levels)
        {
            var module = session.CreateModule(Symbol);
            kernel.BuildIr(module, Symbol);
            using var compiled = session.Compile(module, new CompileOptions { Level = level, CaptureIr = true });
            irBefore ??= compiled.IrBeforeOptimization;
            var entry = compiled[Symbol];
            var run = RunCompiled(entry, n);
            results.Add(new DemoLevel(level, compiled.IrAfterOptimization!, NativeDisassembler.Disassemble(entry), compiled.Stats, run.Checksum, run.Elapsed));
        }
        var managed = CompiledKernel.RunManaged(kernel, n);
        return new DemoReport(Source, irBefore!, results, managed.Checksum, managed.Elapsed, n);
    }

    private static unsafe KernelRun RunCompiled(CompiledFunction entry, long n)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = ((delegate* unmanaged<long, byte*, long>)entry.Address)(n, null);
        return new KernelRun(result, clock.Elapsed);
    }
}
