namespace RuntimeLab.Jit.Compile;

/// <summary>Session-wide settings.</summary>
public sealed record JitOptions
{
    /// <summary>Background compile threads; one keeps a core free for the interpreter on a 2-core machine.</summary>
    public int BackgroundWorkers { get; init; } = 1;

    /// <summary>Write /tmp/perf-PID.map so `perf report` names JIT'd code. Also enabled by RUNTIMELAB_PERF_MAP=1.</summary>
    public bool PerfMap { get; init; } = Environment.GetEnvironmentVariable("RUNTIMELAB_PERF_MAP") == "1";
}
