namespace RuntimeLab.Lab.Harness;

/// <summary>One measured run and where it sat in the schedule.</summary>
/// <param name="Repetition">0-based repetition index.</param>
/// <param name="Order">0-based position of this engine among the workload's runs in that repetition.</param>
public sealed record RunRecord(string Workload, string Engine, int Repetition, int Order, RunResult Result);
