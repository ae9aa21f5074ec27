namespace RuntimeLab.Lab.Harness;

/// <summary>The outcome and measurements of one run of one workload on one engine.</summary>
public sealed record RunResult
{
    public required RunStatus Status { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";

    /// <summary>The process exit code; null for in-process engines.</summary>
    public int? ExitCode { get; init; }

    public required double WallMs { get; init; }

    /// <summary>User + system CPU time; null where it could not be measured.</summary>
    public double? CpuMs { get; init; }

    /// <summary>Peak resident set size in bytes; null where no per-run figure exists (see each engine).</summary>
    public long? PeakMemoryBytes { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Why the run failed or timed out; null when ok.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The value of a harness metric (<see cref="Metric"/>) or of one of the engine's own metrics.</summary>
    public double? ValueOf(string metric) => metric switch
    {
        Metric.WallMs => WallMs,
        Metric.CpuMs => CpuMs,
        _ => Metrics.TryGetValue(metric, out var value) ? value : null,
    };

    public static RunResult Failed(string reason, double wallMs) =>
        new() { Status = RunStatus.Failed, FailureReason = reason, WallMs = wallMs };
}
