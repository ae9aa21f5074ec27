using RuntimeLab.Jit.Compile;
using RuntimeLab.Lab.Experiments.Backend;

namespace RuntimeLab.Lab.Tests;

/// <summary>Each hand-written IR kernel computes what its C# twin computes, at every optimization level.</summary>
public sealed class BackendKernelTests : IDisposable
{
    private readonly JitSession _session = new();

    public static TheoryData<string, OptLevel> Cases()
    {
        var data = new TheoryData<string, OptLevel>();
        foreach (var kernel in BackendKernel.All)
            foreach (var level in new[] { OptLevel.O0, OptLevel.Lean, OptLevel.O2 })
                data.Add(kernel.Name, level);
        return data;
    }

    /// <summary>Small sizes keep the test fast; two sizes catch a kernel that ignores its input.</summary>
    private static long[] SmallSizes(BackendKernel kernel) => kernel.Name switch
    {
        "fib" => [10, 17],
        "matmul" => [5, 13],
        "mandelbrot" => [20, 33],
        _ => [1000, 4567],
    };

    [Theory, MemberData(nameof(Cases))]
    public void IrKernelMatchesItsCSharpTwin(string name, OptLevel level)
    {
        var kernel = BackendKernel.All.Single(k => k.Name == name);
        using var compiled = CompiledKernel.Compile(_session, kernel, CompileOptions.At(level));
        var checksums = new HashSet<long>();
        foreach (var n in SmallSizes(kernel))
        {
            var expected = CompiledKernel.RunManaged(kernel, n).Checksum;
            Assert.Equal(expected, compiled.Run(n).Checksum);
            checksums.Add(expected);
        }
        Assert.Equal(2, checksums.Count);
    }

    public void Dispose() => _session.Dispose();
}
