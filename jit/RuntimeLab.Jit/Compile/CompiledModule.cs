using RuntimeLab.Jit.Llvm;

namespace RuntimeLab.Jit.Compile;

/// <summary>
/// A module's native code, alive until disposed. Disposing frees the code through the module's
/// resource tracker, after which its symbols may be defined again.
/// </summary>
public sealed class CompiledModule : IDisposable
{
    private readonly JitSession _session;
    private readonly OrcResourceTrackerRef _tracker;
    private int _released;

    internal CompiledModule(JitSession session, OrcResourceTrackerRef tracker, string name,
        IReadOnlyList<CompiledFunction> functions, CompileStats stats, string? irBefore, string? irAfter,
        IReadOnlyDictionary<string, byte[]> sections)
    {
        _session = session;
        _tracker = tracker;
        Name = name;
        Functions = functions;
        Stats = stats;
        IrBeforeOptimization = irBefore;
        IrAfterOptimization = irAfter;
        Sections = sections;
    }

    public string Name { get; }
    public IReadOnlyList<CompiledFunction> Functions { get; }
    public CompileStats Stats { get; }
    /// <summary>Present when compiled with <see cref="CompileOptions.CaptureIr"/>.</summary>
    public string? IrBeforeOptimization { get; }
    public string? IrAfterOptimization { get; }
    /// <summary>Raw bytes of captured object sections, e.g. ".llvm_stackmaps".</summary>
    public IReadOnlyDictionary<string, byte[]> Sections { get; }

    public CompiledFunction this[string name] =>
        Functions.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"module '{Name}' defines no function '{name}'");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _session.Release(_tracker);
    }
}
