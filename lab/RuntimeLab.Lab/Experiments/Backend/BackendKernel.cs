using RuntimeLab.Jit.Ir;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>
/// One algorithm written twice: as LLVM IR built by hand (as a frontend would) and as C# run by
/// CoreCLR. Both have the shape <c>long Kernel(long n, scratch)</c> and must return the same checksum.
/// </summary>
internal abstract class BackendKernel
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    /// <summary>The problem size a benchmark run uses: about 0.1 s at O2 on this machine.</summary>
    public abstract long BenchmarkSize { get; }
    /// <summary>Bytes of zeroed host memory the kernel may use, passed as its second argument.</summary>
    public virtual long ScratchBytes(long n) => 0;

    /// <summary>Defines the kernel as <c>i64 symbol(i64 n, ptr scratch)</c> in <paramref name="module"/>.</summary>
    public abstract void BuildIr(IrModule module, string symbol);

    /// <summary>The same algorithm in C#, for CoreCLR.</summary>
    public abstract long RunManaged(long n, Span<byte> scratch);

    public static readonly IReadOnlyList<BackendKernel> All =
        [new CollatzKernel(), new SieveKernel(), new MandelbrotKernel(), new FibonacciKernel(), new MatrixMultiplyKernel()];
}
