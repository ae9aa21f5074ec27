namespace RuntimeLab.Lab.Harness;

/// <summary>Reported just before each run starts, so a UI can show what is running now.</summary>
/// <param name="Completed">Runs finished so far, warm-ups included.</param>
/// <param name="Total">All runs the plan will make, warm-ups included.</param>
/// <param name="Repetition">0-based index within <paramref name="IsWarmup"/>'s phase.</param>
public sealed record RunnerProgress(int Completed, int Total, bool IsWarmup, int Repetition, string Workload, string Engine);
