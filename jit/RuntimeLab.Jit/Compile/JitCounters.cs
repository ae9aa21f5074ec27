namespace RuntimeLab.Jit.Compile;

/// <summary>Running totals for a session, updated from any compiling thread; the CLI and the lab read snapshots.</summary>
public sealed class JitCounters
{
    private long _modules, _functions, _irBefore, _irAfter, _passTicks, _codegenTicks, _codeBytes, _failures;

    internal void Record(CompileStats stats)
    {
        Interlocked.Increment(ref _modules);
        Interlocked.Add(ref _functions, stats.Functions);
        Interlocked.Add(ref _irBefore, stats.IrInstructionsBefore);
        Interlocked.Add(ref _irAfter, stats.IrInstructionsAfter);
        Interlocked.Add(ref _passTicks, stats.PassTime.Ticks);
        Interlocked.Add(ref _codegenTicks, stats.CodegenTime.Ticks);
        Interlocked.Add(ref _codeBytes, stats.CodeBytes);
    }

    internal void RecordFailure() => Interlocked.Increment(ref _failures);

    public JitCountersSnapshot Snapshot() => new(
        Interlocked.Read(ref _modules), Interlocked.Read(ref _functions),
        Interlocked.Read(ref _irBefore), Interlocked.Read(ref _irAfter),
        TimeSpan.FromTicks(Interlocked.Read(ref _passTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _codegenTicks)),
        Interlocked.Read(ref _codeBytes), Interlocked.Read(ref _failures));
}

public sealed record JitCountersSnapshot(
    long ModulesCompiled, long FunctionsCompiled,
    long IrInstructionsBefore, long IrInstructionsAfter,
    TimeSpan PassTime, TimeSpan CodegenTime,
    long CodeBytes, long FailedCompiles);
