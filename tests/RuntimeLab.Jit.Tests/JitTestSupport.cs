using RuntimeLab.Jit.Compile;

namespace RuntimeLab.Jit.Tests;

/// <summary>One LLJIT shared by a test class; each test names its symbols uniquely so tests stay independent.</summary>
public sealed class SessionFixture : IDisposable
{
    public JitSession Session { get; } = new();
    public void Dispose() => Session.Dispose();
}

public static class Levels
{
    /// <summary>Every test that runs code runs it unoptimized and optimized: the two must agree.</summary>
    public static TheoryData<OptLevel, CompileRoute> Both => new()
    {
        { OptLevel.O0, CompileRoute.ObjectFile },
        { OptLevel.O2, CompileRoute.ObjectFile },
        { OptLevel.O0, CompileRoute.IrModule },
        { OptLevel.O2, CompileRoute.IrModule },
    };

    private static int s_unique;
    public static string Unique(string stem) => $"{stem}_{Interlocked.Increment(ref s_unique)}";
}

/// <summary>Calls into JIT'd code from contexts that cannot be unsafe (async tests).</summary>
public static unsafe class Invoke
{
    public static long I64(nint address) => ((delegate* unmanaged<long>)address)();
    public static long I64(nint address, long x) => ((delegate* unmanaged<long, long>)address)(x);
}
