using System.Diagnostics;
using System.Runtime.InteropServices;
using RuntimeLab.Jit.Compile;

namespace RuntimeLab.Lab.Experiments.Backend;

/// <summary>A kernel's checksum and how long the call alone took (scratch allocation excluded).</summary>
internal readonly record struct KernelRun(long Checksum, TimeSpan Elapsed);

/// <summary>A backend kernel compiled at one level, callable until disposed.</summary>
internal sealed unsafe class CompiledKernel : IDisposable
{
    private readonly delegate* unmanaged<long, byte*, long> _entry;

    public BackendKernel Kernel { get; }
    public CompiledModule Module { get; }
    public string Symbol { get; }

    private CompiledKernel(BackendKernel kernel, CompiledModule module, string symbol)
    {
        Kernel = kernel;
        Module = module;
        Symbol = symbol;
        _entry = (delegate* unmanaged<long, byte*, long>)module[symbol].Address;
    }

    private static int s_serial;

    public static CompiledKernel Compile(JitSession session, BackendKernel kernel, CompileOptions options)
    {
        // A fresh symbol per compile, so that runs never collide with code still alive from an earlier one.
        var symbol = $"{kernel.Name}_{Interlocked.Increment(ref s_serial)}";
        var module = session.CreateModule(symbol);
        kernel.BuildIr(module, symbol);
        return new CompiledKernel(kernel, session.Compile(module, options), symbol);
    }

    public KernelRun Run(long n)
    {
        var bytes = (nuint)Kernel.ScratchBytes(n);
        var scratch = (byte*)NativeMemory.AllocZeroed(Math.Max(bytes, 1));
        try
        {
            var clock = Stopwatch.StartNew();
            var checksum = _entry(n, scratch);
            return new KernelRun(checksum, clock.Elapsed);
        }
        finally
        {
            NativeMemory.Free(scratch);
        }
    }

    /// <summary>The C# version on CoreCLR, timed the same way.</summary>
    public static KernelRun RunManaged(BackendKernel kernel, long n)
    {
        var scratch = new byte[kernel.ScratchBytes(n)];
        var clock = Stopwatch.StartNew();
        var checksum = kernel.RunManaged(n, scratch);
        return new KernelRun(checksum, clock.Elapsed);
    }

    public void Dispose() => Module.Dispose();
}
