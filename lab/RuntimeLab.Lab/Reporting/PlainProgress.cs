using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>Progress as one plain line per run, for logs and redirected stderr where live rendering would be noise.</summary>
public sealed class PlainProgress(TextWriter writer) : IProgress<RunnerProgress>
{
    public void Report(RunnerProgress value) => writer.WriteLine($"[{value.Completed + 1}/{value.Total}] {Describe(value)}");

    internal static string Describe(RunnerProgress value) =>
        $"{(value.IsWarmup ? "warm-up" : "repetition")} {value.Repetition + 1}: {value.Workload} on {value.Engine}";
}
